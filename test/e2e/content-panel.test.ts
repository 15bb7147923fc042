// The inline verdict on the demo portal, in Chromium and in Firefox: which actions are held, the
// <sharecheck-verdict> contract (data-outcome, data-action, data-recipient, data-held), exactly-once
// completion on Proceed, nothing on Cancel or Escape, negatives left alone, frames, shadow roots,
// keyboard-only controls, and a hostile page that tries to decide for the clinician.
//
// Puppeteer cannot reach into a moz-extension frame, so the panel's buttons are clicked with the
// mouse at their fixed places: the decision bar is the frame's bottom row, Proceed (or Close) in the
// left half, Cancel in the right half.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  launchChromium,
  launchFirefox,
  missingBrowser,
  serveDemo,
  waitUntil,
  type ChromiumSession,
  type DemoServer,
  type FirefoxSession,
} from "./harness/index.ts";

/** What both playwright-core and puppeteer-core pages offer, as far as these tests use it. */
interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  url(): string;
}
interface Tab extends Evaluator {
  goto(url: string): Promise<unknown>;
  mouse: { click(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
  frames(): Evaluator[];
  close(): Promise<void>;
}
interface Browser {
  newPage(url?: string): Promise<Tab>;
  /** Any extension page, to talk to the background as the options page would. */
  extensionPage(): Promise<Tab>;
}

/** Where a control is: optionally inside a same-origin iframe and/or an open shadow root. */
type Target = { selector: string; text?: string; frame?: string; shadowHost?: string };
type HostInfo = { outcome?: string; action?: string; recipient?: string; held?: string; left: number; top: number; right: number; bottom: number };

/** The centre of a control in top-page coordinates, scrolled into view (runs in the page). */
function locate(target: Target): { x: number; y: number } | null {
  let doc: Document = document;
  let dx = 0;
  let dy = 0;
  if (target.frame) {
    const frame = document.querySelector<HTMLIFrameElement>(target.frame);
    if (!frame?.contentDocument) return null;
    frame.scrollIntoView({ block: "center" });
    const box = frame.getBoundingClientRect();
    dx = box.left + frame.clientLeft;
    dy = box.top + frame.clientTop;
    doc = frame.contentDocument;
  }
  const root: ParentNode | null | undefined = target.shadowHost ? doc.querySelector(target.shadowHost)?.shadowRoot : doc;
  const el = Array.from(root?.querySelectorAll<HTMLElement>(target.selector) ?? []).find((e) => !target.text || e.textContent?.trim() === target.text);
  if (!el) return null;
  el.scrollIntoView({ block: "center" });
  const r = el.getBoundingClientRect();
  return { x: dx + r.left + r.width / 2, y: dy + r.top + r.height / 2 };
}

/** The panel host's contract attributes and box (top-page coordinates), in the top document or a same-origin iframe. */
function hostInfo(frameSelector: string | null): HostInfo | null {
  let doc: Document = document;
  let dx = 0;
  let dy = 0;
  if (frameSelector) {
    const frame = document.querySelector<HTMLIFrameElement>(frameSelector);
    if (!frame?.contentDocument) return null;
    const box = frame.getBoundingClientRect();
    dx = box.left + frame.clientLeft;
    dy = box.top + frame.clientTop;
    doc = frame.contentDocument;
  }
  const host = doc.querySelector<HTMLElement>("sharecheck-verdict");
  if (!host || !host.shadowRoot?.querySelector("iframe")) return null;
  const r = host.getBoundingClientRect();
  const { outcome, action, recipient, held } = host.dataset;
  return { outcome, action, recipient, held, left: dx + r.left, top: dy + r.top, right: dx + r.right, bottom: dy + r.bottom };
}

const anyHost = (): boolean => document.querySelector("sharecheck-verdict") !== null;
const activeText = (): string => (document.activeElement?.textContent ?? "").trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The panel frame needs its state, Chrome's visibility observer its 100 ms, and Proceed counts only after 500 ms open. */
const SETTLE_MS = 1200;

function contentSuite(name: string, skip: string | false, launch: () => Promise<Browser & { close(): Promise<void> }>) {
  describe(name, { skip }, () => {
    let demo: DemoServer;
    let browser: Browser & { close(): Promise<void> };
    const submissions = (kind?: string) => demo.submissions().filter((s) => !kind || s.kind === kind);

    async function open(path: string): Promise<Tab> {
      const page = await browser.newPage(`${demo.url}${path}`);
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.sharecheck, undefined), "the content script");
      await sleep(500); // the verdicts for the page's controls are asked ahead
      return page;
    }
    async function click(page: Tab, target: Target): Promise<void> {
      const at = await waitUntil(() => page.evaluate(locate, target), `${target.text ?? target.selector} on the page`);
      await page.mouse.click(at.x, at.y);
    }
    async function panel(page: Tab, frame: string | null = null): Promise<HostInfo> {
      const info = await waitUntil(() => page.evaluate(hostInfo, frame), "the ShareCheck panel");
      await sleep(SETTLE_MS);
      return (await page.evaluate(hostInfo, frame)) ?? info;
    }
    async function decide(page: Tab, which: "proceed" | "cancel", frame: string | null = null): Promise<void> {
      const box = await waitUntil(() => page.evaluate(hostInfo, frame), "the panel");
      const width = box.right - box.left;
      await page.mouse.click(box.left + (which === "proceed" ? width / 4 : (3 * width) / 4), box.bottom - 20);
    }
    async function setMode(mode: string): Promise<void> {
      const page = await browser.extensionPage();
      const saved = await page.evaluate(async (next: string) => {
        type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const api = (g.browser ?? g.chrome)!;
        const got = (await api.runtime.sendMessage({ type: "settings-get", payload: {} })) as { data: { settings: Record<string, unknown> } };
        const reply = (await api.runtime.sendMessage({ type: "settings-save", payload: { settings: { ...got.data.settings, mode: next } } })) as { ok: boolean };
        return reply.ok;
      }, mode);
      await page.close();
      assert.equal(saved, true, `mode ${mode} saved`);
      await sleep(300);
    }

    before(async () => {
      demo = await serveDemo();
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await demo?.close();
    });
    beforeEach(async () => {
      await fetch(`${demo.url}/__test/reset`, { method: "POST" });
    });

    test("a Direct message to an unknown purpose is held with the contract attributes; Proceed sends it exactly once", async () => {
      const page = await open("/direct");
      await click(page, { selector: "button", text: "Send via Direct" });
      const info = await panel(page);
      assert.equal(info.outcome, "needs-review");
      assert.equal(info.action, "direct");
      assert.equal(info.recipient, "referrals@direct.lakesidecardiology.example");
      assert.equal(info.held, "true");
      assert.equal(submissions().length, 0, "nothing left while held");
      await decide(page, "proceed");
      await waitUntil(() => submissions("direct").length > 0 || undefined, "the Direct message to be sent");
      await sleep(800);
      assert.equal(submissions().length, 1, "sent exactly once");
      await page.close();
    });

    test("Cancel leaves the page untouched and gives focus back to the control", async () => {
      const page = await open("/direct");
      await click(page, { selector: "button", text: "Send via Direct" });
      await panel(page);
      await decide(page, "cancel");
      await waitUntil(async () => !(await page.evaluate(anyHost, undefined)) || undefined, "the panel to close");
      await sleep(800);
      assert.equal(submissions().length, 0);
      assert.match(page.url(), /\/direct$/);
      assert.equal(await page.evaluate(activeText, undefined), "Send via Direct");
      await page.close();
    });

    test("Escape cancels, in the panel and from the page", async () => {
      const page = await open("/direct");
      await click(page, { selector: "button", text: "Send via Direct" });
      await panel(page);
      await page.keyboard.press("Escape"); // focus is in the panel
      await waitUntil(async () => !(await page.evaluate(anyHost, undefined)) || undefined, "the panel to close on Escape");
      await click(page, { selector: "button", text: "Send via Direct" });
      await panel(page);
      await click(page, { selector: "#direct-subject" }); // focus back in the page, action still held
      await page.keyboard.press("Escape");
      await waitUntil(async () => !(await page.evaluate(anyHost, undefined)) || undefined, "the panel to close on Escape from the page");
      await sleep(500);
      assert.equal(submissions().length, 0);
      await page.close();
    });

    test("a clearly allowed referral to a provider is not interrupted", async () => {
      const page = await open("/referral");
      await click(page, { selector: "button", text: "Send Referral" });
      await waitUntil(() => submissions("referrals").length > 0 || undefined, "the referral to go", 3000);
      await sleep(500);
      assert.equal(submissions().length, 1);
      await page.close();
    });

    test("look-alikes are never held and get no panel", async () => {
      const telehealth = await open("/telehealth");
      for (const text of ["Share screen", "Mute", "Save draft", "End visit"]) await click(telehealth, { selector: "button", text });
      const documents = await open("/share");
      await click(documents, { selector: "button", text: "Export to calendar" });
      const messages = await open("/messages");
      await click(messages, { selector: "[role=button]", text: "Save draft" });
      await sleep(1500);
      for (const page of [telehealth, documents, messages]) assert.equal(await page.evaluate(anyHost, undefined), false, page.url());
      assert.equal(submissions().length, 0);
      for (const page of [telehealth, documents, messages]) await page.close();
    });

    test("an Actions menu item rendered only when opened (Fax chart) is held, then faxed once", async () => {
      const page = await open("/chart");
      await click(page, { selector: "button", text: "Actions ▾" });
      await click(page, { selector: "[role=menuitem]", text: "Fax chart" });
      const info = await panel(page);
      assert.equal(info.action, "fax");
      assert.equal(info.held, "true");
      await decide(page, "proceed");
      await waitUntil(() => submissions("export").length > 0 || undefined, "the fax to go");
      await sleep(800);
      assert.equal(submissions().length, 1);
      assert.equal(submissions()[0]!.fields.format, "fax");
      await page.close();
    });

    test("a Share button inside a same-origin iframe gets its panel in that frame and completes once", async () => {
      const page = await open("/frames");
      await waitUntil(() => page.evaluate(() => document.querySelector<HTMLIFrameElement>("#share-frame")?.contentDocument?.documentElement.dataset.sharecheck, undefined), "the content script in the iframe");
      await sleep(500);
      await click(page, { frame: "#share-frame", selector: "button[type=submit]" });
      const info = await panel(page, "#share-frame");
      assert.equal(info.held, "true");
      assert.equal(info.action, "share");
      assert.equal(await page.evaluate(anyHost, undefined), false, "the top document has no panel");
      await decide(page, "proceed", "#share-frame");
      await waitUntil(() => submissions().length > 0 || undefined, "the share to go");
      await sleep(800);
      assert.equal(submissions().length, 1);
      await page.close();
    });

    test("a Send button in a web component's open shadow root is held and completes once", async () => {
      const page = await open("/component");
      await click(page, { shadowHost: "rb-send-panel", selector: "button", text: "Send care plan" });
      const info = await panel(page);
      assert.equal(info.held, "true");
      assert.equal(submissions().length, 0);
      await decide(page, "proceed");
      await waitUntil(() => submissions("coordination").length > 0 || undefined, "the care plan to go");
      await sleep(800);
      assert.equal(submissions().length, 1);
      await page.close();
    });

    test("a custom role=button control activated with Enter is held; Proceed runs the page's handler once", async () => {
      const page = await open("/messages");
      await page.evaluate(() => document.getElementById("message-send")?.focus(), undefined);
      await page.keyboard.press("Enter");
      const info = await panel(page);
      assert.equal(info.held, "true");
      assert.equal(await page.evaluate(() => (window as unknown as { messageSends: number }).messageSends, undefined), 0);
      await decide(page, "proceed");
      await waitUntil(() => submissions("messages").length > 0 || undefined, "the message to go");
      await sleep(800);
      assert.equal(await page.evaluate(() => (window as unknown as { messageSends: number }).messageSends, undefined), 1);
      assert.equal(submissions().length, 1);
      await page.close();
    });

    test("a control removed while held cannot be completed, and nothing breaks", async () => {
      const page = await open("/messages");
      await click(page, { selector: "[role=button]", text: "Share with care team" });
      await panel(page);
      await page.evaluate(() => document.getElementById("message-send")?.remove(), undefined);
      await sleep(600);
      await decide(page, "proceed");
      await sleep(800);
      assert.equal(submissions().length, 0);
      assert.equal((await page.evaluate(hostInfo, null))?.held, "true", "the panel stays, saying the control is gone");
      await page.keyboard.press("Escape");
      await waitUntil(async () => !(await page.evaluate(anyHost, undefined)) || undefined, "the panel to close");
      await page.close();
    });

    test("advise mode never holds: the page's handler runs at once and the panel only advises", async () => {
      await setMode("advise");
      try {
        const page = await open("/messages");
        await click(page, { selector: "[role=button]", text: "Share with care team" });
        await waitUntil(() => submissions("messages").length > 0 || undefined, "the message to go without waiting");
        const info = await panel(page);
        assert.equal(info.held, "false");
        assert.equal(await page.evaluate(() => (window as unknown as { messageSends: number }).messageSends, undefined), 1);
        await page.close();
      } finally {
        await setMode("confirm-risky");
      }
    });

    test("off mode: nothing is held and no panel appears", async () => {
      await setMode("off");
      try {
        const page = await open("/direct");
        await click(page, { selector: "button", text: "Send via Direct" });
        await waitUntil(() => submissions("direct").length > 0 || undefined, "the Direct message to go untouched", 3000);
        assert.equal(submissions().length, 1);
        await page.close();
      } finally {
        await setMode("confirm-risky");
      }
    });

    test("a hostile page can neither click Proceed nor trick a click on a hidden panel", async () => {
      await setMode("confirm-all");
      try {
        const page = await open("/referral");
        await click(page, { selector: "button", text: "Send Referral" });
        const info = await panel(page);
        assert.equal(info.outcome, "allowed");
        assert.equal(info.held, "true");
        // Page script: reach into the frame, forge decisions, click the host.
        const reach = await page.evaluate(() => {
          const host = document.querySelector<HTMLElement>("sharecheck-verdict")!;
          const frame = host.shadowRoot!.querySelector("iframe")!;
          let inside = "blocked";
          try {
            inside = String(frame.contentDocument?.querySelector("button")?.textContent ?? "no document");
          } catch {
            inside = "blocked";
          }
          for (const decision of ["proceed", "Proceed"]) {
            frame.contentWindow?.postMessage({ type: "decision", decision }, "*");
            window.postMessage({ type: "panel-event", event: { type: "decision", decision } }, "*");
          }
          host.click();
          return inside;
        }, undefined);
        assert.equal(reach, "no document", "the page cannot read the panel's document");
        await sleep(800);
        assert.equal(submissions().length, 0, "forged decisions did nothing");
        // DOM clickjacking: the page makes the panel invisible and the clinician clicks where Proceed is.
        await page.evaluate(() => document.querySelector<HTMLElement>("sharecheck-verdict")!.style.setProperty("opacity", "0.01", "important"), undefined);
        await waitUntil(async () => (await page.evaluate(hostInfo, null))?.outcome === "needs-review" || undefined, "could not decide on a tampered panel");
        await decide(page, "proceed");
        await sleep(800);
        assert.equal(submissions().length, 0, "a click on a hidden panel does not proceed");
        // Once the panel is whole again and stays so, a fresh click counts.
        await page.evaluate(() => document.querySelector<HTMLElement>("sharecheck-verdict")!.style.setProperty("opacity", "1", "important"), undefined);
        await sleep(1500);
        await decide(page, "proceed");
        await waitUntil(() => submissions("referrals").length > 0 || undefined, "the referral to go after a clean click");
        await sleep(500);
        assert.equal(submissions().length, 1);
        await page.close();
      } finally {
        await setMode("confirm-risky");
      }
    });
  });
}

contentSuite("Chromium, the inline verdict", missingBrowser("chromium"), async () => {
  const chrome: ChromiumSession = await launchChromium();
  return {
    newPage: async (url) => (await chrome.newPage(url)) as unknown as Tab,
    extensionPage: async () => (await chrome.openPopup()) as unknown as Tab,
    close: () => chrome.close(),
  };
});

contentSuite("Firefox, the inline verdict", missingBrowser("firefox"), async () => {
  const firefox: FirefoxSession = await launchFirefox();
  return {
    newPage: async (url) => (await firefox.newPage(url)) as unknown as Tab,
    extensionPage: async () => (await firefox.openPopup()) as unknown as Tab,
    close: () => firefox.close(),
  };
});
