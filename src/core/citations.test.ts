import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CITATIONS, citationInfo, ecfrUrl } from "./citations.ts";
import { evaluate } from "./evaluate.ts";
import { arbProfile, arbRequest } from "../../test/support/arbitraries.ts";

const CANONICAL = /^(?:(?:45|42) CFR \d+\.\d+(?:\([0-9A-Za-z]+\))*|https:\/\/\S+)$/;

describe("citation catalogue", () => {
  it("builds eCFR addresses for sections and paragraphs", () => {
    expect(ecfrUrl("45 CFR 164.506(c)(2)")).toBe("https://www.ecfr.gov/current/title-45/section-164.506#p-164.506(c)(2)");
    expect(ecfrUrl("42 CFR 2.31")).toBe("https://www.ecfr.gov/current/title-42/section-2.31");
    expect(ecfrUrl("45 CFR 164.501")).toBe("https://www.ecfr.gov/current/title-45/section-164.501");
    expect(ecfrUrl("45 CFR  164.501")).toBeUndefined();
  });
  it("has a title and an https address for every entry, keyed in canonical form", () => {
    for (const [citation, info] of Object.entries(CITATIONS)) {
      expect(citation).toMatch(CANONICAL);
      expect(info.title.length).toBeGreaterThan(3);
      expect(info.url).toMatch(/^https:\/\//);
      if (citation.startsWith("https://")) expect(info.url).toBe(citation);
    }
  });
  it("answers undefined for unknown citations, not inherited properties", () => {
    expect(citationInfo("45 CFR 999.1")).toBeUndefined();
    expect(citationInfo("toString")).toBeUndefined();
    expect(citationInfo("45 CFR 164.524")?.url).toBe("https://www.ecfr.gov/current/title-45/section-164.524");
  });
  it("covers every citation evaluate emits over many random requests and profiles", () => {
    const missing = new Set<string>();
    fc.assert(
      fc.property(arbRequest, fc.option(arbProfile, { nil: undefined }), (request, profile) => {
        for (const citation of evaluate(request, profile).citations) if (!citationInfo(citation)) missing.add(citation);
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect([...missing]).toEqual([]);
  }, 30_000); // bounded, with room for a loaded 2-core machine (3,000 fresh profiles parsed and indexed)
});

describe("citation literals in the rules' source", () => {
  it("are all in the catalogue", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL("./rules/", import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const literal = /"((?:45|42) CFR \d+\.\d+(?:\([0-9A-Za-z]+\))*|https:\/\/[^"\s]+)"/g;
    const found = new Set<string>();
    for (const file of files) for (const m of readFileSync(new URL(file, dir), "utf8").matchAll(literal)) found.add(m[1]!);
    expect(found.size).toBeGreaterThan(50);
    expect([...found].filter((c) => !citationInfo(c))).toEqual([]);
  });
});
