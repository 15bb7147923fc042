// The harness's bounds: a probe that never answers fails its wait at the deadline, and a browser test that
// hangs fails within its timeout with a message naming the test, its step and the browser, and leaves a
// screenshot under test-output/ (run in a child node --test on harness/fixtures/hangs.ts).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { closesForSure } from "./harness/chromium.ts";
import { ROOT, test, waitUntil } from "./harness/index.ts";

test("every browser test file takes describe, test and hooks from the harness, so each is bounded", () => {
  const dir = join(ROOT, "test/e2e");
  const unbounded = readdirSync(dir).filter(
    (file) => file.endsWith(".test.ts") && /^import [^;]* from "node:test"/m.test(readFileSync(join(dir, file), "utf8")),
  );
  assert.deepEqual(unbounded, [], 'import describe/test/before/after from "./harness/index.ts", not from "node:test"');
});

test("waitUntil fails at its deadline when the probe never answers", async () => {
  const started = Date.now();
  await assert.rejects(
    waitUntil(() => new Promise(() => undefined), "a probe that never answers", 400),
    /timed out after 400 ms waiting for a probe that never answers \(last: DeadlineError: the probe for a probe that never answers did not finish/,
  );
  assert.ok(Date.now() - started < 2000, `failed in ${Date.now() - started} ms`);
});

test("a tab whose first close Chromium acknowledged but never did is asked to close over CDP, and closes", {
  timeout: 30_000,
}, async () => {
  let closed = false;
  let asked = 0;
  const waiters: Array<() => void> = [];
  const shut = () => {
    closed = true;
    for (const wake of waiters.splice(0)) wake();
  };
  // As Chromium racing a navigation commit: Playwright's close is taken and dropped; asking the tab itself closes it.
  const page = {
    url: () => "http://127.0.0.1/api/direct",
    isClosed: () => closed,
    close: () => {
      asked++;
      return closed ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
    },
  } as unknown as Page;
  const started = Date.now();
  let askedAgain = 0;
  await closesForSure(page, async () => {
    askedAgain++;
    shut();
  }).close();
  assert.equal(closed, true);
  assert.deepEqual([asked, askedAgain], [1, 1]);
  assert.ok(Date.now() - started < 12_000, `closed in ${Date.now() - started} ms`);
});

test("a hung browser test fails within its timeout, naming the test, the step and the browser, with screenshots", {
  timeout: 180_000,
}, async () => {
  const started = Date.now();
  const { NODE_TEST_CONTEXT: _, ...env } = process.env; // else the child thinks it runs inside this test run
  const output = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      ["--test", "--test-reporter=tap", "--import", "tsx", join(ROOT, "test/e2e/harness/fixtures/hangs.ts")],
      { cwd: ROOT, env: { ...env, HANG_TIMEOUT_MS: "3000" }, timeout: 170_000 },
      (_error, stdout, stderr) => resolve(`${stdout}\n${stderr}`),
    );
  });
  const elapsed = Date.now() - started;
  for (const browser of ["chromium", "firefox"]) {
    const suite = browser === "chromium" ? "hanging in Chromium" : "hanging in Firefox";
    if (output.includes(`# SKIP`) && !output.includes(`${suite} > a page script that never answers" hung`)) continue; // browser missing
    assert.match(output, new RegExp(`"${suite} > a page script that never answers" hung: no result within 3000 ms`), output);
    assert.match(output, new RegExp(`"evaluating a promise that never settles" \\(for \\d+\\.\\d s\\); browsers open: ${browser}`), output);
    const shots = [...output.matchAll(new RegExp(`screenshot: (\\S*hanging-in-${browser}\\S*\\.png)`, "g"))].map((m) => m[1]!);
    assert.ok(shots.length > 0, `a screenshot of ${browser}'s tabs is named:\n${output}`);
    for (const shot of shots) assert.ok(existsSync(shot), `${shot} exists`);
    for (const shot of shots) rmSync(shot); // seen; test-output/ keeps only real failures' screenshots
  }
  assert.ok(elapsed < 120_000, `the hanging file ended in ${elapsed} ms`);
});
