/**
 * Detection bound to one site adapter (or none): the adapter's selectors are consulted first, the
 * general heuristics always run after. The plain functions in index.ts are this with no adapter.
 */
import type { DetectedRecipient } from "./action.ts";
import type { SiteAdapter } from "./adapters/schema.ts";
import { classifyWith, type Classification } from "./classify.ts";
import { findWith } from "./find-control.ts";
import { readRecipientWith } from "./recipient.ts";
import { scanWith, type Candidate } from "./scan.ts";

export interface Detector {
  adapter?: SiteAdapter;
  classify(el: Element): Classification | null;
  findActionControl(event: Event): Element | null;
  scan(root: Document | ShadowRoot | Element): Candidate[];
  readRecipient(control: Element): DetectedRecipient | undefined;
}

export function createDetector(adapter?: SiteAdapter): Detector {
  return {
    adapter,
    classify: (el) => classifyWith(el, adapter),
    findActionControl: (event) => findWith(event, adapter),
    scan: (root) => scanWith(root, adapter),
    readRecipient: (control) => readRecipientWith(control, adapter),
  };
}
