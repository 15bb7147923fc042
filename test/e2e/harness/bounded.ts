/**
 * node:test's describe/test/hooks with bounds every browser test file gets by importing them from the
 * harness instead of node:test: each test has a timeout (TEST_TIMEOUT_MS unless it sets its own), each
 * describe block one for the whole block, each hook one. A test that runs out of time fails with a message
 * naming the test, the step it was in and the browsers open, and every tab is screenshotted to test-output/.
 * Any other failure gets the same screenshots, reported as a diagnostic beside the original error.
 */
import * as nodeTest from "node:test";
import type { HookOptions, SuiteContext, TestContext, TestOptions } from "node:test";
import { DeadlineError, HOOK_TIMEOUT_MS, SUITE_TIMEOUT_MS, TEST_TIMEOUT_MS } from "./deadline.ts";
import { liveBrowserNames, screenshotAll } from "./evidence.ts";
import { currentTrace, describeStep, runTraced } from "./trace.ts";

/** node:test's own timeout stays this much later, as a backstop, so ours reports (and screenshots) first. */
const REPORT_GRACE_MS = 30_000;

type TestFn = (t: TestContext) => unknown;
type HookFn = (context: TestContext | SuiteContext) => unknown;

/** The describe blocks being defined, outermost first (describe callbacks run synchronously). */
const suites: string[] = [];

async function bounded(name: string, timeoutMs: number, t: TestContext | SuiteContext, fn: () => unknown): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await runTraced(name, async () => {
    const trace = currentTrace()!;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const browsers = liveBrowserNames().join(", ") || "none";
        reject(
          new DeadlineError(`"${name}" hung: no result within ${timeoutMs} ms, during ${describeStep(trace)}; browsers open: ${browsers}`),
        );
      }, timeoutMs);
    });
    try {
      await Promise.race([Promise.resolve().then(fn), hung]);
    } catch (error) {
      const { files, problems } = await screenshotAll(name);
      const evidence = [
        ...files.map((file) => `screenshot: ${file}`),
        ...problems.map((problem) => `no screenshot: ${problem}`),
        `last step: ${describeStep(trace)}`,
      ];
      if (error instanceof DeadlineError) throw new DeadlineError(`${error.message}\n  ${evidence.join("\n  ")}`);
      if ("diagnostic" in t) for (const line of evidence) t.diagnostic(line);
      console.error(`[${name}] failed; ${evidence.join("; ")}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  });
}

function split<O, F>(a: O | F | undefined, b: F | undefined): [O, F] {
  return typeof a === "function" ? [{} as O, a as F] : [(a ?? {}) as O, b as F];
}

export function describe(name: string, fn: () => void): Promise<void>;
export function describe(name: string, options: TestOptions, fn: () => void): Promise<void>;
export function describe(name: string, a: TestOptions | (() => void), b?: () => void): Promise<void> {
  const [options, fn] = split<TestOptions, () => void>(a, b);
  return nodeTest.describe(name, { ...options, timeout: options.timeout ?? SUITE_TIMEOUT_MS }, () => {
    suites.push(name);
    try {
      fn();
    } finally {
      suites.pop();
    }
  });
}

export function test(name: string, fn: TestFn): Promise<void>;
export function test(name: string, options: TestOptions, fn: TestFn): Promise<void>;
export function test(name: string, a: TestOptions | TestFn, b?: TestFn): Promise<void> {
  const [options, fn] = split<TestOptions, TestFn>(a, b);
  const timeout = options.timeout ?? TEST_TIMEOUT_MS;
  const fullName = [...suites, name].join(" > ");
  return nodeTest.test(name, { ...options, timeout: timeout + REPORT_GRACE_MS }, (t) => bounded(fullName, timeout, t, () => fn(t)));
}
export const it = test;

function hook(register: (fn: HookFn, options?: HookOptions) => void, kind: string) {
  return (fn: HookFn, options: HookOptions = {}): void => {
    const timeout = options.timeout ?? HOOK_TIMEOUT_MS;
    const name = `${kind} hook of ${[...suites].join(" > ") || "the file"}`;
    register((t) => bounded(name, timeout, t, () => fn(t)), { ...options, timeout: timeout + REPORT_GRACE_MS });
  };
}
export const before = hook(nodeTest.before, "before");
export const after = hook(nodeTest.after, "after");
export const beforeEach = hook(nodeTest.beforeEach, "beforeEach");
export const afterEach = hook(nodeTest.afterEach, "afterEach");
