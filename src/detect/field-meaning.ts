/**
 * What a field means for the recipient (recipient-interpret.ts's fieldMeaning), as classification asks it of the
 * fields around a generic Send. Reading labels is most of the reader's vocabulary, so content.js does not carry it:
 * the reader part brings it (content/reader-loader.ts) and every other context has it from reader.ts. Until it has
 * come, a classification that needs it is pending (classify.ts): held, and classified again once it is here.
 */
import type { LabelMatch } from "./recipient-interpret.ts";

export type FieldMeaning = (field: Element) => LabelMatch | "excluded" | null;

export class FieldsNotRead extends Error {
  override name = "FieldsNotRead";
}

let meaning: FieldMeaning | undefined;

/** Gives classification the reader's field meaning (undefined takes it away again). */
export function provideFieldMeaning(given: FieldMeaning | undefined): void {
  meaning = given;
}

/** Throws FieldsNotRead until provided. */
export function fieldMeaningOf(field: Element): LabelMatch | "excluded" | null {
  if (!meaning) throw new FieldsNotRead();
  return meaning(field);
}
