/**
 * Asks for verdicts before the click, so an allowed action is decided synchronously and not held:
 * - controls the observer reports (existing ones first, then additions, at idle time), but only those
 *   in view, a few per batch, and each distinct control once per form or section;
 * - a control the pointer presses or focus reaches (the click follows within ~100 ms);
 * - again after a field that may hold the recipient changes.
 * The work per batch is bounded whatever the page does, and recipient reads stop after SLICE_MS of one
 * task (the rest wait for the next idle period); a miss only means a brief hold at click time.
 */
import type { Detector } from "../detect/detector.ts";
import type { ActionObserver } from "../detect/observe.ts";
import type { Candidate } from "../detect/scan.ts";
import { createDescriptionCache, type ActionFacts, type DescriptionCache } from "./describe.ts";
import type { VerdictCache } from "./verdict-cache.ts";

const MAX_KNOWN = 300;
export const MAX_PER_BATCH = 10;
const FIELD_SETTLE_MS = 400;
/** Main-thread time one task spends reading recipients ahead of clicks; the rest of the batch waits for idle time. */
export const SLICE_MS = 3;

function inView(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const r = element.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < view.innerHeight && r.left < view.innerWidth;
}

/**
 * Warms a batch: controls like ones already read in the same form or section reuse that reading
 * (no layout, no recipient search); of the new ones, only those in view are read, at most
 * MAX_PER_BATCH. Reading stops at `deadline` (performance.now()): `rest` is what is left for later.
 * `read` are the controls read afresh.
 */
export function warmBatch(
  added: readonly Candidate[],
  descriptions: DescriptionCache,
  prewarm: (facts: ActionFacts) => void,
  deadline = Infinity,
  budget = MAX_PER_BATCH,
): { read: Element[]; rest: Candidate[] } {
  const read: Element[] = [];
  for (let i = 0; i < added.length; i++) {
    const candidate = added[i]!;
    if (candidate.opensPopup) continue;
    if (read.length > 0 && performance.now() > deadline) return { read, rest: added.slice(i) };
    const known = descriptions.known(candidate);
    if (known) prewarm(known);
    if (known !== undefined || read.length >= budget || !inView(candidate.element)) continue;
    const facts = descriptions.describe(candidate.element);
    if (facts) prewarm(facts);
    read.push(candidate.element);
  }
  return { read, rest: [] };
}

export function startPrewarm(detector: Detector, doc: Document, cache: VerdictCache, signal: AbortSignal): ActionObserver {
  const known = new Set<Element>();
  const descriptions = createDescriptionCache(detector);
  const warm = (element: Element) => {
    try {
      const facts = descriptions.describe(element);
      if (facts) cache.prewarm(facts.key, facts.request);
    } catch {
      // A control that cannot be read now is read again at click time.
    }
  };
  const view = doc.defaultView ?? window;
  // What batches left for later (their time slice ran out), and how many reads they may still make.
  let backlog: Candidate[] = [];
  let reads = 0;
  let idle: number | undefined;
  const cancel = () => {
    if (idle === undefined) return;
    if (typeof view.cancelIdleCallback === "function") view.cancelIdleCallback(idle);
    else view.clearTimeout(idle);
    idle = undefined;
  };
  const drain = () => {
    idle = undefined;
    if (signal.aborted) return;
    try {
      const { read, rest } = warmBatch(backlog, descriptions, (facts) => cache.prewarm(facts.key, facts.request), performance.now() + SLICE_MS, reads);
      for (const element of read) if (known.size < MAX_KNOWN) known.add(element);
      reads -= read.length;
      backlog = reads > 0 ? rest : [];
      if (backlog.length) idle = typeof view.requestIdleCallback === "function" ? view.requestIdleCallback(drain, { timeout: 1_000 }) : view.setTimeout(drain, 50);
    } catch {
      // Pre-warming is an optimisation; the click path reads the control itself.
      backlog = [];
    }
  };
  const observer = detector.observe(
    doc,
    (added) => {
      cancel();
      backlog = backlog.length ? backlog.concat(added) : added;
      reads = Math.min(reads + MAX_PER_BATCH, MAX_KNOWN);
      drain();
    },
    signal,
  );
  signal.addEventListener("abort", cancel, { once: true });
  // About to be activated: warm now (pointerdown precedes click; focus precedes Enter).
  const approaching = (event: Event) => {
    try {
      const control = detector.findActionControl(event);
      if (control) warm(control);
    } catch {
      // Detection failing here only costs the pre-warm.
    }
  };
  view.addEventListener("pointerdown", approaching, { capture: true, passive: true, signal });
  view.addEventListener("focusin", approaching, { capture: true, passive: true, signal });
  let settle: ReturnType<typeof setTimeout> | undefined;
  const fieldChanged = () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      descriptions.forget();
      for (const element of known) {
        if (element.isConnected) warm(element);
        else known.delete(element);
      }
    }, FIELD_SETTLE_MS);
  };
  view.addEventListener("input", fieldChanged, { capture: true, passive: true, signal });
  view.addEventListener("change", fieldChanged, { capture: true, passive: true, signal });
  signal.addEventListener("abort", () => clearTimeout(settle), { once: true });
  return observer;
}
