// The popup from the keyboard, in Chromium and Firefox: focus starts in Recipient, no verdict (no green
// "Allowed") until a recipient is given, Enter moves on, the follow-up question appears only when it
// matters, a verdict that stops the share is announced assertively, and Copy puts a dated note without patient data on the clipboard. Also: corrupted stored
// settings are announced on the options page instead of breaking it.
import assert from "node:assert/strict";
import { axeViolations, describeViolations } from "./axe.ts";
import { describe, forSuite, launchChromium, launchFirefox, missingBrowser, test } from "./harness/index.ts";
import { playwrightUi, puppeteerUi, type Ui } from "./options-driver.ts";

const PROMPT = /Enter who it goes to/;

const focused = (ui: Ui) =>
  ui.evaluate(
    `(() => { const el = document.activeElement; const l = el && el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]'); return (l ? l.textContent : el?.getAttribute("role")) || ""; })()`,
  );

function scenario(open: () => { popup: () => Promise<Ui>; options: () => Promise<Ui> }) {
  test("keyboard only: focus in Recipient, Enter moves on, follow-ups appear when they matter", async () => {
    const popup = await open().popup();
    await popup.waitForText(PROMPT, ".sc-verdict");
    assert.equal(await focused(popup), "Recipient");
    await popup.press("Enter");
    assert.equal(await focused(popup), "Recipient type");
    await popup.press("Enter");
    assert.equal(await focused(popup), "Purpose");
    assert.doesNotMatch(await popup.text(), /Which operations activity\?/);
    await popup.select(await popup.control("Purpose"), "operations");
    await popup.waitForText(/Which operations activity\?/);
  });

  test("no verdict before a recipient is given: a prompt in the verdict's live region, and no green Allowed", async () => {
    const popup = await open().popup();
    await popup.waitForText(PROMPT, ".sc-verdict");
    // Long enough for the background's first answer to have come back: it must not be shown.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await popup.evaluate(`document.querySelectorAll(".sc-verdict-label, [data-outcome]").length`), 0);
    assert.doesNotMatch(await popup.text(".sc-verdict"), /Allowed/);
    assert.equal(await popup.evaluate(`document.querySelector(".sc-verdict").getAttribute("aria-live")`), "polite");
    assert.equal(await popup.evaluate(`document.querySelector(".sc-primary").disabled`), true, "nothing to copy yet");
    await popup.fill('[role="combobox"]', "Lakeside Cardiology", false);
    const label = await popup.waitForText(/Allowed/, ".sc-verdict-label");
    assert.equal(label.trim(), "Allowed");
    // The headline does not repeat the outcome word.
    const headline = await popup.text(".sc-verdict-headline");
    assert.doesNotMatch(headline, /Allowed/, headline);
    await popup.fill('[role="combobox"]', "", false);
    await popup.waitForText(PROMPT, ".sc-verdict");
  });

  test("a verdict that stops the share is announced assertively, and the page stays axe-clean", async () => {
    const popup = await open().popup();
    await popup.waitForText(PROMPT, ".sc-verdict");
    await popup.select(await popup.control("Recipient type"), "employer");
    await popup.select(await popup.control("Purpose"), "other");
    await popup.select(await popup.control("Which other purpose?"), "employer");
    await popup.waitForText(/Authorization required|Not allowed/, ".sc-verdict-label");
    assert.equal(await popup.evaluate(`document.querySelector(".sc-verdict").getAttribute("aria-live")`), "assertive");
    assert.match(
      await popup.text(),
      /A signed HIPAA authorization covers this/,
      "the authorization question appears once the answer needs it",
    );
    const violations = await axeViolations(popup);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  test("Copy puts a short dated note on the clipboard", async () => {
    const popup = await open().popup();
    await popup.waitForText(PROMPT, ".sc-verdict");
    // Reading the clipboard back is closed to extension pages under automation, so the text is recorded on
    // its way in; the real clipboard call still runs.
    await popup.evaluate(`(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => { window.__copied = text; return write(text); };
    })()`);
    await popup.fill('[role="combobox"]', "Lakeside Cardiology", false);
    await popup.waitForText(/Allowed/, ".sc-verdict-label");
    await popup.click(await popup.control("Copy note", "button"));
    await popup.waitForText(/Note copied to the clipboard/, ".sc-status");
    const note = String(await popup.evaluate("window.__copied"));
    assert.match(note, /^ShareCheck disclosure check, \d{4}-\d{2}-\d{2}\n/);
    assert.match(note, /With: Lakeside Cardiology \(Health care provider\)/);
    assert.match(note, /For: Treatment/);
    assert.match(note, /Outcome: Allowed: Sharing/);
    assert.match(note, /Citations: 45 CFR 164\.506\(c\)\(2\)/);
  });

  test("corrupted stored settings are announced on the options page, which still works", async () => {
    const options = await open().options();
    await options.waitForText(/Organisation/);
    await options.evaluate(`(globalThis.browser ?? globalThis.chrome).storage.local.set({ settings: { version: 1, profile: 42 } })`);
    const reloaded = await open().options();
    await reloaded.waitForText(/Organisation/);
    const notice = await reloaded.waitForText(/\S/, '[data-testid="settings-notice"]');
    assert.ok(notice.length > 10, notice);
    const violations = await axeViolations(reloaded);
    assert.equal(violations.length, 0, describeViolations(violations));
  });
}

describe("popup in Chromium (dist/demo-chrome)", { skip: missingBrowser("chromium") }, () => {
  const chrome = forSuite(launchChromium);
  scenario(() => ({
    popup: async () => playwrightUi(await chrome().openPopup()),
    options: async () => playwrightUi(await chrome().openOptions()),
  }));
});

describe("popup in Firefox (dist/demo-firefox)", { skip: missingBrowser("firefox") }, () => {
  const firefox = forSuite(launchFirefox);
  scenario(() => ({
    popup: async () => puppeteerUi(await firefox().openPopup()),
    options: async () => puppeteerUi(await firefox().openOptions()),
  }));
});
