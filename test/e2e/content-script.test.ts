// The demo builds watch the local demo portal out of the box: the content script runs in the top
// page, in a same-origin iframe and in an iframe written in place (srcdoc), in Chromium and in
// Firefox; the popup and options pages load.
// The content script marks each document it runs in with data-sharecheck="ready".
import assert from "node:assert/strict";
import type { Frame as PwFrame } from "playwright-core";
import type { Frame as PpFrame } from "puppeteer-core";
import { describe, forSuite, launchChromium, launchFirefox, missingBrowser, serveDemo, test, waitUntil } from "./harness/index.ts";

const marker = (): string | undefined => document.documentElement.dataset.sharecheck;
const rendered = (): boolean => document.readyState === "complete" && (document.body?.innerText.trim().length ?? 0) > 0;

describe("Chromium, dist/demo-chrome", { skip: missingBrowser("chromium") }, () => {
  const demo = forSuite(serveDemo);
  const chrome = forSuite(launchChromium);

  test("the extension id comes from its service worker", () => {
    assert.match(chrome().extensionId, /^[a-p]{32}$/);
  });

  test("the content script runs in the top page, a same-origin iframe and an iframe written in place (srcdoc)", async () => {
    const page = await chrome().newPage(`${demo().url}/frames`);
    assert.equal(await waitUntil(() => page.evaluate(marker), "the marker in the top page"), "ready");
    const frame = await waitUntil(() => page.frames().find((f: PwFrame) => f.url().endsWith("/static/share-frame.html")), "the iframe");
    assert.equal(await waitUntil(() => frame.evaluate(marker), "the marker in the iframe"), "ready");
    const written = await waitUntil(() => page.frames().find((f: PwFrame) => f.url() === "about:srcdoc"), "the srcdoc iframe");
    assert.equal(await waitUntil(() => written.evaluate(marker), "the marker in the srcdoc iframe"), "ready");
  });

  test("the popup and options pages load", async () => {
    for (const page of [await chrome().openPopup(), await chrome().openOptions()]) {
      assert.ok(await waitUntil(() => page.evaluate(rendered), `${page.url()} to render`));
    }
  });
});

describe("Firefox, dist/demo-firefox", { skip: missingBrowser("firefox") }, () => {
  const demo = forSuite(serveDemo);
  const firefox = forSuite(launchFirefox);

  test("the add-on is installed under its stable id", () => {
    assert.equal(firefox().extensionId, "sharecheck@sharecheck.example");
  });

  test("the content script runs in the top page, a same-origin iframe and an iframe written in place (srcdoc)", async () => {
    const page = await firefox().newPage(`${demo().url}/frames`);
    assert.equal(await waitUntil(() => page.evaluate(marker), "the marker in the top page"), "ready");
    const frame = await waitUntil(() => page.frames().find((f: PpFrame) => f.url().endsWith("/static/share-frame.html")), "the iframe");
    assert.equal(await waitUntil(() => frame.evaluate(marker), "the marker in the iframe"), "ready");
    const written = await waitUntil(() => page.frames().find((f: PpFrame) => f.url() === "about:srcdoc"), "the srcdoc iframe");
    assert.equal(await waitUntil(() => written.evaluate(marker), "the marker in the srcdoc iframe"), "ready");
  });

  test("the popup and options pages load", async () => {
    for (const page of [await firefox().openPopup(), await firefox().openOptions()]) {
      assert.ok(await waitUntil(() => page.evaluate(rendered), "an extension page to render"));
    }
  });
});
