/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the extension installed as
 * a temporary add-on. The add-on's moz-extension UUID is pinned by a pref so tests know its URLs.
 *
 * Found out the hard way (Firefox 153 ESR):
 * - a temporary install grants the manifest's host_permissions (the demo build's localhost), so the
 *   content script runs on the demo portal without any permission prompt;
 * - WebDriver BiDi refuses to navigate to moz-extension:// unless Firefox runs with
 *   --remote-allow-system-access, and the tab then moves to the extension process, which detaches
 *   the frame puppeteer was tracking: openExtensionPage() waits on the document itself instead.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { GECKO_ID } from "../../../src/tools/manifest.ts";
import { DIST, FIREFOX_PATH, requireBuilt } from "./browsers.ts";
import { CLOSE_TIMEOUT_MS, LAUNCH_TIMEOUT_MS, within } from "./deadline.ts";
import { registerBrowser } from "./evidence.ts";
import { type DebuggingCard, withDebuggingCard } from "./firefox-debugging.ts";
import { ExtensionNetworkLog } from "./network.ts";

/** The fixed moz-extension UUID of the add-on in test sessions. */
export const FIREFOX_EXTENSION_UUID = "5c3f1b2e-8d4a-4e6b-9f0a-2b7c1d3e4f50";

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id (GECKO_ID). */
  extensionId: string;
  uuid: string;
  /** Every request the extension's pages and frames made; close() fails the test if there is any. */
  network: ExtensionNetworkLog;
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  newPage(url?: string): Promise<Page>;
  /** Opens an extension page in a tab and resolves once its document has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /**
   * Stops the add-on's background event page as Firefox does when it is idle, with about:debugging's "Terminate
   * background script" (firefox-debugging.ts), and resolves once the page has said it stopped. The next extension
   * event (a held panel's heartbeat, at once) starts it again.
   */
  stopBackground(): Promise<void>;
  /** Resolves true once the background is in `state` (read off one about:debugging tab), false after `timeoutMs`. */
  waitForBackground(state: "running" | "stopped", timeoutMs: number): Promise<boolean>;
  /** Why this Firefox does not let the test stop the background or read its state, or undefined when it does. */
  cannotReachBackground(): Promise<string | undefined>;
  /** Closes the browser and throws if the extension made any network request. */
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** Extra about:config prefs. */
  prefs?: Record<string, unknown>;
  headless?: boolean;
}

async function waitForDocument(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await within(
      page.evaluate(() => `${location.href} ${document.readyState}`),
      Math.max(deadline - Date.now(), 1_000),
      "reading the tab's address",
    ).catch(() => "");
    if (state === `${url} complete`) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load (last seen: "${state}")`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// biome-ignore lint/suspicious/noExplicitAny: WebDriver BiDi payloads differ per event; each listener reads its own fields
type BidiEvents = { on(event: string, listener: (params: any) => void): void };

/**
 * Puppeteer subscribes to every WebDriver BiDi network event; we listen on its connection, because
 * a tab that moved to the extension process no longer reports through its puppeteer Page. Each
 * request is attributed to the URL its browsing context (tab or frame) last navigated to.
 * The background event page is not a BiDi browsing context, so it is not observable here (Chromium's
 * run covers the service worker; the build test bans network APIs from every bundle).
 */
function watchExtensionRequests(browser: Browser, network: ExtensionNetworkLog): void {
  const connection = (browser as unknown as { connection: BidiEvents }).connection;
  const contextUrl = new Map<string, string>();
  for (const event of [
    "browsingContext.contextCreated",
    "browsingContext.navigationStarted",
    "browsingContext.domContentLoaded",
    "browsingContext.load",
  ]) {
    connection.on(event, (params: { context: string; url: string }) => contextUrl.set(params.context, params.url));
  }
  connection.on("network.beforeRequestSent", (params: { context: string | null; request: { url: string } }) => {
    network.record(params.context ? contextUrl.get(params.context) : undefined, params.request.url);
  });
}

/** Closes the browser within CLOSE_TIMEOUT_MS, else kills it; rejects if it had to kill. */
async function closeOrKill(browser: Browser): Promise<void> {
  await within(browser.close(), CLOSE_TIMEOUT_MS, "closing Firefox").catch((error: unknown) => {
    browser.process()?.kill("SIGKILL");
    throw error;
  });
}

/** Launch and close are bounded: past LAUNCH_TIMEOUT_MS or CLOSE_TIMEOUT_MS the browser is killed and the call fails. */
export async function launchFirefox(extDir: string = DIST.demoFirefox, options: FirefoxOptions = {}): Promise<FirefoxSession> {
  requireBuilt(extDir);
  const manifest = JSON.parse(readFileSync(join(extDir, "manifest.json"), "utf8")) as {
    action?: { default_popup?: string };
    options_ui?: { page?: string };
  };
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    protocol: "webDriverBiDi",
    headless: options.headless ?? true,
    timeout: LAUNCH_TIMEOUT_MS,
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      ...options.prefs,
    },
  });
  const network = new ExtensionNetworkLog();
  watchExtensionRequests(browser, network);

  try {
    const [extensionId, version] = await within(
      Promise.all([browser.installExtension(extDir), browser.version()]),
      LAUNCH_TIMEOUT_MS,
      "installing the add-on in Firefox",
    );
    const extensionUrl = (path: string): string => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, "")}`;
    const newPage = async (url?: string): Promise<Page> => {
      const page = await browser.newPage();
      if (url) await page.goto(url);
      return page;
    };
    const openExtensionPage = async (path: string): Promise<Page> => {
      const page = await browser.newPage();
      const url = extensionUrl(path);
      // The navigation "fails" with a detached frame once the tab switches process; the document still loads.
      void page.goto(url, { timeout: 15_000 }).catch(() => undefined);
      await waitForDocument(page, url);
      return page;
    };
    const openPage = (path: string | undefined, what: string): Promise<Page> => {
      if (!path) throw new Error(`the manifest declares no ${what}`);
      return openExtensionPage(path);
    };
    const unregister = registerBrowser({
      name: version.toLowerCase().startsWith("firefox") ? version : `firefox ${version}`,
      tabs: async () =>
        (await browser.pages()).map((page) => ({ url: page.url(), screenshot: (path: string) => page.screenshot({ path }) })),
    });
    const card = <T>(body: (card: DebuggingCard) => Promise<T>) => withDebuggingCard(browser, extensionId, body);
    const cannotReachBackground = async (): Promise<string | undefined> => {
      try {
        await card(async () => undefined);
        return undefined;
      } catch (error) {
        return `${version}: the add-on's card in about:debugging cannot be read (${error instanceof Error ? error.message : String(error)})`;
      }
    };
    const waitForBackground = (state: "running" | "stopped", timeoutMs: number): Promise<boolean> =>
      card((c) => c.waitFor(state, timeoutMs));
    const stopBackground = (): Promise<void> =>
      card(async (c) => {
        if (!(await c.terminate(10_000))) throw new Error(`the background did not stop (status: ${await c.status()})`);
      });
    return {
      browser,
      extensionId,
      stopBackground,
      waitForBackground,
      cannotReachBackground,
      uuid: FIREFOX_EXTENSION_UUID,
      network,
      extensionUrl,
      newPage,
      openExtensionPage,
      openPopup: () => openPage(manifest.action?.default_popup, "popup"),
      openOptions: () => openPage(manifest.options_ui?.page, "options page"),
      async close() {
        unregister();
        await closeOrKill(browser);
        network.assertNone();
      },
    };
  } catch (error) {
    await closeOrKill(browser).catch(() => undefined);
    throw error;
  }
}
