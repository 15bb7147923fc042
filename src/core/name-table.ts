/**
 * A fixed-size open-addressing hash table from name keys (normaliseName's) to index slots, filled
 * from the names as the lists hold them. A name is filed under the hash of its key (nameKeyHash);
 * the key itself is only built when two names share a hash or a look-up reaches the place.
 * Indexing 50,000 participants' names then builds next to no strings, where a Map<string> needed
 * every key built, hashed again and kept. A look-up is still constant time: one hash, and one key
 * compared per place with the same hash.
 */
import { type IndexSlot, codeWithOrder, slotOf, tableCapacity } from "./index-slot.ts";
import { NO_NAME_KEY, keyHash, nameKeyHash, normaliseName } from "./name-key.ts";

/** Each place: the key's hash, its slot's code (0 marks an empty place), and its name's index in #names. */
const STRIDE = 3;

export class NameTable {
  readonly #cells: Int32Array;
  readonly #lists: (readonly number[])[] = [];
  /** The name each key was first filed from. */
  readonly #names: string[] = [];
  /** The keys built so far, by cell index. */
  readonly #keys = new Map<number, string>();
  readonly #mask: number;

  /** `expected`: how many names at most will be filed (the table is sized for it, at most half full). */
  constructor(expected: number) {
    const capacity = tableCapacity(expected);
    this.#cells = new Int32Array(capacity * STRIDE);
    this.#mask = capacity - 1;
  }

  /** How many distinct keys are filed. */
  get size(): number {
    return this.#names.length;
  }

  #keyAt(at: number): string {
    let key = this.#keys.get(at);
    if (key === undefined) {
      key = normaliseName(this.#names[this.#cells[at + 2]!]);
      this.#keys.set(at, key);
    }
    return key;
  }

  /** Who has `key`, a normalised name ("" has no one). */
  get(key: string): IndexSlot | undefined {
    if (key === "") return undefined;
    const hash = keyHash(key);
    for (let i = hash & this.#mask; ; i = (i + 1) & this.#mask) {
      const at = i * STRIDE;
      if (this.#cells[at + 1] === 0) return undefined;
      if (this.#cells[at] === hash && this.#keyAt(at) === key) return slotOf(this.#cells[at + 1]!, this.#lists);
    }
  }

  /** Files `order` under `name`'s key, if it has one (withOrder in index-slot.ts says how). */
  put(name: string, order: number, acoEnd: number): void {
    const hash = nameKeyHash(name);
    if (hash === NO_NAME_KEY) return;
    let key: string | undefined;
    let at: number;
    for (let i = hash & this.#mask; ; i = (i + 1) & this.#mask) {
      at = i * STRIDE;
      if (this.#cells[at + 1] === 0) break;
      if (this.#cells[at] !== hash) continue;
      key ??= normaliseName(name);
      if (this.#keyAt(at) === key) break;
    }
    if (this.#cells[at + 1] === 0) {
      if (this.#names.length * 2 * STRIDE >= this.#cells.length)
        throw new RangeError("NameTable is full: more names than it was sized for");
      this.#cells[at] = hash;
      this.#cells[at + 2] = this.#names.push(name) - 1;
      if (key !== undefined) this.#keys.set(at, key);
    }
    const code = this.#cells[at + 1]!;
    this.#cells[at + 1] = code === 0 ? order + 1 : codeWithOrder(code, this.#lists, order, acoEnd);
  }
}
