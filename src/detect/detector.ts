/**
 * Detection bound to one site adapter (or none): the adapter's selectors are consulted first, the
 * general heuristics always run after. The plain functions in index.ts are this with no adapter.
 */
import type { DetectedRecipient } from "./action.ts";
import type { SiteAdapter } from "./adapters/schema.ts";
import { classifyControl, type Classification } from "./classify.ts";
import { findAction, type FoundAction } from "./find-control.ts";
import { readRecipient } from "./recipient.ts";
import { scanForActions, type Candidate } from "./scan.ts";

export interface Detector {
  adapter?: SiteAdapter;
  classify(el: Element): Classification | null;
  /** The control an event is about, with its classification. */
  findAction(event: Event): FoundAction | null;
  scan(root: Document | ShadowRoot | Element): Candidate[];
  /** Past `deadline` (performance.now()) throws PastDeadline (walk.ts). */
  readRecipient(control: Element, deadline?: number): DetectedRecipient | undefined;
}

export function createDetector(adapter?: SiteAdapter): Detector {
  return {
    adapter,
    classify: (el) => classifyControl(el, { adapter }),
    findAction: (event) => findAction(event, { adapter }),
    scan: (root) => scanForActions(root, { adapter }),
    readRecipient: (control, deadline) => readRecipient(control, { adapter, deadline }),
  };
}
