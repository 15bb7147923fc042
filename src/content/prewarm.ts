/**
 * Asks for verdicts before the click, so an allowed action is decided synchronously and not held, at a
 * cost the page does not feel:
 * - when a control is about to be activated: the pointer presses it or focus reaches it (the click
 *   follows 50-100 ms later, time enough for the background to answer), or Ctrl/Cmd goes down in a
 *   composer whose send a shortcut triggers. The control is read live, as the click will read it;
 * - once, after load, when the page is idle: the send controls in view, in slices of at most SLICE_MS,
 *   at most MAX_PER_BATCH recipient reads in all.
 * Nothing watches the page for changes: a control inserted, replaced or renamed later is read when the
 * clinician reaches it, and a miss only means a brief hold at click time.
 */
import type { Detector } from "../detect/detector.ts";
import { createDescriptionCache, describeControl, type ActionFacts, type DescriptionCache } from "./describe.ts";
import type { Lifetime } from "./lifetime.ts";
import { composerField, composerSendControl } from "../detect/shortcut.ts";
import type { VerdictCache } from "./verdict-cache.ts";

export const MAX_PER_BATCH = 10;
/** Main-thread time one idle slice may spend; the rest waits for the next idle period. */
export const SLICE_MS = 3;
/** Elements whose box is checked between two looks at the clock. */
const STRIDE = 32;
/**
 * Controls in a row found below the viewport after which the scan stops: pages lay out mostly in
 * document order, so what follows is further down (a control missed is read when the pointer reaches it).
 */
const BELOW_IN_A_ROW = 64;
/** What can be an action control without an adapter; the rest is found when the clinician reaches it. */
export const CONTROL_QUERY = "button, a[href], input[type=submit], input[type=button], input[type=image], [role]";

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
 * One slice of the idle scan over `elements` from `start`: send controls in view are described (like
 * ones in the same form or section share a reading) and warmed, until `deadline` (performance.now()),
 * `budget` reads, or BELOW_IN_A_ROW controls in a row below the viewport. Returns where to go on from
 * (elements.length when done) and the reads made.
 */
export function warmSlice(
  elements: ArrayLike<Element>,
  start: number,
  detector: Detector,
  descriptions: DescriptionCache,
  prewarm: (facts: ActionFacts) => void,
  deadline: number,
  budget = MAX_PER_BATCH,
): { next: number; reads: number } {
  let reads = 0;
  let below = 0;
  let i = start;
  while (i < elements.length && reads < budget && below < BELOW_IN_A_ROW) {
    if ((i - start) % STRIDE === STRIDE - 1 && performance.now() > deadline) break;
    const element = elements[i++]!;
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
      const facts = descriptions.describe(element);
      if (facts) prewarm(facts);
      reads++;
    } catch {
      // A control that cannot be read now is read again at click time.
    }
  }
  return { next: reads >= budget || below >= BELOW_IN_A_ROW ? elements.length : i, reads };
}

export function startPrewarm(detector: Detector, doc: Document, cache: VerdictCache, lifetime: Lifetime): void {
  const view = doc.defaultView ?? window;
  const prewarm = (facts: ActionFacts) => cache.prewarm(facts.key, facts.request);

  // About to be activated: read it live and ask now.
  const approaching = (event: Event) => {
    try {
      const field = event.type === "keydown" ? composerField(event) : null;
      const control = field ? composerSendControl(field, (el) => detector.classify(el)) : event.type === "keydown" ? null : detector.findActionControl(event);
      const facts = control ? describeControl(detector, control) : undefined;
      if (facts) prewarm(facts);
    } catch {
      // Detection failing here only costs the pre-warm.
    }
  };
  lifetime.addEventListener(view, "pointerdown", approaching, { capture: true, passive: true });
  lifetime.addEventListener(view, "focusin", approaching, { capture: true, passive: true });
  lifetime.addEventListener(
    view,
    "keydown",
    (event) => {
      if ((event.key === "Control" || event.key === "Meta") && !event.repeat) approaching(event);
    },
    { capture: true, passive: true },
  );

  // The controls in view, once the page has loaded and is idle.
  const descriptions = createDescriptionCache(detector);
  let elements: ArrayLike<Element> | undefined;
  let next = 0;
  let budget = MAX_PER_BATCH;
  const slice = (deadline: IdleDeadline) => {
    const end = performance.now() + Math.min(SLICE_MS, Math.max(1, deadline.timeRemaining()));
    try {
      elements ??= doc.querySelectorAll(CONTROL_QUERY);
      const done = warmSlice(elements, next, detector, descriptions, prewarm, end, budget);
      next = done.next;
      budget -= done.reads;
    } catch {
      return; // pre-warming is an optimisation; the click path reads the control itself
    }
    if (next < elements.length) lifetime.requestIdleCallback(slice, { timeout: 2_000 });
  };
  const afterLoad = () => lifetime.requestIdleCallback(slice, { timeout: 2_000 });
  if (doc.readyState === "complete") afterLoad();
  else lifetime.addEventListener(view, "load", afterLoad, { once: true });
}
