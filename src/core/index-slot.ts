/**
 * Who in the ACO index has a key (aco-match.ts), and how the index's tables keep it: one Int32 code
 * per key, beside the key in the table's own typed array, so that filing 50,000 participants writes
 * no object pointers the garbage collector must then trace, and a key and its slot share a cache line.
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

/** A slot's code: 0 for none, order + 1 for one, -(k + 1) for the k-th of `lists` (several orders). */
export function slotOf(code: number, lists: readonly (readonly number[])[]): IndexSlot | undefined {
  if (code > 0) return code - 1;
  return code === 0 ? undefined : lists[-code - 1];
}

/** The code of a slot once `order` has it too (withOrder); a list of several goes in `lists`. */
export function codeWithOrder(code: number, lists: (readonly number[])[], order: number, acoEnd: number): number {
  if (code === 0 || (code > 0 && code - 1 < acoEnd)) return order + 1;
  const slot = withOrder(slotOf(code, lists), order, acoEnd);
  if (typeof slot === "number") return slot + 1;
  if (code < 0) {
    lists[-code - 1] = slot;
    return code;
  }
  return -lists.push(slot);
}

/** Places for a table of at most `expected` keys: a power of two (a mask finds the place), at least twice as many (at most half full). */
export function tableCapacity(expected: number): number {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  return capacity;
}
