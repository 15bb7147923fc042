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
  /** Past `deadline` (performance.now()) throws PastDeadline (walk.ts). */
  readRecipient(control: Element, deadline?: number): DetectedRecipient | undefined;
  /** What the record holds, read off what leaves with the control. Past `deadline` throws PastDeadline. */
  readCues(control: Element, deadline?: number): CueText[];
}

export interface Detector extends Reader {
  classify(el: Element): Classification | null;
  /** The control an event is about, with its classification. */
  findAction(event: Event): FoundAction | null;
}

export function createDetector(reader: Reader): Detector {
  return {
    classify: (el) => classifyControl(el),
    findAction,
    readRecipient: (control, deadline) => reader.readRecipient(control, deadline),
    readCues: (control, deadline) => reader.readCues(control, deadline),
  };
}
