// The popup from the keyboard, in Chromium and Firefox: focus starts in Recipient, Enter moves on, the
// follow-up question appears only when it matters, a verdict that stops the share is announced
// assertively, and Copy puts a dated note without patient data on the clipboard. Also: corrupted stored
// settings are announced on the options page instead of breaking it.
import assert from "node:assert/strict";
import { axeViolations, describeViolations } from "./axe.ts";
import { describe, forSuite, launchChromium, launchFirefox, missingBrowser, test } from "./harness/index.ts";
import { playwrightUi, puppeteerUi, type Ui } from "./options-driver.ts";

const focused = (ui: Ui) =>
  ui.evaluate(`(() => { const el = document.activeElement; const l = el && el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]'); return (l ? l.textContent : el?.getAttribute("role")) || ""; })()`);

function scenario(open: () => { popup: () => Promise<Ui>; options: () => Promise<Ui> }) {
  test("keyboard only: focus in Recipient, Enter moves on, follow-ups appear when they matter", async () => {
    const popup = await open().popup();
    await popup.waitForText(/Allowed/, ".sc-verdict");
    assert.equal(await focused(popup), "Recipient");
    await popup.press("Enter");
    assert.equal(await focused(popup), "Recipient type");
    await popup.press("Enter");
    assert.equal(await focused(popup), "Purpose");
    assert.doesNotMatch(await popup.text(), /Which operations activity\?/);
    await popup.select(await popup.control("Purpose"), "operations");
    await popup.waitForText(/Which operations activity\?/);
  });

  test("a verdict that stops the share is announced assertively, and the page stays axe-clean", async () => {
    const popup = await open().popup();
    await popup.waitForText(/Allowed/, ".sc-verdict");
    await popup.select(await popup.control("Recipient type"), "employer");
    await popup.select(await popup.control("Purpose"), "other");
    await popup.select(await popup.control("Which other purpose?"), "employer");
    await popup.waitForText(/Authorization required|Not allowed/, ".sc-verdict-label");
    assert.equal(await popup.evaluate(`document.querySelector(".sc-verdict").getAttribute("aria-live")`), "assertive");
    assert.match(await popup.text(), /A signed HIPAA authorization covers this/, "the authorization question appears once the answer needs it");
    const violations = await axeViolations(popup);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  test("Copy puts a short dated note on the clipboard", async () => {
    const popup = await open().popup();
    await popup.waitForText(/Allowed/, ".sc-verdict");
    // Reading the clipboard back is closed to extension pages under automation, so the text is recorded on
    // its way in; the real clipboard call still runs.
    await popup.evaluate(`(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => { window.__copied = text; return write(text); };
    })()`);
    await popup.fill('[role="combobox"]', "Lakeside Cardiology", false);
    await popup.click(await popup.control("Copy note", "button"));
    await popup.waitForText(/Note copied to the clipboard/, ".sc-status");
    const note = String(await popup.evaluate("window.__copied"));
    assert.match(note, /^ShareCheck disclosure check, \d{4}-\d{2}-\d{2}\n/);
    assert.match(note, /With: Lakeside Cardiology \(Health care provider\)/);
    assert.match(note, /For: Treatment/);
    assert.match(note, /Outcome: Allowed/);
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
