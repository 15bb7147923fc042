/**
 * What the running browser test is doing: its name and its latest step (set by waitUntil and the drivers),
 * kept per test in async context so a failure can say where it was. Outside a test these are no-ops.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type Trace = {
  test: string;
  step?: string;
  /** When the latest step started (ms since epoch). */
  stepAt: number;
  /** The step returned; whatever the test did after it has no label of its own. */
  stepDone: boolean;
};

const traces = new AsyncLocalStorage<Trace>();

export function runTraced<T>(test: string, fn: () => T): T {
  return traces.run({ test, stepAt: Date.now(), stepDone: false }, fn);
}

export function currentTrace(): Trace | undefined {
  return traces.getStore();
}

/** Names what the test is doing now; call the returned function when it is done. */
export function step(what: string): () => void {
  const trace = traces.getStore();
  if (!trace) return () => undefined;
  trace.step = what;
  trace.stepAt = Date.now();
  trace.stepDone = false;
  return () => {
    if (trace.step === what) trace.stepDone = true;
  };
}

/** "waiting for the panel (for 12.3 s)" or "after: waiting for the panel (done 4.0 s ago)". */
export function describeStep(trace: Trace, now = Date.now()): string {
  if (!trace.step) return "before its first step";
  const seconds = ((now - trace.stepAt) / 1000).toFixed(1);
  return trace.stepDone
    ? `after "${trace.step}" (the last named step; the test went on without naming one)`
    : `"${trace.step}" (for ${seconds} s)`;
}
