/**
 * Who in the ACO index has a key (aco-match.ts), and where the index's tables keep it: one number per
 * place in an Int32Array, so that filing 50,000 participants writes no object pointers the garbage
 * collector must then trace.
 */

/**
 * Who has a key, by position in the matching walk: one, or (when several ACOs have it) the first of
 * each ACO, in profile order.
 */
export type IndexSlot = number | readonly number[];

/**
 * A key's slot once `order` has it too. The index is built backwards (last ACO and participant
 * first), so a new entry always comes before what is there: it replaces its own ACO's entry (one
 * numbered below `acoEnd`) and goes in front of the others, which keeps the first hit at the head.
 */
export function withOrder(slot: IndexSlot | undefined, order: number, acoEnd: number): IndexSlot {
  if (slot === undefined) return order;
  if (typeof slot === "number") return slot < acoEnd ? order : [order, slot];
  return slot[0]! < acoEnd ? [order, ...slot.slice(1)] : [order, ...slot];
}

/** A table's slots by place: 0 for none, order + 1 for one, -(k + 1) for the k-th list of several. */
export class SlotColumn {
  readonly #codes: Int32Array;
  readonly #lists: (readonly number[])[] = [];

  constructor(capacity: number) {
    this.#codes = new Int32Array(capacity);
  }

  isEmpty(place: number): boolean {
    return this.#codes[place] === 0;
  }

  get(place: number): IndexSlot | undefined {
    const code = this.#codes[place]!;
    if (code > 0) return code - 1;
    return code === 0 ? undefined : this.#lists[-code - 1];
  }

  /** Files `order` at the place (see withOrder). */
  put(place: number, order: number, acoEnd: number): void {
    const code = this.#codes[place]!;
    if (code === 0 || (code > 0 && code - 1 < acoEnd)) {
      this.#codes[place] = order + 1;
      return;
    }
    const slot = withOrder(this.get(place), order, acoEnd);
    if (typeof slot === "number") this.#codes[place] = slot + 1;
    else if (code < 0) this.#lists[-code - 1] = slot;
    else this.#codes[place] = -this.#lists.push(slot);
  }
}
