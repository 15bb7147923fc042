/**
 * Detection as the content script uses it: classification, the control an event is about, and the reader of what
 * is around a control (its recipient, the cues of what it sends). The reader is passed in: in content.js it is the
 * part loaded apart (content/reader-loader.ts), elsewhere `pageReader` (reader.ts).
 */
import type { DetectedRecipient } from "./action.ts";
import { classifyControl, type Classification } from "./classify.ts";
import type { CueText } from "./cues.ts";
import { findAction, type FoundAction } from "./find-control.ts";

export interface Reader {
  /**
   * Past `deadline` (performance.now()) throws PastDeadline (walk.ts). `openedFrom`: the control pressed for the dialog
   * `control` is in, whose record names whom a dialog showing only an address sends to (recipient.ts).
   */
  readRecipient(control: Element, deadline?: number, openedFrom?: Element): DetectedRecipient | undefined;
  /**
   * What the record holds, read off what leaves with the control (and the record a dialog it is in was opened from,
   * `openedFrom` the control pressed for it: cues.ts). Past `deadline` throws PastDeadline.
   */
  readCues(control: Element, deadline?: number, openedFrom?: Element): CueText[];
}

export interface Detector extends Reader {
  classify(el: Element): Classification | null;
  /** The control an event is about, with its classification. */
  findAction(event: Event): FoundAction | null;
}

/** `openedFrom`: the control last pressed outside any dialog (content/opened-from.ts), for the cues and recipient of a send in one. */
export function createDetector(reader: Reader, openedFrom: () => Element | undefined = () => undefined): Detector {
  return {
    classify: (el) => classifyControl(el),
    findAction,
    readRecipient: (control, deadline) => reader.readRecipient(control, deadline, openedFrom()),
    readCues: (control, deadline) => reader.readCues(control, deadline, openedFrom()),
  };
}
