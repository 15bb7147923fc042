// Hostile pages, in Chromium and Firefox (issue #13, and #9's modal dialogs): a page that takes the
// <sharecheck-verdict> element name, patches attachShadow, floods Send with script clicks and submits,
// hides a timed decoy over the panel, removes the panel or its frame, or loads its own document into
// the frame. Each test proves the record was not sent (the demo server counts submissions) and that a
// real Proceed afterwards sends it exactly once. The attacks live in the fixture pages,
// assets/demo/hostile/*.html, served at /hostile/<name>.
import assert from "node:assert/strict";
import {
  beforeEach,
  describe,
  forSuite,
  test,
  launchChromium,
  launchFirefox,
  missingBrowser,
  serveDemo,
  waitUntil,
  type ChromiumSession,
  type FirefoxSession,
} from "./harness/index.ts";
import { clickControl, decide, hostInfo, openWatched, panel, panelFrame, setMode, sleep, type Tab } from "./panel-driver.ts";

interface Browser {
  newPage(url: string): Promise<Tab>;
  extensionPage(): Promise<Tab>;
  /** Moves the real mouse (the decoy lifts as the pointer comes near). */
  move(page: Tab, x: number, y: number): Promise<void>;
}

type Hostile = {
  floodClicks(count: number): number;
  floodSubmits(count: number): number;
  hosts(): number;
  decoy(layer: "page" | "popover"): void;
  removeHost(): void;
  removeFrame(): void;
  replaceFrame(how: "src" | "location"): Promise<void>;
};
// page.evaluate sends a function's source to the page, so each reaches window.hostile itself.
const SEND = { selector: "#send", text: "Send via Direct" };

function hostileSuite(name: string, skip: string | false, launch: () => Promise<Browser & { close(): Promise<void> }>) {
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

    /** The panel frame's text once it matches (the frame is found afresh each time: a removed one may linger in the list). */
    const panelText = (page: Tab, expected: RegExp) =>
      waitUntil(async () => {
        const text = await (await panelFrame(page)).evaluate(() => document.body.innerText, undefined);
        return expected.test(text) ? text : undefined;
      }, `the panel to say ${expected}`);

    /** Nothing sent while held; then a real Proceed sends exactly once. */
    async function proceedSendsOnce(page: Tab, kind: string): Promise<void> {
      await sleep(600);
      assert.equal(submissions().length, 0, "nothing left without Proceed");
      const info = await panel(page);
      assert.equal(info.held, "true");
      await decide(page, "proceed");
      await waitUntil(() => submissions(kind).length > 0 || undefined, `the ${kind} to be sent after Proceed`);
      await sleep(800);
      assert.equal(submissions().length, 1, "sent exactly once");
    }

    /** After the panel was taken away: a notice in a fresh host, nothing sent, and the next real click is checked again. */
    async function checkedAgain(page: Tab): Promise<void> {
      const notice = await waitUntil(async () => {
        const info = await page.evaluate(hostInfo, null);
        return info?.held === "false" ? info : undefined;
      }, "a notice in a fresh host");
      assert.ok(notice);
      await panelText(page, /nothing was sent/i);
      await sleep(500);
      assert.equal(submissions().length, 0, "nothing sent");
      await clickControl(page, SEND);
      await proceedSendsOnce(page, "direct");
    }

    for (const [attack, what] of [
      ["no-shadow", "defines <sharecheck-verdict> with shadow roots disabled"],
      ["steal-shadow", "defines <sharecheck-verdict> with a constructor that takes the shadow root"],
      ["patched-attach-shadow", "patches attachShadow on every prototype"],
    ] as const) {
      test(`a page that ${what} cannot suppress the panel: the action is held in our host`, async () => {
        const page = await open(`/hostile/direct?attack=${attack}`);
        await clickControl(page, SEND);
        const info = await panel(page);
        assert.equal(info.held, "true");
        assert.equal(
          await page.evaluate(() => document.querySelector("sharecheck-verdict")?.matches(":defined") ?? null, undefined),
          false,
          "our element, never upgraded by the page",
        );
        await proceedSendsOnce(page, "direct");
        await page.close();
      });
    }

    test("a page whose <sharecheck-verdict> constructor captures and hides it gets the panel in a fallback host", async () => {
      const page = await open("/hostile/direct?attack=capture");
      await clickControl(page, SEND);
      await panel(page);
      const where = await page.evaluate(() => {
        const host = document.querySelector<HTMLElement>("[data-sharecheck-host]");
        return { fallback: host?.localName, verdict: document.querySelectorAll("sharecheck-verdict").length, held: host?.dataset.held };
      }, undefined);
      assert.deepEqual(where, { fallback: "div", verdict: 0, held: "true" });
      await proceedSendsOnce(page, "direct");
      await page.close();
    });

    test("5,000 script clicks on Send: one panel, nothing sent, the page does not freeze", async () => {
      await setMode(() => browser().extensionPage(), "off");
      let without: number;
      try {
        const bare = await open("/hostile/direct");
        without = await bare.evaluate((count: number) => (window as unknown as { hostile: Hostile }).hostile.floodClicks(count), 5000);
        await bare.close();
      } finally {
        await setMode(() => browser().extensionPage(), "confirm-risky");
      }
      await fetch(`${demo().url}/__test/reset`, { method: "POST" });
      const page = await open("/hostile/direct");
      const flooded = await page.evaluate((count: number) => (window as unknown as { hostile: Hostile }).hostile.floodClicks(count), 5000);
      console.log(`5,000 script clicks: ${flooded.toFixed(0)} ms with ShareCheck, ${without.toFixed(0)} ms with it off (budget +100 ms)`);
      assert.ok(flooded < without + 1000, `the page froze: ${flooded.toFixed(0)} ms against ${without.toFixed(0)} ms`);
      await panel(page);
      assert.equal(await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.hosts(), undefined), 1, "one panel");
      await proceedSendsOnce(page, "direct");
      await page.close();
    });

    test("200 Share forms submitted by script: at most one panel, nothing sent; Proceed sends the first once", async () => {
      const page = await open("/hostile/direct");
      const ms = await page.evaluate((count: number) => (window as unknown as { hostile: Hostile }).hostile.floodSubmits(count), 200);
      console.log(`200 script submits: ${ms.toFixed(0)} ms with ShareCheck`);
      await panel(page);
      await sleep(1000);
      assert.equal(await page.evaluate(() => (window as unknown as { hostile: Hostile }).hostile.hosts(), undefined), 1, "one panel");
      await proceedSendsOnce(page, "share");
      assert.equal(submissions("share")[0]?.fields.to, "Clinic 0 (DEMO)");
      await page.close();
    });

    for (const layer of ["page", "popover"] as const) {
      test(`a click-through decoy over the panel (${layer}), lifted as the pointer comes near, cannot get a click on Proceed`, async () => {
        const page = await open("/hostile/direct");
        await clickControl(page, SEND);
        await panel(page);
        const button = await waitUntil(async () => {
          const frame = await panelFrame(page);
          return frame.evaluate(() => {
            const r = document.querySelector("[data-decision=proceed]")?.getBoundingClientRect();
            return r && { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }, undefined);
        }, "Proceed in the panel");
        const box = (await page.evaluate(hostInfo, null))!;
        await page.evaluate((l: "page" | "popover") => (window as unknown as { hostile: Hostile }).hostile.decoy(l), layer);
        await sleep(300);
        // The pointer comes from the left, as a hand would, crossing the decoy's 40 px ring on its way to Proceed.
        const at = { x: box.left + 1 + button.x, y: box.top + 1 + button.y };
        await browser().move(page, Math.max(2, box.left - 80), at.y);
        await browser().move(page, at.x, at.y);
        // The click lands 325 ms after the decoy went, by the page's clock.
        const since = () =>
          page.evaluate(() => performance.now() - ((window as unknown as { decoyLiftedAt?: number }).decoyLiftedAt ?? NaN), undefined);
        await waitUntil(async () => (await since()) >= 0 || undefined, "the decoy to lift");
        await waitUntil(async () => (await since()) >= 300 || undefined, "325 ms after the lift");
        await page.mouse.click(at.x, at.y);
        await sleep(800);
        assert.equal(submissions().length, 0, "the click 325 ms after the decoy went does not proceed");
        await sleep(600);
        await proceedSendsOnce(page, "direct");
        await page.close();
      });
    }

    for (const [attack, run] of [
      ["removes the panel host", () => (window as unknown as { hostile: Hostile }).hostile.removeHost()],
      ["removes the panel frame", () => (window as unknown as { hostile: Hostile }).hostile.removeFrame()],
      ["points the panel frame at its own page", () => (window as unknown as { hostile: Hostile }).hostile.replaceFrame("src")],
      ["navigates the panel frame to its own page", () => (window as unknown as { hostile: Hostile }).hostile.replaceFrame("location")],
    ] as const) {
      test(`a page that ${attack} strands no one: the hold ends with a notice and the next click is checked`, async () => {
        const page = await open("/hostile/direct");
        await clickControl(page, SEND);
        await panel(page);
        await page.evaluate(run, undefined);
        await checkedAgain(page);
        await page.close();
      });
    }

    test("a send inside a showModal() dialog: the panel sits in the dialog, above it, usable, not taken for an attack", async () => {
      const page = await open("/hostile/modal");
      await clickControl(page, { selector: "#open-dialog" });
      // The dialog slides in (a 0.2 s transition): a click aimed before it settles lands 20 px off the button.
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)).then(() => true), undefined);
      await clickControl(page, { selector: "dialog button[type=submit]" });
      const info = await panel(page);
      assert.equal(info.dialog, "send-dialog");
      const onTop = await page.evaluate(() => {
        const host = document.querySelector("sharecheck-verdict")!;
        const r = host.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host && host.matches(":popover-open");
      }, undefined);
      assert.equal(onTop, true, "the panel is in the top layer, above the modal");
      const text = await panelText(page, /Proceed/);
      assert.doesNotMatch(text, /changed or covered/, "the page's own modal is not tampering");
      await proceedSendsOnce(page, "direct");
      await page.close();
    });

    test("a send inside an aria-modal overlay with a backdrop: the panel is above it and its verdict stands", async () => {
      await setMode(() => browser().extensionPage(), "confirm-all");
      try {
        const page = await open("/hostile/modal");
        await clickControl(page, { selector: "#open-overlay" });
        await clickControl(page, { selector: ".overlay button[type=submit]" });
        const info = await panel(page);
        assert.notEqual(info.outcome, undefined);
        const before = info.outcome;
        await sleep(600);
        assert.equal((await page.evaluate(hostInfo, null))?.outcome, before, "the overlay is not taken for tampering");
        await proceedSendsOnce(page, "referrals");
        await page.close();
      } finally {
        await setMode(() => browser().extensionPage(), "confirm-risky");
      }
    });
  });
}

hostileSuite("Chromium, hostile pages", missingBrowser("chromium"), async () => {
  const chrome: ChromiumSession = await launchChromium();
  return {
    newPage: async (url) => (await chrome.newPage(url)) as unknown as Tab,
    extensionPage: async () => (await chrome.openPopup()) as unknown as Tab,
    move: (page, x, y) =>
      (page as unknown as { mouse: { move(x: number, y: number, o: { steps: number }): Promise<void> } }).mouse.move(x, y, { steps: 4 }),
    close: () => chrome.close(),
  };
});

hostileSuite("Firefox, hostile pages", missingBrowser("firefox"), async () => {
  const firefox: FirefoxSession = await launchFirefox();
  return {
    newPage: async (url) => (await firefox.newPage(url)) as unknown as Tab,
    extensionPage: async () => (await firefox.openPopup()) as unknown as Tab,
    move: (page, x, y) =>
      (page as unknown as { mouse: { move(x: number, y: number, o: { steps: number }): Promise<void> } }).mouse.move(x, y, { steps: 4 }),
    close: () => firefox.close(),
  };
});
