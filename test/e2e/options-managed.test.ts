// An administrator's policy locks fields in the options page, in Chromium (a policy file under
// /etc/chromium/policies/managed, addressed to the demo build's pinned id) and in Firefox (policies.json in
// the distribution directory, addressed to the gecko id). Enforced fields are disabled and say "Set by your
// organisation"; a non-enforced field takes the admin's default and stays editable. The system files are
// removed in `after`, whatever happens, and a policies.json that was there before is put back.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DEMO_CHROME_ID, GECKO_ID } from "../../src/tools/manifest.ts";
import { axeViolations, describeViolations } from "./axe.ts";
import { after, before, describe, FIREFOX_PATH, launchChromium, launchFirefox, missingBrowser, test } from "./harness/index.ts";
import { playwrightUi, puppeteerUi, type Ui } from "./options-driver.ts";

const POLICY = {
  organization: { value: { name: "Admin Health System", role: "provider", tin: "123456789" }, enforced: true },
  mode: { value: "confirm-all", enforced: true },
  policy: { value: { outsideAco: "review", reviewCategories: ["hiv"] }, enforced: false },
};

const CHROMIUM_POLICY_FILE = "/etc/chromium/policies/managed/sharecheck-e2e.json";
const FIREFOX_POLICY_FILE = `${dirname(FIREFOX_PATH)}/distribution/policies.json`;

/** Writes a system policy file and returns how to undo it exactly. */
function writeSystemFile(path: string, content: unknown): () => void {
  const previous = existsSync(path) ? readFileSync(path) : undefined;
  // mkdirSync returns the first directory it had to create: that one (and all below it) goes on undo.
  const created = mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(content, null, 2));
  return () => {
    if (previous) writeFileSync(path, previous);
    else rmSync(path, { force: true });
    if (created) rmSync(created, { recursive: true, force: true });
  };
}

function canWrite(path: string): string | false {
  if (process.getuid?.() !== 0) return `writing ${path} needs root`;
  return false;
}

async function expectLocked(ui: Ui) {
  await ui.waitForText(/Set by your organisation/);
  const name = await ui.control("Organisation name");
  assert.equal(await ui.evaluate(`document.querySelector(${JSON.stringify(name)}).value`), "Admin Health System");
  assert.equal(await ui.evaluate(`document.querySelector(${JSON.stringify(name)}).disabled`), true);
  const confirmAll = await ui.control("Confirm all");
  assert.equal(await ui.evaluate(`document.querySelector(${JSON.stringify(confirmAll)}).checked`), true);
  assert.equal(await ui.evaluate(`document.querySelector(${JSON.stringify(confirmAll)}).closest("fieldset").disabled`), true);
  // Only a default: applied, and the user may still change it.
  const review = await ui.control("Ask for review");
  assert.equal(await ui.evaluate(`document.querySelector(${JSON.stringify(review)}).checked`), true);
  assert.equal(await ui.evaluate(`document.querySelector(${JSON.stringify(review)}).closest("fieldset").disabled`), false);
  const violations = await axeViolations(ui);
  assert.equal(violations.length, 0, describeViolations(violations));
}

describe("managed policy in Chromium", { skip: missingBrowser("chromium") || canWrite(CHROMIUM_POLICY_FILE) }, () => {
  let undo: (() => void) | undefined;
  before(() => {
    undo = writeSystemFile(CHROMIUM_POLICY_FILE, { "3rdparty": { extensions: { [DEMO_CHROME_ID]: POLICY } } });
  });
  after(() => undo?.());

  test("enforced fields are locked and say so; a default stays editable", async () => {
    const chrome = await launchChromium();
    try {
      assert.equal(chrome.extensionId, DEMO_CHROME_ID, "the demo build's id is pinned by its key");
      await expectLocked(playwrightUi(await chrome.openOptions()));
    } finally {
      await chrome.close();
    }
  });
});

describe("managed policy in Firefox", { skip: missingBrowser("firefox") || canWrite(FIREFOX_POLICY_FILE) }, () => {
  let undo: (() => void) | undefined;
  before(() => {
    undo = writeSystemFile(FIREFOX_POLICY_FILE, { policies: { "3rdparty": { Extensions: { [GECKO_ID]: POLICY } } } });
  });
  after(() => undo?.());

  test("enforced fields are locked and say so; a default stays editable", async () => {
    const firefox = await launchFirefox();
    try {
      await expectLocked(puppeteerUi(await firefox.openOptions()));
    } finally {
      await firefox.close();
    }
  });
});
