/**
 * The content script's capture listeners on the window, added at document_start so they come before
 * any of the page's, for the events through which a record can leave (and our panel frames' messages).
 * What handles them is set up only when the clinician first presses, focuses or types in the page:
 * until then a page load pays for these listeners and nothing else. The handlers added later run in
 * the order added, as listeners added to the window at document_start would.
 */
const STARTING_EVENTS = ["pointerdown", "focusin", "keydown", "keyup", "click", "submit"] as const;
export type EarlyEventType = (typeof STARTING_EVENTS)[number] | "message";

/** A press or a focus only warms what the click will need: nothing of ours ever cancels them. */
const PASSIVE: ReadonlySet<string> = new Set(["pointerdown", "focusin"]);

export interface EarlyEvents {
  /** Adds a handler, removed when `signal` aborts. */
  addEventListener(type: EarlyEventType, handler: (event: Event) => void, options: { signal: AbortSignal }): void;
}

/**
 * Listens from now on. `start` is called once, synchronously, at the first of STARTING_EVENTS (before
 * the handlers it adds see that event); a message does not start anything. All listeners end with `signal`.
 */
export function listenEarly(view: Window, signal: AbortSignal, start: () => void): EarlyEvents {
  const handlers = new Map<string, Array<(event: Event) => void>>();
  let started = false;
  const dispatch = (event: Event) => {
    if (!started && event.type !== "message") {
      started = true;
      start();
    }
    const list = handlers.get(event.type);
    if (!list) return;
    // Adding or removing a handler replaces the list, so this one stays as it was for this event.
    for (const handler of list) {
      try {
        handler(event);
      } catch (error) {
        // Reported as a throwing listener's error is, without keeping the next handler from running.
        queueMicrotask(() => {
          throw error;
        });
      }
      // Our handlers stop an event only with stopImmediatePropagation: the ones after it must not see it either.
      if (event.cancelBubble) return;
    }
  };
  for (const type of [...STARTING_EVENTS, "message"]) {
    view.addEventListener(type, dispatch, { capture: true, passive: PASSIVE.has(type), signal });
  }
  return {
    addEventListener(type, handler, options) {
      if (options.signal.aborted) return;
      const list = handlers.get(type) ?? [];
      handlers.set(type, [...list, handler]);
      options.signal.addEventListener(
        "abort",
        () =>
          handlers.set(
            type,
            (handlers.get(type) ?? []).filter((h) => h !== handler),
          ),
        { once: true },
      );
    },
  };
}
