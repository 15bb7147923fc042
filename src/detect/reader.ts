/** The reader of a control's surroundings, whole: what content-reader.js carries, and what every other context uses directly. */
import { readCues } from "./cues.ts";
import type { Reader } from "./detector.ts";
import { provideFieldMeaning, type FieldMeaning } from "./field-meaning.ts";
import { readRecipient } from "./recipient.ts";
import { fieldMeaning } from "./recipient-interpret.ts";

/** The reader, and what its labels say of a field for classification (field-meaning.ts). */
export type ReaderPart = Reader & { fieldMeaning: FieldMeaning };

export const pageReader: ReaderPart = {
  readRecipient: (control, deadline, openedFrom) => readRecipient(control, { deadline, openedFrom }),
  readCues,
  fieldMeaning: (field) => fieldMeaning(field),
};

// Wherever the reader is built in, classification has what it needs of it.
provideFieldMeaning(pageReader.fieldMeaning);
