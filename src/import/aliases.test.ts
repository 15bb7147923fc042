import { describe, expect, it } from "vitest";
import { aliasKind, invalidAlias, splitAliases, uniqueAliases } from "./aliases.ts";

describe("aliases", () => {
  it("tells Direct addresses, Direct domains, fax numbers and names apart", () => {
    expect(aliasKind("referrals@direct.lakeside.example")).toBe("direct");
    expect(aliasKind("@direct.lakeside.example")).toBe("domain");
    expect(aliasKind("(555) 010-2345")).toBe("fax");
    expect(aliasKind("1-555-010-2345")).toBe("fax");
    expect(aliasKind("Lakeside Neurology")).toBe("name");
    expect(aliasKind("Clínica Peñasco")).toBe("name");
  });

  it("refuses what could never match", () => {
    for (const bad of ["555-0101", "2-555-010-2345", "not@an address", "a@b@c", "", "  "]) expect(aliasKind(bad)).toBeUndefined();
    expect(invalidAlias(["Fine", "555-0101"])).toBe("555-0101");
  });

  it("splits on semicolons, lower-cases addresses and keeps each alias once", () => {
    expect(splitAliases(" A Name ; @Direct.X.example;; 5550102345 ")).toEqual(["A Name", "@direct.x.example", "5550102345"]);
    expect(uniqueAliases(["A", "a", " B "])).toEqual(["A", "B"]);
  });
});
