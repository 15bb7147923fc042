/**
 * A fixed-size open-addressing hash table from identifier keys (NPI, TIN and fax keys:
 * non-negative integers below 2^53) to index slots. Filling it for 50,000 participants costs a
 * fraction of a Map<number> (no per-entry allocation, no rehashing), which keeps the ACO index
 * build inside its budget; a look-up is still constant time.
 */
import { type IndexSlot, SlotColumn } from "./index-slot.ts";

export class IdTable {
  /** key + 1, so 0 marks an empty place. */
  readonly #keys: Float64Array;
  readonly #slots: SlotColumn;
  readonly #mask: number;
  #size = 0;

  /** `expected`: how many keys at most will be filed (the table is sized for it, at most half full). */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#keys = new Float64Array(capacity);
    this.#slots = new SlotColumn(capacity);
    this.#mask = capacity - 1;
  }

  /** How many distinct keys are filed. */
  get size(): number {
    return this.#size;
  }

  #place(key: number): number {
    const stored = key + 1;
    let i = hash(key) & this.#mask;
    for (;;) {
      const k = this.#keys[i]!;
      if (k === 0 || k === stored) return i;
      i = (i + 1) & this.#mask;
    }
  }

  get(key: number): IndexSlot | undefined {
    return this.#slots.get(this.#place(key));
  }

  /** Files `order` under `key` (withOrder in index-slot.ts says how it joins who has it already). */
  put(key: number, order: number, acoEnd: number): void {
    const i = this.#place(key);
    if (this.#keys[i] === 0) {
      if (this.#size * 2 >= this.#keys.length) throw new RangeError("IdTable is full: more keys than it was sized for");
      this.#keys[i] = key + 1;
      this.#size++;
    }
    this.#slots.put(i, order, acoEnd);
  }
}

function hash(key: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) | 0;
  const h = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1);
  return h ^ (h >>> 15);
}
