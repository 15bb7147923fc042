import { describe, expect, it } from "vitest";
import { keyHash, normaliseName } from "./name-key.ts";
import { NameTable } from "./name-table.ts";

/** Two different keys with the same hash (found by search; the first test checks it still holds). */
const COLLIDING = ["ffvhrpoxiy", "rbxzfhydtr"] as const;

describe("NameTable", () => {
  it("files names under their normalised key and finds them by it", () => {
    const table = new NameTable(8);
    table.put("Lakeside Neurology Associates, PLLC", 3, 0);
    table.put("The Riverside Clinic", 4, 0);
    table.put("Inc.", 5, 0); // no key: not filed
    expect(table.get(normaliseName("LAKESIDE NEUROLOGY ASSOCIATES"))).toBe(3);
    expect(table.get("riverside clinic")).toBe(4);
    expect(table.get("")).toBeUndefined();
    expect(table.get("lakeside")).toBeUndefined();
    expect(table.size).toBe(2);
  });

  it("tells apart two keys whose hashes are the same, filed and looked up in either order", () => {
    expect(keyHash(COLLIDING[0])).toBe(keyHash(COLLIDING[1]));
    for (const [first, second] of [COLLIDING, [...COLLIDING].reverse()]) {
      const table = new NameTable(4);
      expect(table.get(second!)).toBeUndefined();
      table.put(first!, 1, 0);
      expect(table.get(second!)).toBeUndefined();
      table.put(second!.toUpperCase(), 2, 0);
      table.put(`${first!.toUpperCase()} LLC`, 0, 0); // the same key as first: a new ACO's order in front
      expect([table.get(first!), table.get(second!), table.size]).toEqual([[0, 1], 2, 2]);
    }
  });

  it("answers like a Map over many names", () => {
    const table = new NameTable(3000);
    const model = new Map<string, number>();
    for (let n = 0; n < 3000; n++) {
      const name = `Practice ${n % 2000} Family Medicine${n % 3 ? ", P.C." : ""}`;
      table.put(name, n, n + 1); // one ACO: a later order replaces the earlier (the index files backwards)
      model.set(normaliseName(name), n);
    }
    for (const [key, order] of model) expect(table.get(key)).toBe(order);
    expect(table.size).toBe(model.size);
  });

  it("refuses more names than it was sized for", () => {
    const table = new NameTable(4);
    for (let n = 0; n < 8; n++) table.put(`name ${n}`, n, 0);
    expect(() => table.put("name 9", 9, 0)).toThrow(RangeError);
  });
});
