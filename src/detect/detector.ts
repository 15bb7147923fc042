/** Detection as the content script uses it: classification, the control an event is about, recipients. */
import type { DetectedRecipient } from "./action.ts";
import { classifyControl, type Classification } from "./classify.ts";
import { findAction, type FoundAction } from "./find-control.ts";
import { readRecipient } from "./recipient.ts";

export interface Detector {
  classify(el: Element): Classification | null;
  /** The control an event is about, with its classification. */
  findAction(event: Event): FoundAction | null;
  /** Past `deadline` (performance.now()) throws PastDeadline (walk.ts). */
  readRecipient(control: Element, deadline?: number): DetectedRecipient | undefined;
}

export function createDetector(): Detector {
  return {
    classify: (el) => classifyControl(el),
    findAction,
    readRecipient: (control, deadline) => readRecipient(control, { deadline }),
  };
}
