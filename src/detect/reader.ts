/** The reader of a control's surroundings, whole: what content-reader.js carries, and what every other context uses directly. */
import { readCues } from "./cues.ts";
import type { Reader } from "./detector.ts";
import { readRecipient } from "./recipient.ts";

export const pageReader: Reader = {
  readRecipient: (control, deadline, openedFrom) => readRecipient(control, { deadline, openedFrom }),
  readCues,
};
