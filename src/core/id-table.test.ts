import { describe, expect, it } from "vitest";
import { IdTable } from "./id-table.ts";

describe("IdTable", () => {
  it("keeps every key's own value when another key is set between a get and a set", () => {
    // Pairs of keys in a 16-place table: about one pair in 16 shares a place to probe first,
    // where the second key's set fills the place the first key's get found empty.
    for (let a = 0; a < 400; a++) {
      const table = new IdTable<string>(8);
      const b = a * 7919 + 1e9;
      expect(table.get(a)).toBeUndefined();
      table.set(b, "b");
      table.set(a, "a");
      expect([table.get(a), table.get(b), table.size]).toEqual(["a", "b", 2]);
    }
  });

  it("answers like a Map over many keys", () => {
    const table = new IdTable<number>(5000);
    const model = new Map<number, number>();
    for (let n = 0; n < 5000; n++) {
      const key = (n * 2654435761) % 999999937;
      table.get(key);
      table.set(key, n);
      model.set(key, n);
    }
    for (const [key, value] of model) expect(table.get(key)).toBe(value);
    expect(table.size).toBe(model.size);
    expect(table.get(999999999)).toBeUndefined();
  });

  it("refuses more keys than it was sized for", () => {
    const table = new IdTable<number>(4);
    for (let key = 0; key < 8; key++) table.set(key * 1e9, key);
    expect(() => table.set(9e9, 9)).toThrow(RangeError);
  });
});
