/**
 * `npm run test:e2e`: every browser test file (or the files named on the command line) through node --test,
 * one at a time, with a bound on each file and on the whole run. Tests, suites and hooks carry their own
 * timeouts (bounded.ts); these are the backstops, so a hang nothing else caught still ends the run in
 * minutes with a message, instead of running until CI's own limit.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./browsers.ts";

/** node --test --test-timeout: one test file (the longest takes about 3 min alone on a quiet 2-core box). */
const FILE_TIMEOUT_MS = Number(process.env.E2E_FILE_TIMEOUT_MS ?? 15 * 60_000);
/** The whole browser suite: about 20 min on a quiet 2-core box, twice that on a busy one; stopped well before CI's 90 min. */
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TOTAL_TIMEOUT_MS ?? 55 * 60_000);
/** After SIGTERM (which lets playwright and puppeteer close their browsers), SIGKILL. */
const KILL_AFTER_MS = 15_000;

const dir = join(ROOT, "test/e2e");
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(dir)
        .filter((f) => f.endsWith(".test.ts"))
        .sort()
        .map((f) => relative(process.cwd(), join(dir, f)));

// Its own process group, so the deadline stops the runner, its test files and what they started.
const child = spawn(
  process.execPath,
  ["--test", "--test-concurrency=1", `--test-timeout=${FILE_TIMEOUT_MS}`, "--import", "tsx", ...files],
  {
    stdio: "inherit",
    detached: true,
  },
);
const signalGroup = (signal: NodeJS.Signals): void => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};
let timedOut = false;
const deadline = setTimeout(() => {
  timedOut = true;
  console.error(
    `\n[test:e2e] the browser tests ran past ${Math.round(TOTAL_TIMEOUT_MS / 1000)} s in total and were stopped (E2E_TOTAL_TIMEOUT_MS)`,
  );
  signalGroup("SIGTERM");
  setTimeout(() => signalGroup("SIGKILL"), KILL_AFTER_MS).unref();
}, TOTAL_TIMEOUT_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => signalGroup(signal));
child.on("exit", (code, signal) => {
  clearTimeout(deadline);
  process.exitCode = timedOut ? 124 : (code ?? (signal ? 1 : 0));
});
