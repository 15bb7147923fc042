/**
 * The read made when the clinician approached a control (the pointer pressed it, focus reached it),
 * handed to the activation that follows on the same target when the page cannot have changed in between,
 * so a click right after its press is neither classified nor read twice. "Cannot have changed": no
 * mutation anywhere in the document, no input or change event, no focus leaving anything (a blur handler
 * may set a field's value, which no mutation records), and not older than FRESH_MS. Anything else, and
 * the activation reads the live DOM itself. On the same target in the same DOM, finding the control gives
 * the same control.
 */
import type { FoundAction } from "../detect/find-control.ts";
import type { ActionFacts } from "./describe.ts";
import { createLifetime, type Lifetime } from "./lifetime.ts";

/** A read older than this is not handed on: a page's timers may have set a field's value meanwhile. */
export const FRESH_MS = 1_000;
const CHANGES = ["input", "change", "focusout"] as const;

export type Read = FoundAction & { facts: ActionFacts };

export type PressRead = {
  /** Keeps the read made for an event on `target` (replacing the one kept before) until the page changes. */
  remember(target: EventTarget, read: Read): void;
  /** The read kept for `target` if the page has not changed since; forgets it either way. */
  take(target: EventTarget | undefined): Read | undefined;
};

export function createPressRead(doc: Document, lifetime: Lifetime): PressRead {
  let kept: { target: EventTarget; read: Read; at: number; observer: MutationObserver; watch: Lifetime } | undefined;
  const forget = () => {
    kept?.observer.disconnect();
    kept?.watch.end();
    kept = undefined;
  };
  lifetime.onEnd(forget);
  return {
    remember(target, read) {
      forget();
      if (!lifetime.alive()) return;
      const observer = new MutationObserver(forget);
      observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
      const watch = createLifetime(lifetime.signal);
      const view = doc.defaultView ?? window;
      for (const type of CHANGES) watch.addEventListener(view, type, forget, { capture: true, passive: true });
      kept = { target, read, at: performance.now(), observer, watch };
    },
    take(target) {
      const was = kept;
      // Mutations of this very task are not delivered yet: they are still in the observer's queue.
      const unchanged = was !== undefined && was.observer.takeRecords().length === 0;
      forget();
      if (!was || !unchanged || was.target !== target || performance.now() - was.at > FRESH_MS) return undefined;
      return was.read;
    },
  };
}
