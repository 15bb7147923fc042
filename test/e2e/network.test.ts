// ShareCheck makes no network request at all. Every browser session in this suite records the
// requests of the extension's own contexts (pages, frames, service worker, content script) and
// fails on close() if there is any; this file proves the recorder catches one, then walks the
// demo portal and the extension's pages in both browsers expecting none.
import assert from "node:assert/strict";
import { describe, forSuite, launchChromium, launchFirefox, missingBrowser, serveDemo, test, waitUntil } from "./harness/index.ts";

const DEMO_PAGES = ["/", "/chart", "/referral", "/direct", "/frames"];

describe("Chromium: the extension makes no network request", { skip: missingBrowser("chromium") }, () => {
  const demo = forSuite(serveDemo);
  const chrome = forSuite(launchChromium); // its close() throws if anything below made an extension request

  test("the recorder sees a request from the service worker and from an extension page", async () => {
    await chrome().serviceWorker.evaluate(
      (url) =>
        fetch(url).then(
          () => undefined,
          () => undefined,
        ),
      `${demo().url}/probe-from-worker`,
    );
    const popup = await chrome().openPopup();
    await popup.evaluate(
      (url) =>
        fetch(url).then(
          () => undefined,
          () => undefined,
        ),
      `${demo().url}/probe-from-page`,
    );
    await waitUntil(() => chrome().network.requests.length >= 2, "two recorded requests");
    assert.deepEqual(
      chrome()
        .network.requests.map((r) => new URL(r.url).pathname)
        .sort(),
      ["/probe-from-page", "/probe-from-worker"],
    );
    assert.throws(() => chrome().network.assertNone(), /made 2 network request/);
    await popup.close();
    chrome().network.requests.length = 0; // the probes were ours, not the extension's
  });

  test("walking the demo portal, the popup and the options page makes none", async () => {
    const page = await chrome().newPage();
    for (const path of DEMO_PAGES) {
      await page.goto(`${demo().url}${path}`);
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.sharecheck), `the content script on ${path}`);
    }
    await (await chrome().openPopup()).waitForLoadState("load");
    await (await chrome().openOptions()).waitForLoadState("load");
    await new Promise((resolve) => setTimeout(resolve, 500)); // let any late request show up
    assert.deepEqual(chrome().network.requests, []);
  });
});

describe("Firefox: the extension makes no network request", { skip: missingBrowser("firefox") }, () => {
  const demo = forSuite(serveDemo);
  const firefox = forSuite(launchFirefox);

  test("the recorder sees a request from an extension page", async () => {
    const popup = await firefox().openPopup();
    await popup.evaluate(
      (url) =>
        fetch(url).then(
          () => undefined,
          () => undefined,
        ),
      `${demo().url}/probe-from-page`,
    );
    await waitUntil(() => firefox().network.requests.length >= 1, "a recorded request");
    assert.equal(new URL(firefox().network.requests[0]!.url).pathname, "/probe-from-page");
    await popup.close();
    firefox().network.requests.length = 0;
  });

  test("walking the demo portal, the popup and the options page makes none", async () => {
    const page = await firefox().newPage();
    for (const path of DEMO_PAGES) {
      await page.goto(`${demo().url}${path}`);
      await waitUntil(() => page.evaluate(() => document.documentElement.dataset.sharecheck), `the content script on ${path}`);
    }
    await firefox().openPopup();
    await firefox().openOptions();
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(firefox().network.requests, []);
  });
});
