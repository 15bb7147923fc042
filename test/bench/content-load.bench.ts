/**
 * What the page pays for the content script, measured on the whole page (issue 9 budgets), in Debian's Chromium:
 *   - page load of the 20,000-element page (content-load-page.ts: 2,000 buttons, 100 forms, 100 tables, 30
 *     deep): main-thread time (CDP Performance.getMetrics TaskDuration) from navigation to load + 2 s, with
 *     the extension's content script minus without, at most +15 ms. One browser (the demo build), a fresh tab
 *     per load, the same URL on both sides, the content script's registration removed and restored in turn
 *     in the extension's worker (that it ran, or did not, is checked), alternating pairs, median of the
 *     per-pair differences. Not two hosts: with no content script on either side, 127.0.0.1 against an alias
 *     of it differed by +50 to +85 ms here, more than the budget. Beside it, the floor: the same pairs with a
 *     content script that only marks the page, which is what Chromium charges for injecting one at all;
 *   - the first verdict after a click on a held action's control, on screen within 50 ms: from the
 *     pointer's release (the click follows it in the same task) to the verdict host in the page with its
 *     outcome (then its next animation frame), and to the panel frame's first contentful paint. Three kinds
 *     of click: a person's, whose button is down for HUMAN_PRESS_MS before the release (the content script
 *     starts reading the control and asking for its verdict at the press, issue 9's design), and
 *     playwright's instant click (down and up in the same few milliseconds: everything starts at the release),
 *     on a page in use (clicked IN_USE_MS before) and as the page's very first event (the script's start and
 *     the first run of its code fall inside the click).
 * Prints, never asserts. Runs alone too: `npx tsx test/bench/content-load.bench.ts`. Needs `npm run build`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { CHROME_PATH, DIST, launchChromium, type ChromiumSession } from "../e2e/harness/index.ts";
import { largePageHtml, pageShape, SHAPE, type PageShape } from "./content-load-page.ts";
import { switchContentScript } from "../support/content-script-switch.ts";
import { extensionSelfTime } from "../support/cpu-profile.ts";

const LOAD_BUDGET_MS = 15;
const VERDICT_BUDGET_MS = 50;
/**
 * Single pairs here differ by up to ±190 ms (other work on the shared machine slows whole stretches of loads), so the
 * median of 15 moved by ±10 ms from run to run, as much as the budget; 31 narrows that by about a third (1/√n).
 */
const PAIRS = Number(process.env.PAIRS ?? 31);
const TAIL_MS = 2_000;
const CLICKS = 5;
/** How long a person's button is down before the click lands: issue 9 puts the press 50-100 ms before it; the low end. */
const HUMAN_PRESS_MS = 50;
/** How long before the measured click a page "in use" had its first click: past the idle pre-warm's 2 s timeout. */
const IN_USE_MS = 2_500;

const verdict = (ok: boolean) => (ok ? "within budget" : "OVER budget");
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const signed = (ms: number) => `${ms >= 0 ? "+" : ""}${ms.toFixed(1)} ms`;

async function serveLargePage(): Promise<{ url: string; close(): Promise<void> }> {
  const html = largePageHtml();
  const server = createServer((req, res) => {
    res.writeHead(req.url === "/large" ? 200 : 404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(req.url === "/large" ? html : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Cdp = { send(method: string, params?: object): Promise<unknown> };
type Times = { task: number; thread: number };
const mainThread = async (cdp: Cdp): Promise<Times> => {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get("TaskDuration"), thread: get("ThreadTime") };
};

/** One load in a fresh tab: TaskDuration from navigation to load + TAIL_MS, and whether the content script ran. */
async function measureLoad(session: ChromiumSession, url: string): Promise<{ ms: Times; ran: boolean; shape: PageShape }> {
  const page = await session.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const before = await mainThread(cdp);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(TAIL_MS);
    const after = await mainThread(cdp);
    const ran = (await page.evaluate(() => document.documentElement.dataset.sharecheck ?? "")) === "ready";
    const shape = await page.evaluate(pageShape);
    // A navigation that swapped renderer processes restarts the counter: then all of it is this load's.
    const swapped = after.task < before.task;
    return { ms: swapped ? after : { task: after.task - before.task, thread: after.thread - before.thread }, ran, shape };
  } finally {
    await page.close();
  }
}

/** PAIRS alternating loads of the large page with the content script and without it, in one session. */
async function loadPairs(
  session: ChromiumSession,
  url: string,
): Promise<{ pairs: Array<{ without: Times; with: Times }>; shape: PageShape }> {
  const load = async (on: boolean) => {
    await switchContentScript(session, on);
    return measureLoad(session, url);
  };
  // Warm the HTTP path, the parser and the extension on both sides once, unmeasured.
  await load(false);
  const { shape } = await load(true);
  const pairs: Array<{ without: Times; with: Times }> = [];
  for (let i = 0; i < PAIRS; i++) {
    const withFirst = i % 2 === 1;
    const a = await load(withFirst);
    const b = await load(!withFirst);
    const [w, wo] = withFirst ? [a, b] : [b, a];
    if (!w.ran || wo.ran)
      throw new Error(`content script ${w.ran ? "" : "did not run on the with side"}${wo.ran ? "ran on the without side" : ""}`);
    pairs.push({ with: w.ms, without: wo.ms });
  }
  await switchContentScript(session, true);
  return { pairs, shape };
}

const pairSpread = (pairs: Array<{ without: Times; with: Times }>, key: keyof Times) => {
  const diffs = pairs.map((p) => p.with[key] - p.without[key]);
  const runs = pairs.map((p) => `${p.without[key].toFixed(0)}/${p.with[key].toFixed(0)}`).join(" ");
  return { d: median(diffs), spread: `min ${signed(Math.min(...diffs))}, max ${signed(Math.max(...diffs))}; without/with ms: ${runs}` };
};

async function loadOverhead(session: ChromiumSession, base: string): Promise<void> {
  const { pairs, shape: s } = await loadPairs(session, `${base}/large`);
  const shapeOk =
    s.elements === SHAPE.elements &&
    s.buttons === SHAPE.buttons &&
    s.forms === SHAPE.forms &&
    s.tables === SHAPE.tables &&
    s.depth === SHAPE.depth;
  console.log(
    `large page            ${s.elements} elements, ${s.buttons} buttons, ${s.forms} forms, ${s.tables} tables, ${s.depth} deep${shapeOk ? "" : "   (NOT the budget's page shape)"}`,
  );
  const task = pairSpread(pairs, "task");
  console.log(
    `page load TaskDuration ${signed(task.d)} median of ${PAIRS} alternating pairs, navigation to load + ${TAIL_MS / 1000} s (${task.spread})   (budget +${LOAD_BUDGET_MS} ms: ${verdict(task.d <= LOAD_BUDGET_MS)})`,
  );
  const thread = pairSpread(pairs, "thread");
  console.log(
    `page load ThreadTime   ${signed(thread.d)} median of the same pairs (${thread.spread})   (information: main-thread CPU time, which other processes on the machine do not inflate)`,
  );
}

/**
 * The floor under the figure above: the same pairs with a content script that only marks the page, registered
 * the same way (document_start, every frame) from a copy of the build. What Chromium charges for injecting any
 * content script at all; the budget cannot be met below it.
 */
async function loadFloor(base: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "sharecheck-floor-"));
  try {
    await cp(DIST.demoChrome, dir, { recursive: true });
    await writeFile(join(dir, "content.js"), 'document.documentElement.dataset.sharecheck = "ready";\n');
    const session = await launchChromium(dir);
    try {
      const { pairs } = await loadPairs(session, `${base}/large`);
      const task = pairSpread(pairs, "task");
      const thread = pairSpread(pairs, "thread");
      console.log(
        `page load floor       ${signed(task.d)} TaskDuration, ${signed(thread.d)} ThreadTime, median of ${PAIRS} alternating pairs with a content script that only marks the page (${task.spread})   (information: what injecting any content script costs here)`,
      );
    } finally {
      await session.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The extension's own share of one load: self time of its scripts in a CPU profile, navigation to load + TAIL_MS. */
async function contentSelfTime(session: ChromiumSession, url: string): Promise<number> {
  const page = await session.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const { ours } = await extensionSelfTime(cdp, async () => {
      await page.goto(url, { waitUntil: "load" });
      await page.waitForTimeout(TAIL_MS);
    });
    return ours;
  } finally {
    await page.close();
  }
}

async function selfTime(session: ChromiumSession, base: string): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await contentSelfTime(session, `${base}/large`));
  console.log(
    `content.js self time  ${median(runs).toFixed(1)} ms median of ${runs.length} profiled loads of the large page (content.js and the parts it loads), navigation to load + ${TAIL_MS / 1000} s (runs ${runs.map((r) => r.toFixed(1)).join(" ")})   (information: the script's own share of the figure above)`,
  );
}

/**
 * Runs in the page before the click: when the pointer is released, and when our verdict host shows an outcome
 * (and its next frame). A string: tsx would wrap named inner functions in a helper the page does not have.
 */
const WATCH_VERDICT = `(() => {
  const w = window;
  addEventListener("pointerup", (e) => (w.released ??= performance.timeOrigin + e.timeStamp), { capture: true, once: true });
  new MutationObserver(() => {
    if (w.hostAt !== undefined || !document.querySelector("sharecheck-verdict[data-outcome]")) return;
    w.hostAt = performance.timeOrigin + performance.now();
    requestAnimationFrame(() => (w.paintedAt = performance.timeOrigin + performance.now()));
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-outcome"] });
})()`;

type FrameTimes = { fcp: number; start: number; loaded: number };
/** Milliseconds from the pointer's release: the host with its outcome, its next frame, the panel frame's navigation start, its DOMContentLoaded, its first contentful paint. */
type VerdictTimes = { host: number; painted: number; frameStart: number; frameLoaded: number; frame: number };

/**
 * Fresh tab, page loaded and idle, first click on a held control (an order form's Fax, to its To and fax number; a
 * table row's "Fax chart" names no one and opens the page's fax window, so it is not held), the button down for
 * `pressMs`. `inUse`: the clinician has been on the page first (a click on a heading IN_USE_MS before), so the
 * content script has started and its idle pre-warm has run; otherwise the click is the page's first event.
 */
async function firstVerdict(session: ChromiumSession, base: string, pressMs: number, inUse: boolean): Promise<VerdictTimes | null> {
  const page: Page = await session.newPage(`${base}/large`);
  try {
    await page.waitForTimeout(1_000);
    if (inUse) {
      await page.locator("h2").first().click();
      await page.waitForTimeout(IN_USE_MS);
    }
    await page.evaluate(WATCH_VERDICT);
    const button = page.locator("form button[type=submit]", { hasText: /^Fax$/ }).first();
    await button.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    if (pressMs === 0) await button.click();
    else {
      await button.hover();
      await page.mouse.down();
      await page.waitForTimeout(pressMs);
      await page.mouse.up();
    }
    const timing = await page
      .waitForFunction(() => (window as unknown as { paintedAt?: number }).paintedAt, undefined, { timeout: 5_000 })
      .then(
        () =>
          page.evaluate("({ released: window.released, hostAt: window.hostAt, paintedAt: window.paintedAt })") as Promise<{
            released: number;
            hostAt: number;
            paintedAt: number;
          }>,
        () => null,
      );
    if (!timing) return null;
    let frame: FrameTimes = { fcp: NaN, start: NaN, loaded: NaN };
    for (let tries = 0; tries < 50 && Number.isNaN(frame.fcp); tries++) {
      for (const child of page.frames()) {
        if (!child.url().startsWith("chrome-extension://")) continue;
        frame = await child
          .evaluate(() => {
            const fcp = performance.getEntriesByName("first-contentful-paint")[0];
            const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
            const origin = performance.timeOrigin;
            return {
              fcp: fcp ? origin + fcp.startTime : NaN,
              start: origin,
              loaded: navigation ? origin + navigation.domContentLoadedEventEnd : NaN,
            };
          })
          .catch(() => frame);
      }
      if (Number.isNaN(frame.fcp)) await page.waitForTimeout(100);
    }
    const since = (at: number) => at - timing.released;
    return {
      host: since(timing.hostAt),
      painted: since(timing.paintedAt),
      frame: since(frame.fcp),
      frameStart: since(frame.start),
      frameLoaded: since(frame.loaded),
    };
  } finally {
    await page.close();
  }
}

async function verdictLatency(session: ChromiumSession, base: string, pressMs: number, inUse = false): Promise<void> {
  const runs: VerdictTimes[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const run = await firstVerdict(session, base, pressMs, inUse);
    if (run) runs.push(run);
  }
  const click = pressMs
    ? `a person's click (button down ${pressMs} ms), the page's first event`
    : inUse
      ? `playwright's instant click (down and up at once) on a page in use (a click on a heading ${IN_USE_MS / 1000} s before)`
      : "playwright's instant click (down and up at once), the page's first event: the script starts, and its code runs for the first time, within the click";
  console.log(`first verdict after   ${click}`);
  if (runs.length === 0)
    return console.log("first verdict         no panel appeared after a click on an order form's Fax (nothing to time)");
  const m = (key: keyof VerdictTimes) => median(runs.map((r) => r[key]).filter((v) => !Number.isNaN(v)));
  const all = (key: keyof VerdictTimes) => runs.map((r) => r[key].toFixed(0)).join(" ");
  console.log(
    `first verdict, host   ${m("painted").toFixed(1)} ms median of ${runs.length} first clicks, pointer release to the verdict host's outcome in the page and its next frame (host ${m("host").toFixed(1)} ms; runs ${all("painted")})   (budget ${VERDICT_BUDGET_MS} ms: ${verdict(m("painted") <= VERDICT_BUDGET_MS)})`,
  );
  console.log(
    `first verdict, panel  ${m("frame").toFixed(1)} ms median, pointer release to the panel frame's first contentful paint (runs ${all("frame")}; the frame's navigation starts at ${m("frameStart").toFixed(1)} ms, its DOMContentLoaded ends at ${m("frameLoaded").toFixed(1)} ms)   (budget ${VERDICT_BUDGET_MS} ms: ${verdict(m("frame") <= VERDICT_BUDGET_MS)})`,
  );
  console.log(
    `load average          ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")} (1, 5, 15 min; the machine is shared: figures above this many cores' worth of load are inflated)`,
  );
}

export default async function contentLoadBench(): Promise<void> {
  if (!CHROME_PATH || !existsSync(CHROME_PATH)) return console.log("chromium: skipped, not installed");
  if (!existsSync(join(DIST.demoChrome, "manifest.json"))) return console.log("page load: skipped, dist/ not built (npm run build)");
  const server = await serveLargePage();
  const session = await launchChromium(DIST.demoChrome);
  // PARTS=verdict (or load, floor, self; comma-separated) runs only those parts.
  const parts = (process.env.PARTS ?? "load,floor,self,verdict").split(",");
  try {
    console.log(
      `load average          ${loadavg()
        .map((n) => n.toFixed(1))
        .join(" ")} at the start`,
    );
    if (parts.includes("load")) await loadOverhead(session, server.url);
    if (parts.includes("floor")) await loadFloor(server.url);
    if (parts.includes("self")) await selfTime(session, server.url);
    if (parts.includes("verdict")) {
      await verdictLatency(session, server.url, HUMAN_PRESS_MS);
      await verdictLatency(session, server.url, 0, true);
      await verdictLatency(session, server.url, 0);
    }
  } finally {
    await session.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await contentLoadBench();
