/**
 * `npm start` (after setup.mjs): builds, serves the demo EHR portal on localhost and opens Chromium
 * with dist/demo-chrome loaded on it. Without a display (no $DISPLAY/$WAYLAND_DISPLAY on Linux) it
 * runs headless instead, writes screenshots of the demo to demo-output/ and exits.
 * PORT chooses the portal's port (default 8080, or any free port when that one is taken).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startDemoServer, type DemoServer } from "../../assets/demo/server.ts";
import type { Reply } from "../messaging/messages.ts";
import { DIST, launchChromium, missingBrowser, type ChromiumSession } from "../../test/e2e/harness/index.ts";
import { buildAll } from "./build.ts";

const root = join(import.meta.dirname, "../..");
const outDir = join(root, "demo-output");
const hasDisplay = process.platform === "darwin" || process.platform === "win32" || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

/** Demo pages to photograph, in the order a newcomer would visit them. */
const PAGES = ["/", "/chart", "/referral", "/direct", "/frames"];

async function serve(): Promise<DemoServer> {
  const port = Number(process.env.PORT ?? 8080);
  return startDemoServer({ port, host: "127.0.0.1" }).catch(() => startDemoServer({ port: 0, host: "127.0.0.1" }));
}

/** Sets the interception mode to confirm-all through the background, as the options page would. */
async function holdEveryAction(chrome: ChromiumSession): Promise<void> {
  const page = await chrome.openPopup();
  const reply = await page.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    const current = (await runtime.sendMessage({ type: "settings-get", payload: {} })) as Reply<"settings-get">;
    if (!current.ok) return current;
    const settings = { ...current.data.settings, mode: "confirm-all" };
    return (await runtime.sendMessage({ type: "settings-save", payload: { settings } })) as Reply<"settings-save">;
  });
  if (!reply?.ok) console.warn(`  (could not switch the demo to confirm-all: ${JSON.stringify(reply)})`);
  await page.close();
}

/** Clicks `button` on `url` and photographs the held panel once its verdict shows the ACO lines. */
async function verdictShot(page: Page, url: string, button: string, name: string, shot: (name: string) => Promise<void>): Promise<void> {
  await page.goto(url);
  await page
    .waitForFunction(() => document.documentElement.dataset.sharecheck === "ready", undefined, { timeout: 10_000 })
    .catch(() => undefined);
  await page.getByRole("button", { name: button }).click();
  // The held host's frame (playwright's CSS reaches into its open shadow root): the host shows the verdict's words
  // first and gets its frame after the next paint, so waiting for the host alone can find no frame yet.
  const frameElement = await page.waitForSelector('sharecheck-verdict[data-held="true"] iframe', { timeout: 5_000 }).catch(() => null);
  const frame = await frameElement?.contentFrame();
  if (!frame) {
    console.warn(`  (no inline verdict panel appeared after ${button})`);
    return;
  }
  const aco = await frame.waitForSelector(".sc-aco-fact", { timeout: 5_000 }).catch(() => null);
  if (!aco) console.warn(`  (the verdict after ${button} shows no ACO lines: is this the demo build, with the demo organisation?)`);
  // Proceed enables once the panel has been visible long enough; photograph it as the clinician then sees it.
  await frame.waitForSelector('[data-decision="proceed"][data-state="ready"]', { timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(300); // animations end
  // Focus went to the first field of the panel and scrolled it; show the verdict from its top instead.
  await frame
    .evaluate(() => {
      for (const el of document.querySelectorAll("*")) if (el.scrollTop > 0) el.scrollTo(0, 0);
    })
    .catch(() => undefined);
  await shot(name);
}

async function screenshots(chrome: ChromiumSession, demo: DemoServer): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const page = await chrome.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
    console.log(`  demo-output/${name}.png`);
  };
  for (const path of PAGES) {
    await page.goto(`${demo.url}${path}`);
    await page
      .waitForFunction(() => document.documentElement.dataset.sharecheck === "ready", undefined, { timeout: 10_000 })
      .catch(() => {
        console.warn(`  (the content script did not mark ${path}; is the extension built?)`);
      });
    await shot(path === "/" ? "portal" : path.slice(1));
  }

  // The moments that matter: the inline verdict beside the action, inside the demo organisation's ACO
  // (src/settings/demo.ts), leading with the participant, its ACO and what matched. A referral to a
  // provider is allowed, which the default mode does not hold; hold everything so the panel stays.
  await holdEveryAction(chrome);
  await verdictShot(page, `${demo.url}/referral`, "Send Referral", "referral-verdict", shot); // matched by name (the README's screenshot)
  await verdictShot(page, `${demo.url}/direct`, "Send via Direct", "direct-verdict", shot); // matched by the Direct domain

  const popup = await chrome.openPopup();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.waitForLoadState("load");
  await popup.screenshot({ path: join(outDir, "popup.png"), fullPage: true });
  console.log("  demo-output/popup.png");
  const options = await chrome.openOptions();
  await options.setViewportSize({ width: 1280, height: 900 });
  await options.waitForLoadState("load");
  await options.screenshot({ path: join(outDir, "options.png"), fullPage: true });
  console.log("  demo-output/options.png");
}

async function main(): Promise<void> {
  await buildAll();
  const missing = missingBrowser("chromium");
  if (missing) throw new Error(missing);
  const demo = await serve();
  console.log(`\nRiverbend Health EHR (demo portal) at ${demo.url}/`);

  if (!hasDisplay) {
    console.log("No display: running Chromium headless and writing screenshots:");
    const chrome = await launchChromium(DIST.demoChrome);
    try {
      await screenshots(chrome, demo);
    } finally {
      await chrome.close();
      await demo.close();
    }
    return;
  }

  console.log("Opening Chromium with dist/demo-chrome loaded. Close the browser window (or press Ctrl+C) to stop.");
  const chrome = await launchChromium(DIST.demoChrome, { headless: false });
  const [first] = chrome.context.pages();
  await (first ?? (await chrome.newPage())).goto(`${demo.url}/`);
  await chrome.newPage(`${demo.url}/referral`);
  const stop = async (): Promise<void> => {
    await chrome.close().catch(() => undefined);
    await demo.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  chrome.context.once("close", () => void demo.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
