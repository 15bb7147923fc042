/**
 * The control a dialog was opened from: the last one pressed, or activated from the keyboard, outside any dialog. A
 * send inside a dialog sends the record that control sits on (cues.ts reads it too). Kept weakly: a control the page
 * removes is forgotten with it.
 */
import { DIALOG_SELECTOR } from "../detect/dom.ts";
import type { EarlyEvents } from "./early-events.ts";

const ACTIVATING_KEYS: ReadonlySet<string> = new Set(["Enter", " "]);

export function trackOpenedFrom(events: EarlyEvents, signal: AbortSignal): () => Element | undefined {
  let last: WeakRef<Element> | undefined;
  const note = (event: Event) => {
    if (event.type === "keydown" && !ACTIVATING_KEYS.has((event as KeyboardEvent).key)) return;
    const target = event.composedPath()[0];
    // By its methods, not instanceof: a target may belong to another window's realm.
    if (!target || typeof (target as Element).closest !== "function") return;
    if (!(target as Element).closest(DIALOG_SELECTOR)) last = new WeakRef(target as Element);
  };
  events.addEventListener("pointerdown", note, { signal });
  events.addEventListener("keydown", note, { signal });
  return () => {
    const control = last?.deref();
    return control?.isConnected ? control : undefined;
  };
}
