/**
 * One AbortController for everything this copy of the content script starts. When the extension
 * is reloaded or updated, the old copy's runtime dies (runtime.id goes away, messaging throws
 * "Extension context invalidated"): it then aborts, so it stops intercepting and removes its UI.
 */
import { browser } from "../platform/browser.ts";

export type Lifetime = { signal: AbortSignal; alive(): boolean; end(): void };

export function isDeadRuntimeError(error: unknown): boolean {
  return /context invalidated|Extension context|dead object/i.test(String(error instanceof Error ? error.message : error));
}

export function createLifetime(): Lifetime {
  const controller = new AbortController();
  const runtimeAlive = () => {
    try {
      return Boolean(browser.runtime?.id);
    } catch {
      return false;
    }
  };
  return {
    signal: controller.signal,
    alive() {
      if (controller.signal.aborted) return false;
      if (runtimeAlive()) return true;
      controller.abort();
      return false;
    },
    end: () => controller.abort(),
  };
}

/** A timer that dies with the lifetime. */
export function every(ms: number, fn: () => void, signal: AbortSignal): void {
  const id = setInterval(fn, ms);
  signal.addEventListener("abort", () => clearInterval(id), { once: true });
}
