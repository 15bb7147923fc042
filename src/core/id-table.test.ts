import { describe, expect, it } from "vitest";
import { IdTable } from "./id-table.ts";

describe("IdTable", () => {
  it("keeps every key's own slot when another key is filed between a look-up and a put", () => {
    // Pairs of keys in a 16-place table: about one pair in 16 shares a place to probe first,
    // where the second key's put fills the place the first key's look-up found empty.
    for (let a = 0; a < 400; a++) {
      const table = new IdTable(8);
      const b = a * 7919 + 1e8;
      expect(table.get(a)).toBeUndefined();
      table.put(b, 2, 0);
      table.put(a, 1, 0);
      expect([table.get(a), table.get(b), table.size]).toEqual([1, 2, 2]);
    }
  });

  it("answers like a Map over many keys, up to the largest it holds", () => {
    const table = new IdTable(5000);
    const model = new Map<number, number>();
    for (let n = 0; n < 5000; n++) {
      const key = n === 0 ? 0x7ffffffe : (n * 2654435761) % 999999937;
      table.get(key);
      table.put(key, n, 0); // acoEnd 0: every order is a new ACO's, so the last put is the head
      model.set(key, n);
    }
    for (const [key, order] of model) {
      const slot = table.get(key);
      expect(typeof slot === "number" ? slot : slot?.[0]).toBe(order);
    }
    expect(table.size).toBe(model.size);
    expect(table.get(999999999)).toBeUndefined();
  });

  it("keeps one order per ACO, the earliest first, as the index files them backwards", () => {
    const table = new IdTable(4);
    // ACO 1 holds orders 10-19, ACO 0 orders 0-9: filed from the last.
    table.put(42, 17, 20);
    table.put(42, 12, 20); // same ACO, earlier: replaces 17
    expect(table.get(42)).toBe(12);
    table.put(42, 5, 10); // another ACO: goes in front
    table.put(42, 3, 10); // ACO 0 again: replaces 5
    expect(table.get(42)).toEqual([3, 12]);
  });

  it("refuses a key it cannot hold, and finds no one under it", () => {
    const table = new IdTable(4);
    for (const key of [-1, 0x7fffffff, 1e10, 1.5]) {
      expect(() => table.put(key, 1, 0)).toThrow(RangeError);
      expect(table.get(key)).toBeUndefined();
    }
    expect(table.size).toBe(0);
  });

  it("refuses more keys than it was sized for", () => {
    const table = new IdTable(4);
    for (let key = 0; key < 8; key++) table.put(key * 1e8, key, 0);
    expect(() => table.put(9e8, 9, 0)).toThrow(RangeError);
  });
});
