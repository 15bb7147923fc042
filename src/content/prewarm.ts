/**
 * Asks for verdicts before the click, so an allowed action is decided synchronously and not held, at a
 * cost the page does not feel:
 * - when a control is about to be activated: the pointer presses it or focus reaches it (the click
 *   follows 50-100 ms later, time enough for the background to answer), or Ctrl/Cmd goes down in a
 *   composer whose send a shortcut triggers. The control is read live, as the click will read it, and
 *   the read is kept for the click while the page does not change (press-read.ts);
 * - once, when the page has loaded and is idle and the clinician has started on it (the script starts at
 *   the first press, focus or key: early-events.ts): the send controls in view, by a part loaded then
 *   (idle-warm.ts).
 * Nothing watches the page for changes: a control inserted, replaced or renamed later is read when the
 * clinician reaches it, and a miss only means a brief hold at click time.
 */
import type { Detector } from "../detect/detector.ts";
import { describeControl, type ActionFacts } from "./describe.ts";
import type { EarlyEvents } from "./early-events.ts";
import type { Lifetime } from "./lifetime.ts";
import type { PressRead } from "./press-read.ts";
import { composerField, composerSendControl } from "../detect/shortcut.ts";
import type { VerdictCache } from "./verdict-cache.ts";
import type { WarmPart } from "./idle-warm.ts";
import { ReaderNotLoaded } from "./reader-loader.ts";

/** A focus this soon after a press on the same control comes from that press. */
const PRESS_MS = 1_000;

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
  loadWarm: () => Promise<WarmPart>,
  approached: () => void = () => undefined,
  loadReader: () => Promise<unknown> = async () => undefined,
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
      const read = () => {
        const facts = describeControl(detector, control, { classified: found.classification });
        if (facts) {
          prewarm(facts);
          if (target) pressRead.remember(target, { ...found, facts });
        }
        const verdict = facts && cache.inFlight(facts.key);
        if (verdict) verdict.then(approached, approached);
        else approached();
      };
      try {
        read();
      } catch (error) {
        // The page's first press: the reader is on its way (reader-loader.ts), and the click still some way off.
        if (!(error instanceof ReaderNotLoaded)) throw error;
        loadReader()
          .then(() => lifetime.alive() && control.isConnected && read())
          .catch(() => undefined);
      }
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

  // The controls in view, once the page has loaded and is idle (and the clinician has started on it: early-events.ts),
  // by the part that does it, loaded then, with the reader it reads with: a warm part that came first gave up at its
  // first read, and nothing was pre-warmed. Failing to load either only costs the pre-warm.
  const afterLoad = () =>
    lifetime.requestIdleCallback(
      () =>
        Promise.all([loadWarm(), loadReader()]).then(
          ([part]) => lifetime.alive() && part.warmInView(detector, describeControl, doc, prewarm, lifetime),
          () => undefined,
        ),
      { timeout: 2_000 },
    );
  if (doc.readyState === "complete") afterLoad();
  else lifetime.addEventListener(view, "load", afterLoad, { once: true });
}
