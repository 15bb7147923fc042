/**
 * The content script's lifetime: one AbortController for everything this copy of the script starts
 * (as WXT's ContentScriptContext). Timers, idle callbacks and listeners are made through it, so they
 * die with it. When the extension is reloaded or updated, the old copy's runtime dies (runtime.id goes
 * away, messaging throws "Extension context invalidated"): the lifetime then ends, so the old copy
 * stops intercepting, its timers stop firing and its UI goes.
 */
import { browser } from "./extension.ts";

export interface Lifetime {
  readonly signal: AbortSignal;
  /** False once ended, and ends the lifetime when the extension's runtime is gone. */
  alive(): boolean;
  end(): void;
  setTimeout(fn: () => void, ms: number): void;
  requestIdleCallback(fn: (deadline: IdleDeadline) => void, options?: IdleRequestOptions): void;
  /** Once the next frame is drawn (a task queued from requestAnimationFrame), or after `fallbackMs` where none is (a hidden tab). */
  afterNextFrame(fn: () => void, fallbackMs?: number): void;
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    listener: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
  /** Runs once when the lifetime ends (at once if it has). */
  onEnd(fn: () => void): void;
}

/** How long afterNextFrame waits for a frame that may never come (a hidden tab draws none). */
const FRAME_FALLBACK_MS = 100;

export function isDeadRuntimeError(error: unknown): boolean {
  return /context invalidated|dead object/i.test(String(error instanceof Error ? error.message : error));
}

/** Whether our extension context still lives (after an update or disable, runtime.id is gone or throws). */
export function runtimeAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** A lifetime of its own, or one that also ends with `parent` (a part of the script switched off and on). */
export function createLifetime(parent?: AbortSignal, isRuntimeAlive: () => boolean = runtimeAlive): Lifetime {
  const controller = new AbortController();
  const signal = parent ? AbortSignal.any([parent, controller.signal]) : controller.signal;
  const onEnd = (fn: () => void) => {
    if (signal.aborted) fn();
    else signal.addEventListener("abort", fn, { once: true });
  };
  const setTimer = (fn: () => void, ms: number) => {
    if (signal.aborted) return;
    const id = globalThis.setTimeout(fn, ms);
    onEnd(() => globalThis.clearTimeout(id));
  };
  return {
    signal,
    alive() {
      if (signal.aborted) return false;
      if (isRuntimeAlive()) return true;
      controller.abort();
      return false;
    },
    end: () => controller.abort(),
    setTimeout: setTimer,
    requestIdleCallback(fn, options) {
      if (signal.aborted) return;
      const id = globalThis.requestIdleCallback((deadline) => signal.aborted || fn(deadline), options);
      onEnd(() => globalThis.cancelIdleCallback(id));
    },
    afterNextFrame(fn, fallbackMs = FRAME_FALLBACK_MS) {
      if (signal.aborted) return;
      let ran = false;
      const run = () => {
        if (ran) return;
        ran = true;
        fn();
      };
      setTimer(run, fallbackMs);
      const id = globalThis.requestAnimationFrame(() => setTimer(run, 0));
      onEnd(() => globalThis.cancelAnimationFrame(id));
    },
    addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, options: AddEventListenerOptions = {}) {
      if (signal.aborted) return;
      const own = options.signal ? AbortSignal.any([options.signal, signal]) : signal;
      target.addEventListener(type, listener, { ...options, signal: own });
    },
    onEnd,
  };
}

/** An interval that dies with the signal (for parts that hold only a signal: the panel part). */
export function every(ms: number, fn: () => void, signal: AbortSignal): void {
  const id = setInterval(fn, ms);
  signal.addEventListener("abort", () => clearInterval(id), { once: true });
}
