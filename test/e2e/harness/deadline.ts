/**
 * Deadlines for browser tests: nothing a test awaits may wait forever. A browser that stops answering
 * (a page.evaluate that never settles, a close that never returns) must turn into a failure that says what
 * was being waited for, not into a run that sits until CI's own limit.
 */
import { readdirSync, readFileSync } from "node:fs";

/** How long one browser test may run before it fails as hung (override per test with `{ timeout }`). */
export const TEST_TIMEOUT_MS = 90_000;
/** How long one describe block (its hooks and all its tests) may run. */
export const SUITE_TIMEOUT_MS = 12 * 60_000;
/** A before/after hook: launching or closing a browser, starting the demo server. */
export const HOOK_TIMEOUT_MS = 120_000;
/** Launching a browser with the extension loaded and ready. */
export const LAUNCH_TIMEOUT_MS = 90_000;
/** Closing a browser; past it, its processes are killed. */
export const CLOSE_TIMEOUT_MS = 20_000;

export class DeadlineError extends Error {
  override name = "DeadlineError";
}

/** Resolves or rejects as `work` does, or rejects with a DeadlineError naming `what` after `ms`. */
export async function within<T>(work: Promise<T> | (() => Promise<T> | T), ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} did not finish within ${ms} ms`)), Math.max(0, ms));
  });
  try {
    const running = typeof work === "function" ? Promise.resolve().then(work) : work;
    return await Promise.race([running, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SIGKILLs every process whose command line contains `marker` (a browser's unique profile directory), for a
 * browser whose close() hung. Linux only (reads /proc); elsewhere it kills nothing and says so.
 */
export function killProcessesWith(marker: string): number[] {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    console.warn(`cannot list processes to kill the browser using ${marker}; kill it by hand`);
    return [];
  }
  const killed: number[] = [];
  for (const pid of pids) {
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    if (!cmdline.includes(marker) || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), "SIGKILL");
      killed.push(Number(pid));
    } catch {
      // exited meanwhile
    }
  }
  return killed;
}
