/**
 * A fixed-size open-addressing hash table from name keys (normaliseName's) to index slots, filled
 * from the names as the lists hold them. A name is filed under the hash of its key (nameKeyHash);
 * the key itself is only built when two names share a hash or a look-up reaches the place.
 * Indexing 50,000 participants' names then builds next to no strings, where a Map<string> needed
 * every key built, hashed again and kept. A look-up is still constant time: one hash, and one key
 * compared per place with the same hash.
 */
import { type IndexSlot, SlotColumn } from "./index-slot.ts";
import { NO_NAME_KEY, keyHash, nameKeyHash, normaliseName } from "./name-key.ts";

export class NameTable {
  readonly #hashes: Int32Array;
  readonly #slots: SlotColumn;
  /** Each place's name (the first filed under its key), as an index into #names. */
  readonly #sources: Int32Array;
  readonly #names: string[] = [];
  /** The keys built so far, by place. */
  readonly #keys = new Map<number, string>();
  readonly #mask: number;

  /** `expected`: how many names at most will be filed (the table is sized for it, at most half full). */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#hashes = new Int32Array(capacity);
    this.#slots = new SlotColumn(capacity);
    this.#sources = new Int32Array(capacity);
    this.#mask = capacity - 1;
  }

  /** How many distinct keys are filed. */
  get size(): number {
    return this.#names.length;
  }

  #keyAt(place: number): string {
    let key = this.#keys.get(place);
    if (key === undefined) {
      key = normaliseName(this.#names[this.#sources[place]!]);
      this.#keys.set(place, key);
    }
    return key;
  }

  /** Who has `key`, a normalised name ("" has no one). */
  get(key: string): IndexSlot | undefined {
    if (key === "") return undefined;
    const hash = keyHash(key);
    for (let i = hash & this.#mask; !this.#slots.isEmpty(i); i = (i + 1) & this.#mask) {
      if (this.#hashes[i] === hash && this.#keyAt(i) === key) return this.#slots.get(i);
    }
    return undefined;
  }

  /** Files `order` under `name`'s key, if it has one (withOrder in index-slot.ts says how). */
  put(name: string, order: number, acoEnd: number): void {
    const hash = nameKeyHash(name);
    if (hash === NO_NAME_KEY) return;
    let key: string | undefined;
    let i = hash & this.#mask;
    for (; !this.#slots.isEmpty(i); i = (i + 1) & this.#mask) {
      if (this.#hashes[i] !== hash) continue;
      key ??= normaliseName(name);
      if (this.#keyAt(i) === key) break;
    }
    if (this.#slots.isEmpty(i)) {
      if (this.#names.length * 2 >= this.#hashes.length) throw new RangeError("NameTable is full: more names than it was sized for");
      this.#hashes[i] = hash;
      this.#sources[i] = this.#names.push(name) - 1;
      if (key !== undefined) this.#keys.set(i, key);
    }
    this.#slots.put(i, order, acoEnd);
  }
}
