// The options page's policy simulation in Chromium and Firefox (issue 11): a policy edit is a draft;
// "What would change?" shows how many of the bundled typical disclosures would change verdict, grouped
// from-outcome to-outcome with an example, and that policy is never looser than the law; nothing is
// saved until "Save policy"; the section stays axe-clean.
import assert from "node:assert/strict";
import { axeViolations, describeViolations } from "./axe.ts";
import { describe, forSuite, launchChromium, launchFirefox, missingBrowser, test, waitUntil } from "./harness/index.ts";
import { playwrightUi, puppeteerUi, type Ui } from "./options-driver.ts";

/** The result region is empty (a stale result was dropped). */
const resultGone = (ui: Ui) =>
  waitUntil(
    () => ui.evaluate(`document.querySelector('[data-testid="policy-simulation"]')?.childElementCount === 0 || undefined`),
    "the simulation result to go",
  );

const storedPolicy = (ui: Ui) =>
  ui.evaluate(
    `(globalThis.browser ?? globalThis.chrome).storage.local.get("settings").then((s) => JSON.stringify(s.settings?.profile?.policy ?? null))`,
  );

function scenario(open: () => Promise<Ui>) {
  test("What would change? shows the grouped differences of a draft policy before anything is saved", async () => {
    const options = await open();
    await options.waitForText(/Organisation policy/);
    const before = await storedPolicy(options);
    await options.click(await options.control("Ask for review"));
    await options.waitForText(/not saved yet/);
    await options.click(await options.control("What would change?", "button"));
    const result = await options.waitForText(/typical disclosures would get a different verdict/, '[data-testid="policy-simulation"]');
    const [, changed, total] = /(\d+) of (\d+) typical disclosures/.exec(result)!;
    assert.ok(Number(total) >= 200, result);
    assert.ok(Number(changed) > 0 && Number(changed) < Number(total), result);
    assert.match(result, /Allowed → Needs review: \d+ disclosures \(stricter\)/);
    assert.match(result, /For example: Treatment: /);
    assert.match(result, /never looser/);
    assert.equal(await options.evaluate(`document.querySelector('[data-testid="policy-simulation"] [data-direction="looser"]')`), null);
    // Nothing saved yet.
    assert.equal(await storedPolicy(options), before);
    const violations = await axeViolations(options);
    assert.equal(violations.length, 0, describeViolations(violations));

    // A further edit makes the old result stale: it goes until asked again.
    await options.click(await options.control("HIV"));
    await resultGone(options);
    await options.click(await options.control("What would change?", "button"));
    await options.waitForText(/typical disclosures would get a different verdict/, '[data-testid="policy-simulation"]');

    await options.click(await options.control("Save policy", "button"));
    await options.waitForText(/Saved\./);
    assert.match(String(await storedPolicy(options)), /"outsideAco":"review".*"hiv"/);
  });

  test("undoing the saved policy is simulated as a change back toward the law", async () => {
    const options = await open();
    await options.waitForText(/Organisation policy/);
    await options.click(await options.control("Allow when the law allows"));
    await options.click(await options.control("What would change?", "button"));
    const result = await options.waitForText(/typical disclosures would get a different verdict/, '[data-testid="policy-simulation"]');
    assert.match(result, /Needs review → Allowed: \d+ disclosures \(back toward what the law alone says\)/);
    await options.click(await options.control("Discard changes", "button"));
    await resultGone(options);
  });
}

describe("policy simulation in Chromium (dist/demo-chrome)", { skip: missingBrowser("chromium") }, () => {
  const chrome = forSuite(launchChromium);
  scenario(async () => playwrightUi(await chrome().openOptions()));
});

describe("policy simulation in Firefox (dist/demo-firefox)", { skip: missingBrowser("firefox") }, () => {
  const firefox = forSuite(launchFirefox);
  scenario(async () => puppeteerUi(await firefox().openOptions()));
});
