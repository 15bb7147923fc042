/**
 * Debian's Chromium driven by playwright-core, with an unpacked extension loaded (new headless mode
 * runs extensions). Never `playwright install`: we use the system browser (CHROME_PATH overrides).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page, type Request, type Worker } from "playwright-core";
import { CHROME_PATH, DIST, requireBuilt } from "./browsers.ts";
import { CLOSE_TIMEOUT_MS, DeadlineError, killProcessesWith, LAUNCH_TIMEOUT_MS, within } from "./deadline.ts";
import { registerBrowser } from "./evidence.ts";
import { ExtensionNetworkLog } from "./network.ts";

export interface ChromiumSession {
  context: BrowserContext;
  /** The 32-letter id, read off the service worker's URL. */
  extensionId: string;
  serviceWorker: Worker;
  /** Every request the extension's own contexts made; close() fails the test if there is any. */
  network: ExtensionNetworkLog;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** A new tab, optionally navigated to url. */
  newPage(url?: string): Promise<Page>;
  /** The toolbar popup's page, opened in a tab. */
  openPopup(): Promise<Page>;
  /** The options page, opened in a tab. */
  openOptions(): Promise<Page>;
  /**
   * Stops the extension's service worker as Chrome does when it is idle (CDP ServiceWorker.stopAllWorkers; the
   * demo pages have no worker of their own) and resolves once it reports "stopped". `serviceWorker` is dead
   * afterwards; the next extension event starts a new one. Chrome never stops a worker by itself while DevTools
   * is attached to it, as playwright is, so tests stop it with this instead of waiting for the idle timeout.
   */
  stopBackground(): Promise<void>;
  /** The service worker's running status as DevTools reports it: "running", "starting", "stopping", "stopped". */
  backgroundState(): Promise<string>;
  /** Closes the browser, deletes its profile, and throws if the extension made any network request. */
  close(): Promise<void>;
}

export interface ChromiumOptions {
  /** Extra command-line switches. */
  args?: string[];
  /** Default true; `npm start` passes false when there is a display. */
  headless?: boolean;
}

/** Flags for this machine: root (no sandbox), no GPU, and no browser traffic of its own to muddy the network log. */
const MACHINE_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-quic",
];

function requestSource(request: Request): string | undefined {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    return undefined; // no frame: not a page request
  }
}

type StackTrace = { callFrames: { url: string }[]; parent?: StackTrace };
type RequestWillBeSent = { request: { url: string }; initiator: { url?: string; stack?: StackTrace } };

/**
 * The script that made a request: the parser's document, or the innermost frame of the call stack.
 * Only the innermost frame counts: when the content script replays a held click, the page's own
 * handler runs under our frame and may fetch, and that request is the page's, not ours.
 */
function initiatorUrls(initiator: RequestWillBeSent["initiator"]): string[] {
  const innermost = initiator.stack?.callFrames[0]?.url;
  return [initiator.url, innermost].filter((url): url is string => Boolean(url));
}

async function watchContentScriptRequests(context: BrowserContext, page: Page, network: ExtensionNetworkLog): Promise<void> {
  const cdp = await context.newCDPSession(page).catch(() => null);
  if (!cdp) return; // page already closed
  cdp.on("Network.requestWillBeSent", (event: RequestWillBeSent) => {
    const extensionScript = initiatorUrls(event.initiator).find((url) => /^chrome-extension:\/\//.test(url));
    network.record(extensionScript, event.request.url);
  });
  await cdp.send("Network.enable").catch(() => undefined);
}

/**
 * A demo build's background registers the content script for its install-time hosts shortly after
 * install, once it has read the settings and the admin policy — and Chromium answers
 * storage.managed.get() only after its policy service settles, 3 to 5 s after startup here. A page
 * opened before that would run without the content script, so the session starts only once the
 * registration is there.
 */
async function contentScriptRegistered(worker: Worker, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  type Chrome = { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
  while (
    !(await worker.evaluate(
      async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()).length > 0,
    ))
  ) {
    if (Date.now() > deadline)
      throw new Error(`the background registered no content script within ${timeoutMs} ms of install, though the manifest grants hosts`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How long one try at closing a tab may take, and how many tries. */
const PAGE_CLOSE_TRY_MS = 5_000;
const PAGE_CLOSE_TRIES = 3;

/**
 * Chromium can acknowledge CDP Target.closeTarget without closing a tab whose navigation is committing (a form
 * POST just sent, say), and page.close() then waits forever (microsoft/playwright#42366, #41900). Playwright
 * does not ask twice, so a try that does not finish asks the tab itself to close over CDP (Page.close), as
 * Playwright's proposed fix retries. A tab that still stays open fails with a DeadlineError naming it.
 */
export function closesForSure(page: Page, askAgain: (page: Page) => Promise<void>): Page {
  const close = page.close.bind(page);
  page.close = async (options) => {
    const closing = close(options);
    for (let attempt = 1; ; attempt++) {
      try {
        await within(closing, PAGE_CLOSE_TRY_MS, `closing the tab at ${page.url()} (try ${attempt} of ${PAGE_CLOSE_TRIES})`);
        return;
      } catch (error) {
        if (!(error instanceof DeadlineError) || attempt === PAGE_CLOSE_TRIES) throw error;
        if (page.isClosed()) return;
        console.log(
          `# the tab at ${page.url()} did not close in ${PAGE_CLOSE_TRY_MS} ms: asking it again over CDP (Chromium's close race)`,
        );
        await within(askAgain(page), PAGE_CLOSE_TRY_MS, "asking the tab to close over CDP").catch(() => undefined);
      }
    }
  };
  return page;
}

/**
 * Launch and close are bounded: a launch that does not finish within LAUNCH_TIMEOUT_MS, or a close that hangs
 * past CLOSE_TIMEOUT_MS, kills the browser's processes (found by the profile directory in their command line)
 * and fails.
 */
export async function launchChromium(extDir: string = DIST.demoChrome, options: ChromiumOptions = {}): Promise<ChromiumSession> {
  requireBuilt(extDir);
  const profile = mkdtempSync(join(tmpdir(), "sharecheck-chromium-"));
  let context: BrowserContext | undefined;
  try {
    return await within(
      async () => {
        context = await launchContext(extDir, profile, options);
        return await startSession(context, extDir, profile);
      },
      LAUNCH_TIMEOUT_MS,
      "launching Chromium with the extension",
    );
  } catch (error) {
    await within(context?.close() ?? Promise.resolve(), CLOSE_TIMEOUT_MS, "closing Chromium after a failed launch").catch(() => undefined);
    killProcessesWith(profile); // also a browser still starting when the launch ran out of time
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

function launchContext(extDir: string, profile: string, options: ChromiumOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: options.headless ?? true,
    timeout: LAUNCH_TIMEOUT_MS,
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...MACHINE_ARGS, ...(options.args ?? [])],
  });
}

async function startSession(context: BrowserContext, extDir: string, profile: string): Promise<ChromiumSession> {
  const manifest = JSON.parse(readFileSync(join(extDir, "manifest.json"), "utf8")) as {
    action?: { default_popup?: string };
    options_ui?: { page?: string };
    host_permissions?: string[];
  };
  const network = new ExtensionNetworkLog();
  context.on("request", (request) => network.record(requestSource(request), request.url()));
  const watched: Promise<void>[] = [];
  const watch = (page: Page): void => void watched.push(watchContentScriptRequests(context, page, network));
  context.pages().forEach(watch);
  context.on("page", watch);

  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ??
    (await context.waitForEvent("serviceworker", { timeout: 15_000, predicate: (w) => w.url().startsWith("chrome-extension://") }));
  const extensionId = new URL(serviceWorker.url()).host;
  if (manifest.host_permissions?.length) await contentScriptRegistered(serviceWorker);
  const extensionUrl = (path: string): string => `chrome-extension://${extensionId}/${path.replace(/^\//, "")}`;

  const newPage = async (url?: string): Promise<Page> => {
    const page = closesForSure(await context.newPage(), async (stuck) => {
      const cdp = await context.newCDPSession(stuck);
      await cdp.send("Page.close");
    });
    await Promise.all(watched); // the CDP watcher is on before the first request
    if (url) await page.goto(url);
    return page;
  };
  const openPage = (path: string | undefined, what: string): Promise<Page> => {
    if (!path) throw new Error(`the manifest declares no ${what}`);
    return newPage(extensionUrl(path));
  };
  const unregister = registerBrowser({
    name: `chromium ${context.browser()?.version() ?? ""}`.trim(),
    tabs: async () =>
      context.pages().map((page) => ({ url: page.url(), screenshot: (path: string) => page.screenshot({ path, timeout: 5_000 }) })),
  });

  const stopBackground = async (): Promise<void> => {
    const scratch = await context.newPage();
    const cdp = await context.newCDPSession(scratch);
    try {
      const ours = (v: { scriptURL: string }) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`);
      let stopped = false;
      const done = new Promise<void>((resolve) => {
        cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
          const mine = versions.filter(ours);
          if (stopped && mine.length > 0 && mine.every((v) => v.runningStatus === "stopped")) resolve();
        });
      });
      await cdp.send("ServiceWorker.enable");
      stopped = true;
      await cdp.send("ServiceWorker.stopAllWorkers");
      await within(done, 10_000, "the service worker to stop");
    } finally {
      await cdp.detach().catch(() => undefined);
      await scratch.close().catch(() => undefined);
    }
  };

  const backgroundState = async (): Promise<string> => {
    const scratch = await context.newPage();
    const cdp = await context.newCDPSession(scratch);
    try {
      const state = new Promise<string>((resolve) => {
        cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
          const mine = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
          if (mine) resolve(mine.runningStatus);
        });
      });
      await cdp.send("ServiceWorker.enable");
      return await within(state, 5_000, "the service worker's state");
    } finally {
      await cdp.detach().catch(() => undefined);
      await scratch.close().catch(() => undefined);
    }
  };

  return {
    context,
    extensionId,
    stopBackground,
    backgroundState,
    serviceWorker,
    network,
    extensionUrl,
    newPage,
    openPopup: () => openPage(manifest.action?.default_popup, "popup"),
    openOptions: () => openPage(manifest.options_ui?.page, "options page"),
    async close() {
      unregister();
      let hung: unknown;
      await within(context.close(), CLOSE_TIMEOUT_MS, "closing Chromium").catch((error: unknown) => {
        hung = error;
        killProcessesWith(profile);
      });
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      network.assertNone();
      if (hung) throw hung;
    },
  };
}
