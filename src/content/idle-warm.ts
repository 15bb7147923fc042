/**
 * The idle pre-warm (see prewarm.ts): once the page has loaded and is idle and the clinician has started on it,
 * the send controls in view are described and their verdicts asked for, in slices of at most SLICE_MS, at most
 * MAX_PER_BATCH recipient reads and TOTAL_MS in all. Nothing here is on a click's path, so it is a part of its
 * own (content-warm.js), injected by the background when the page is idle (warm-entry.ts): content.js, which
 * every frame of a watched page evaluates at load, carries only what a click needs.
 */
import type { Detector } from "../detect/detector.ts";
import type { ActionFacts, describeControl } from "./describe.ts";
import { createDescriptionCache, type DescriptionCache } from "./description-cache.ts";
import type { Lifetime } from "./lifetime.ts";
import { PAST_DEADLINE } from "../detect/walk.ts";

/** At most this many recipient reads in all. */
export const MAX_PER_BATCH = 10;
/** Main-thread time one idle slice may spend; the rest waits for the next idle period. */
export const SLICE_MS = 3;
/** The clock is looked at between steps (each control, every 64 elements of a read): a slice aims this much short. */
const SLICE_MARGIN_MS = 0.5;
/**
 * Main-thread time the whole idle pre-warm is given, all slices together: past it, clicks read their own controls. A
 * slice runs past its deadline by at most the step in progress, and the first steps of a page's first slices take
 * longer once (compiling the vocabulary, the page's first layout read): time a click would otherwise pay.
 */
export const TOTAL_MS = 8;
/**
 * Controls in a row found below the viewport after which the scan stops: pages lay out mostly in
 * document order, so what follows is further down (a control missed is read when the pointer reaches it).
 */
const BELOW_IN_A_ROW = 64;
/** What can be an action control; the rest is found when the clinician reaches it. */
export const CONTROL_QUERY = "button,a[href],input[type=submit],input[type=button],input[type=image],[role]";

/** Where a control is: in view, below it, or elsewhere (above, aside, not rendered). */
function place(element: Element): "in" | "below" | "out" {
  const view = element.ownerDocument.defaultView;
  if (!view) return "out";
  const r = element.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return "out";
  if (r.top >= view.innerHeight) return "below";
  return r.bottom > 0 && r.right > 0 && r.left < view.innerWidth ? "in" : "out";
}

/**
 * The page's elements in document order, walked lazily (a TreeWalker resumes where the last slice
 * stopped), so the idle scan costs what it looks at: the top of the page, not the whole document.
 */
export function controlsInOrder(doc: Document): () => Element | null {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 1 /* NodeFilter.SHOW_ELEMENT */);
  return () => {
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node as Element).matches(CONTROL_QUERY)) return node as Element;
    }
    return null;
  };
}

/**
 * One slice of the idle scan, taking controls from `next`: send controls in view are described (like
 * ones in the same form or section share a reading) and warmed, until `deadline` (performance.now()),
 * `budget` reads, or BELOW_IN_A_ROW controls in a row below the viewport. Returns whether the scan is
 * done and the reads made. `ranOut`: told of a control whose reading stopped at the deadline.
 */
export function warmSlice(
  next: () => Element | null,
  detector: Detector,
  descriptions: DescriptionCache,
  prewarm: (facts: ActionFacts) => void,
  deadline: number,
  budget = MAX_PER_BATCH,
  ranOut: (control: Element) => void = () => undefined,
): { done: boolean; reads: number } {
  let reads = 0;
  let below = 0;
  for (let first = true; reads < budget && below < BELOW_IN_A_ROW; first = false) {
    // Classifying one control in context can take a millisecond on a deep page: look at the clock each time.
    if (!first && performance.now() > deadline) return { done: false, reads };
    const element = next();
    if (!element) return { done: true, reads };
    try {
      const where = place(element);
      below = where === "below" ? below + 1 : 0;
      if (where !== "in") continue;
      const classified = detector.classify(element);
      if (!classified || classified.opensPopup) continue;
      const known = descriptions.known({ element, ...classified });
      if (known !== undefined) {
        if (known) prewarm(known);
        continue;
      }
      reads++;
      const facts = descriptions.describe(element, classified, deadline);
      if (facts) prewarm(facts);
    } catch (error) {
      // A control that cannot be read now is read at click time; one that ran out of this slice's time, maybe sooner.
      if (error instanceof Error && error.name === PAST_DEADLINE) ranOut(element);
    }
  }
  return { done: true, reads };
}

/** When a slice started at `started` stops, `spent` ms of TOTAL_MS gone, the browser offering `idle` ms. */
function sliceDeadline(started: number, spent: number, idle = SLICE_MS): number {
  return started + Math.max(0, Math.min(SLICE_MS - SLICE_MARGIN_MS, TOTAL_MS - spent, Math.max(1, idle)));
}

/**
 * The idle scan of a page, slice after slice, each on the page as it then is: `slice(idle)` runs one in the `idle` ms
 * the browser offers and says whether there is more to do. A control whose reading ran out of a slice's time is read
 * first in the next (once: one that needs more than a slice is read at click time). `prewarm`: asks for the verdict of
 * what a control would send.
 */
export function createIdleScan(
  detector: Detector,
  descriptions: DescriptionCache,
  doc: Document,
  prewarm: (facts: ActionFacts) => void,
): (idle: number) => { more: boolean; reads: number } {
  let next: (() => Element | null) | undefined;
  let again: Element | undefined;
  const retried = new WeakSet<Element>();
  const take = () => {
    const control = again;
    again = undefined;
    return control ?? next!();
  };
  const ranOut = (control: Element) => {
    if (retried.has(control)) return;
    retried.add(control);
    again = control;
  };
  let budget = MAX_PER_BATCH;
  let spent = 0;
  return (idle) => {
    const started = performance.now();
    const end = sliceDeadline(started, spent, idle);
    next ??= controlsInOrder(doc);
    const done = warmSlice(take, detector, descriptions, prewarm, end, budget, ranOut);
    budget -= done.reads;
    // What the slice was given: a first slice's one-time costs (TOTAL_MS) must not end the scan before it reached anything.
    spent += Math.min(performance.now() - started, end - started);
    return { more: !done.done && spent < TOTAL_MS, reads: done.reads };
  };
}

/**
 * Warms the send controls in view in idle slices; the lifetime cancels the rest. `describe`: content.js's
 * describeControl. An idle callback that came by its timeout (the browser found no idle time) is given a whole slice.
 */
function warmInView(
  detector: Detector,
  describe: typeof describeControl,
  doc: Document,
  prewarm: (facts: ActionFacts) => void,
  lifetime: Lifetime,
): void {
  // With what the record holds, as the click reads it: its verdict is cached under the same key.
  const scan = createIdleScan(detector, createDescriptionCache(detector, describe, true), doc, prewarm);
  const slice = (deadline: IdleDeadline) => {
    try {
      if (scan(deadline.didTimeout ? SLICE_MS : deadline.timeRemaining()).more) lifetime.requestIdleCallback(slice, { timeout: 2_000 });
    } catch {
      // pre-warming is an optimisation; the click path reads the control itself
    }
  };
  lifetime.requestIdleCallback(slice, { timeout: 2_000 });
}

/** Where content-warm.js leaves this part for the content script in its world (loadPart in part-loader.ts). */
export const WARM_PART_HOOK = "__sharecheckWarmPart";

export const warmPart = { warmInView };
export type WarmPart = typeof warmPart;
