// A held action outlives the extension's background: Chrome stops an idle service worker after ~30 s (and may
// stop it at any time), Firefox unloads an idle event page, and a clinician may leave a held action on screen
// for minutes. The background is stopped mid-hold (Chromium: its service-worker target is closed over CDP;
// Firefox: about:debugging's "Terminate background script"), then Proceed completes the action exactly once and
// Cancel sends nothing. The demo server counts submissions.
import assert from "node:assert/strict";
import {
  beforeEach,
  describe,
  forSuite,
  launchChromium,
  launchFirefox,
  missingBrowser,
  serveDemo,
  step,
  test,
  waitUntil,
  type ChromiumSession,
  type FirefoxSession,
  type TestContext,
} from "./harness/index.ts";
import { anyHost, clickControl, decide, heldAttr, openWatched, panel, panelFrame, sleep, type Tab } from "./panel-driver.ts";

interface Browser {
  name: string;
  newPage(url: string): Promise<Tab>;
  stopBackground(): Promise<void>;
  backgroundRunning(): Promise<boolean>;
  /** Resolves once the background has stopped after idling (by itself where the browser lets it), within `ms`. */
  idleStop(ms: number): Promise<void>;
  /** Why the background cannot be stopped or watched from the test in this browser, or undefined. */
  cannotReachBackground(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Long enough for the panel's Proceed to count and for the frame to have reconnected to the restarted background. */
const AFTER_STOP_MS = 1500;

function lifecycleSuite(name: string, skip: string | false, launch: () => Promise<Browser>) {
  describe(name, { skip }, () => {
    const demo = forSuite(serveDemo);
    const browser = forSuite(launch);
    const submissions = (kind?: string) =>
      demo()
        .submissions()
        .filter((s) => !kind || s.kind === kind);
    const open = (path: string) => openWatched((url) => browser().newPage(url), `${demo().url}${path}`);

    beforeEach(async () => {
      await fetch(`${demo().url}/__test/reset`, { method: "POST" });
    });

    /** Skips a test that stops the background where this browser does not let the test do that (the reason is reported). */
    async function canStop(t: TestContext): Promise<boolean> {
      const why = await browser().cannotReachBackground();
      if (why) t.skip(why);
      return why === undefined;
    }

    async function held(): Promise<Tab> {
      const page = await open("/direct");
      await clickControl(page, { selector: "button", text: "Send via Direct" });
      const info = await panel(page);
      assert.equal(info.held, "true");
      return page;
    }

    test("Proceed after the background was stopped mid-hold sends the message exactly once", async (t) => {
      if (!(await canStop(t))) return;
      const page = await held();
      step("stopping the background");
      await browser().stopBackground();
      await sleep(AFTER_STOP_MS);
      assert.equal(await page.evaluate(heldAttr, undefined), "true", "still held after the stop");
      assert.equal(submissions().length, 0);
      await decide(page, "proceed");
      await waitUntil(() => submissions("direct").length > 0 || undefined, "the Direct message to be sent");
      await sleep(800);
      assert.equal(submissions().length, 1, "sent exactly once");
      await page.close();
    });

    test("Proceed after the background was stopped twice in a row still sends once", async (t) => {
      if (!(await canStop(t))) return;
      const page = await held();
      await browser().stopBackground();
      await waitUntil(() => browser().backgroundRunning(), "the panel to wake the background again");
      await browser().stopBackground();
      await sleep(AFTER_STOP_MS);
      await decide(page, "proceed");
      await waitUntil(() => submissions("direct").length > 0 || undefined, "the Direct message to be sent");
      await sleep(800);
      assert.equal(submissions().length, 1, "sent exactly once");
      await page.close();
    });

    test("Cancel after the background was stopped sends nothing and closes the panel", async (t) => {
      if (!(await canStop(t))) return;
      const page = await held();
      await browser().stopBackground();
      await sleep(AFTER_STOP_MS);
      await decide(page, "cancel");
      await waitUntil(async () => !(await page.evaluate(anyHost, undefined)) || undefined, "the panel to close");
      await sleep(800);
      assert.equal(submissions().length, 0);
      await page.close();
    });

    test("Proceed after 40 s idle, the background stopped meanwhile, sends once", { timeout: 150_000 }, async (t) => {
      if (!(await canStop(t))) return;
      const page = await held();
      step("idling 40 s with the action held");
      await Promise.all([browser().idleStop(40_000), sleep(40_000)]);
      await decide(page, "proceed");
      await waitUntil(() => submissions("direct").length > 0 || undefined, "the Direct message to be sent");
      await sleep(800);
      assert.equal(submissions().length, 1, "sent exactly once");
      await page.close();
    });
  });
}

lifecycleSuite("Chromium: a held action outlives the service worker", missingBrowser("chromium"), async () => {
  const chrome: ChromiumSession = await launchChromium();
  return {
    name: "chromium",
    newPage: async (url) => (await chrome.newPage(url)) as unknown as Tab,
    stopBackground: () => chrome.stopBackground(),
    backgroundRunning: async () => (await chrome.backgroundState()) === "running",
    cannotReachBackground: async () => undefined,
    // Chrome never stops a worker with DevTools attached (playwright is), so after the idle time it is stopped the
    // way the idle timer would: the same StopWorker.
    idleStop: async (ms) => {
      await sleep(ms - 5_000);
      await chrome.stopBackground();
    },
    close: () => chrome.close(),
  };
});

lifecycleSuite("Firefox: a held action outlives the event page", missingBrowser("firefox"), async () => {
  const firefox: FirefoxSession = await launchFirefox();
  return {
    name: "firefox",
    newPage: async (url) => (await firefox.newPage(url)) as unknown as Tab,
    stopBackground: () => firefox.stopBackground(),
    backgroundRunning: () => firefox.waitForBackground("running", 1_000),
    cannotReachBackground: () => firefox.cannotReachBackground(),
    // Firefox unloads an idle event page after 30 s (extensions.background.idle.timeout) even with our port open;
    // on this loaded machine that can come late, and then it is stopped the way the idle timer would.
    idleStop: async (ms) => {
      if (!(await firefox.waitForBackground("stopped", ms))) {
        console.warn(`the event page did not stop by itself within ${ms} ms; stopping it`);
        await firefox.stopBackground();
      }
    },
    close: () => firefox.close(),
  };
});

// The extension gone for good while an action is held: an update (chrome.runtime.reload(), as an update does)
// leaves the old content script without its extension and kills the panel's frame. The panel must say so in
// plain words, send nothing, keep the control held, and let the action go only after a reload (a fresh check;
// that the reloaded page is checked again is not covered here: in this harness chrome.runtime.reload() leaves an
// extension loaded with --load-extension unloaded, its pages ERR_BLOCKED_BY_CLIENT, so this is the extension
// disabled as much as updated). Firefox: below.
describe("Chromium: the extension updated while an action is held", { skip: missingBrowser("chromium") }, () => {
  const demo = forSuite(serveDemo);
  const chrome = forSuite(() => launchChromium());
  const notice = (): string => document.querySelector("sharecheck-verdict")?.shadowRoot?.querySelector("[role=alert]")?.textContent ?? "";

  test("the panel says ShareCheck is gone and to reload; nothing is sent, and a click on the held control sends nothing either", async () => {
    const page = await openWatched(async (url) => (await chrome().newPage(url)) as unknown as Tab, `${demo().url}/direct`);
    await clickControl(page, { selector: "button", text: "Send via Direct" });
    await panel(page);
    step("reloading the extension, as an update does");
    await chrome()
      .serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined);
    const said = await waitUntil(async () => (await page.evaluate(notice, undefined)) || undefined, "the panel to say ShareCheck is gone");
    assert.match(said, /updated or turned off.*Nothing was sent.*Reload the page/);
    assert.equal(await page.evaluate(heldAttr, undefined), "true");
    await clickControl(page, { selector: "button", text: "Send via Direct" });
    await sleep(1000);
    assert.equal(demo().submissions().length, 0, "a click on the held control sends nothing");
    await page.close();
  });
});

// Firefox tears the content script down with the add-on (removed here over WebDriver BiDi, as an update or a
// user's removal does) and leaves the panel's document on screen without its extension APIs. The panel must say
// so in plain words with no Proceed (and no button at all: nothing is left to reach), and nothing is sent. The
// page's control is then the page's own again, unchecked: that is what turning ShareCheck off means.
describe("Firefox: the add-on removed while an action is held", { skip: missingBrowser("firefox") }, () => {
  const demo = forSuite(serveDemo);
  const firefox = forSuite(() => launchFirefox());

  test("the panel says ShareCheck is gone and to reload, offers no Proceed, and nothing is sent", async () => {
    const page = await openWatched(async (url) => (await firefox().newPage(url)) as unknown as Tab, `${demo().url}/direct`);
    await clickControl(page, { selector: "button", text: "Send via Direct" });
    await panel(page);
    const frame = await panelFrame(page);
    step("removing the add-on");
    await firefox().browser.uninstallExtension(firefox().extensionId);
    const said = await waitUntil(
      async () => (await frame.evaluate(() => document.querySelector("[role=alert]")?.textContent ?? "", undefined)) || undefined,
      "the panel to say ShareCheck is gone",
    );
    assert.match(said, /updated or turned off.*Nothing was sent.*Reload the page/);
    assert.equal(await frame.evaluate(() => document.querySelectorAll("button").length, undefined), 0, "no button is left");
    await sleep(500);
    assert.equal(demo().submissions().length, 0, "nothing was sent");
    await page.close();
  });
});
