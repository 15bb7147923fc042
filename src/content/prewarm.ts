/**
 * Asks for verdicts before the click: for every action control as it appears (the detector's
 * observer reports the existing ones first, then additions at idle time) and again when a field
 * that may hold the recipient changes. The work per batch is bounded, whatever the page does.
 */
import type { Detector } from "../detect/detector.ts";
import type { ActionObserver } from "../detect/observe.ts";
import { describeControl } from "./describe.ts";
import type { VerdictCache } from "./verdict-cache.ts";

const MAX_KNOWN = 300;
const MAX_PER_BATCH = 50;
const FIELD_SETTLE_MS = 400;

export function startPrewarm(detector: Detector, doc: Document, cache: VerdictCache, signal: AbortSignal): ActionObserver {
  const known = new Set<Element>();
  const warm = (element: Element) => {
    try {
      const facts = describeControl(detector, element);
      if (facts) cache.prewarm(facts.key, facts.request);
    } catch {
      // A control that cannot be read now is read again at click time.
    }
  };
  const observer = detector.observe(
    doc,
    (added) => {
      for (const { element } of added.slice(0, MAX_PER_BATCH)) {
        if (known.size < MAX_KNOWN) known.add(element);
        warm(element);
      }
    },
    signal,
  );
  let settle: ReturnType<typeof setTimeout> | undefined;
  const fieldChanged = () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      for (const element of known) {
        if (element.isConnected) warm(element);
        else known.delete(element);
      }
    }, FIELD_SETTLE_MS);
  };
  const view = doc.defaultView ?? window;
  view.addEventListener("input", fieldChanged, { capture: true, passive: true, signal });
  view.addEventListener("change", fieldChanged, { capture: true, passive: true, signal });
  signal.addEventListener("abort", () => clearTimeout(settle), { once: true });
  return observer;
}
