/** Detection as the content script uses it: classification, the control an event is about, scans and recipients. */
import type { DetectedRecipient } from "./action.ts";
import { classifyControl, type Classification } from "./classify.ts";
import { findAction, type FoundAction } from "./find-control.ts";
import { readRecipient } from "./recipient.ts";
import { scanForActions, type Candidate } from "./scan.ts";

export interface Detector {
  classify(el: Element): Classification | null;
  /** The control an event is about, with its classification. */
  findAction(event: Event): FoundAction | null;
  scan(root: Document | ShadowRoot | Element): Candidate[];
  /** Past `deadline` (performance.now()) throws PastDeadline (walk.ts). */
  readRecipient(control: Element, deadline?: number): DetectedRecipient | undefined;
}

export function createDetector(): Detector {
  return {
    classify: (el) => classifyControl(el),
    findAction,
    scan: scanForActions,
    readRecipient: (control, deadline) => readRecipient(control, { deadline }),
  };
}
