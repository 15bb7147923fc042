/**
 * Asks for verdicts before the click, so an allowed action is decided synchronously and not held, at a
 * cost the page does not feel:
 * - when a control is about to be activated: the pointer presses it or focus reaches it (the click
 *   follows 50-100 ms later, time enough for the background to answer), or Ctrl/Cmd goes down in a
 *   composer whose send a shortcut triggers. The control is read live, as the click will read it, and
 *   the read is kept for the click while the page does not change (press-read.ts);
 * - once, when the page has loaded and is idle and the clinician has started on it (the script starts at
 *   the first press, focus or key: early-events.ts): the send controls in view, in slices of at most
 *   SLICE_MS, at most MAX_PER_BATCH recipient reads and TOTAL_MS in all.
 * Nothing watches the page for changes: a control inserted, replaced or renamed later is read when the
 * clinician reaches it, and a miss only means a brief hold at click time.
 */
import type { Detector } from "../detect/detector.ts";
import { createDescriptionCache, describeControl, type ActionFacts, type DescriptionCache } from "./describe.ts";
import type { EarlyEvents } from "./early-events.ts";
import type { Lifetime } from "./lifetime.ts";
import type { PressRead } from "./press-read.ts";
import { composerField, composerSendControl } from "../detect/shortcut.ts";
import type { VerdictCache } from "./verdict-cache.ts";

export const MAX_PER_BATCH = 10;
/** Main-thread time one idle slice may spend; the rest waits for the next idle period. */
export const SLICE_MS = 3;
/** The clock is looked at between steps (each control, every 64 elements of a read): a slice aims this much short. */
const SLICE_MARGIN_MS = 0.5;
/** Main-thread time the whole idle pre-warm may spend, all slices together: past it, clicks read their own controls. */
export const TOTAL_MS = 8;
/**
 * Controls in a row found below the viewport after which the scan stops: pages lay out mostly in
 * document order, so what follows is further down (a control missed is read when the pointer reaches it).
 */
const BELOW_IN_A_ROW = 64;
/** A focus this soon after a press on the same control comes from that press. */
const PRESS_MS = 1_000;
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
 * done and the reads made.
 */
export function warmSlice(
  next: () => Element | null,
  detector: Detector,
  descriptions: DescriptionCache,
  prewarm: (facts: ActionFacts) => void,
  deadline: number,
  budget = MAX_PER_BATCH,
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
    } catch {
      // A control that cannot be read now (or within this slice) is read again at click time.
    }
  }
  return { done: true, reads };
}

/** When a slice started at `started` stops, `spent` ms of TOTAL_MS gone, the browser offering `idle` ms. */
export function sliceDeadline(started: number, spent: number, idle = SLICE_MS): number {
  return started + Math.max(0, Math.min(SLICE_MS - SLICE_MARGIN_MS, TOTAL_MS - spent, Math.max(1, idle)));
}

/**
 * `approached`: called when the clinician approaches a control (it may end in a panel), once the verdict asked for
 * it has come: what it starts (loading the panel part) holds the page's main thread, and would otherwise hold up
 * that answer. Not for the controls in view at idle: it would cost every page with a send button on it, and a
 * press or a focus comes far enough before the click.
 */
export function startPrewarm(
  detector: Detector,
  doc: Document,
  events: EarlyEvents,
  cache: VerdictCache,
  lifetime: Lifetime,
  pressRead: PressRead,
  approached: () => void = () => undefined,
): void {
  const view = doc.defaultView ?? window;
  const prewarm = (facts: ActionFacts) => cache.prewarm(facts.key, facts.request, facts.action.cues);

  // About to be activated: read it live and ask now.
  let pressed: { control: Element; at: number } | undefined;
  const approaching = (event: Event) => {
    try {
      // A press focuses what it presses: that focus is the same approach, already read (a second read would delay the click).
      const target = event.composedPath()[0];
      if (
        event.type === "focusin" &&
        target instanceof Node &&
        pressed?.control.contains(target) &&
        performance.now() - pressed.at < PRESS_MS
      )
        return;
      const field = event.type === "keydown" ? composerField(event) : null;
      const found = field
        ? composerSendControl(field, (el) => detector.classify(el))
        : event.type === "keydown"
          ? null
          : detector.findAction(event);
      if (!found) return;
      const control = found.element;
      if (event.type === "pointerdown") pressed = { control, at: performance.now() };
      const facts = describeControl(detector, control, { classified: found.classification });
      if (facts) {
        prewarm(facts);
        if (target) pressRead.remember(target, { ...found, facts });
      }
      const verdict = facts && cache.inFlight(facts.key);
      if (verdict) verdict.then(approached, approached);
      else approached();
    } catch {
      // Detection failing here only costs the pre-warm.
    }
  };
  const { signal } = lifetime;
  events.addEventListener("pointerdown", approaching, { signal });
  events.addEventListener("focusin", approaching, { signal });
  events.addEventListener(
    "keydown",
    (event) => {
      const { key, repeat } = event as KeyboardEvent;
      if ((key === "Control" || key === "Meta") && !repeat) approaching(event);
    },
    { signal },
  );

  // The controls in view, once the page has loaded and is idle (and the clinician has started on it: early-events.ts).
  const descriptions = createDescriptionCache(detector);
  let next: (() => Element | null) | undefined;
  let budget = MAX_PER_BATCH;
  let spent = 0;
  const slice = (deadline: IdleDeadline) => {
    const started = performance.now();
    const end = sliceDeadline(started, spent, deadline.timeRemaining());
    try {
      next ??= controlsInOrder(doc);
      const done = warmSlice(next, detector, descriptions, prewarm, end, budget);
      budget -= done.reads;
      if (done.done) return;
    } catch {
      return; // pre-warming is an optimisation; the click path reads the control itself
    }
    spent += performance.now() - started;
    if (spent < TOTAL_MS) lifetime.requestIdleCallback(slice, { timeout: 2_000 });
  };
  const afterLoad = () => lifetime.requestIdleCallback(slice, { timeout: 2_000 });
  if (doc.readyState === "complete") afterLoad();
  else lifetime.addEventListener(view, "load", afterLoad, { once: true });
}
