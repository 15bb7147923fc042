/**
 * A fixed-size open-addressing hash table from identifier keys (NPI and TIN keys: non-negative
 * integers below 2^31 - 1) to index slots. Filling it for 50,000 participants costs a fraction of
 * a Map<number> (no per-entry allocation, no rehashing, a key and its slot side by side in one
 * Int32Array), which keeps the ACO index build inside its budget; a look-up is still constant time.
 */
import { type IndexSlot, codeWithOrder, slotOf, tableCapacity } from "./index-slot.ts";

/** Each place: the key + 1 (0 marks an empty place), then its slot's code. */
const STRIDE = 2;

export class IdTable {
  readonly #cells: Int32Array;
  readonly #lists: (readonly number[])[] = [];
  readonly #mask: number;
  #size = 0;

  /** `expected`: how many keys at most will be filed (the table is sized for it, at most half full). */
  constructor(expected: number) {
    const capacity = tableCapacity(expected);
    this.#cells = new Int32Array(capacity * STRIDE);
    this.#mask = capacity - 1;
  }

  /** How many distinct keys are filed. */
  get size(): number {
    return this.#size;
  }

  /** The cell index of `key`'s place, or of the empty place where it would go (`key` is an id key). */
  #place(key: number): number {
    const stored = key + 1;
    const cells = this.#cells;
    const mask = this.#mask;
    const h = Math.imul(key, 0x9e3779b1);
    for (let i = (h ^ (h >>> 15)) & mask; ; i = (i + 1) & mask) {
      const k = cells[i * STRIDE]!;
      if (k === 0 || k === stored) return i * STRIDE;
    }
  }

  get(key: number): IndexSlot | undefined {
    if (!isIdKey(key)) return undefined;
    return slotOf(this.#cells[this.#place(key) + 1]!, this.#lists);
  }

  /** Files `order` under `key` (withOrder in index-slot.ts says how it joins who has it already). */
  put(key: number, order: number, acoEnd: number): void {
    if (!isIdKey(key)) throw new RangeError(`IdTable keys are integers from 0 to 2^31 - 2, not ${key}`);
    const at = this.#place(key);
    if (this.#cells[at] === 0) {
      if (this.#size * 2 * STRIDE >= this.#cells.length) throw new RangeError("IdTable is full: more keys than it was sized for");
      this.#cells[at] = key + 1;
      this.#size++;
    }
    const code = this.#cells[at + 1]!;
    this.#cells[at + 1] = code === 0 ? order + 1 : codeWithOrder(code, this.#lists, order, acoEnd);
  }
}

function isIdKey(key: number): boolean {
  return (key | 0) === key && key >= 0 && key < 0x7fffffff;
}
