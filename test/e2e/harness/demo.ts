/** The demo portal for browser tests, and small waits every test needs. */
import { startDemoServer, type DemoServer } from "../../../assets/demo/server.ts";
import { within } from "./deadline.ts";
import { step } from "./trace.ts";

export { startDemoServer, type DemoServer, type Submission } from "../../../assets/demo/server.ts";

/** Serves the demo portal on 127.0.0.1 at a free port (the demo builds watch it out of the box). */
export function serveDemo(): Promise<DemoServer> {
  return startDemoServer({ port: 0, host: "127.0.0.1" });
}

/**
 * Polls `probe` until it returns a truthy value (which it resolves with) or the time runs out. Each call of
 * the probe is raced against what is left of the deadline: a probe that never answers (a page.evaluate in a
 * page that stopped responding) fails the wait at its deadline instead of hanging it.
 */
export async function waitUntil<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const done = step(`waiting for ${what}`);
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await within(probe, deadline - Date.now(), `the probe for ${what}`);
      if (value) {
        done();
        return value as NonNullable<T>;
      }
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
