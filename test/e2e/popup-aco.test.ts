// The popup with an organisation inside ACOs, in Chromium and Firefox: suggestions name the ACO (and program)
// of each participant and every ACO of a name listed in several; a recipient inside an ACO gets the ACO fact
// as the verdict's first lines (participant, ACOs, what matched, the HHS FAQ beside 45 CFR 164.506(c)(2)),
// whether it was given by name, Direct address or fax number; all of it from the keyboard and axe-clean.
import assert from "node:assert/strict";
import { defaultSettings } from "../../src/settings/defaults.ts";
import type { Settings } from "../../src/settings/schema.ts";
import { axeViolations, describeViolations } from "./axe.ts";
import { describe, forSuite, launchChromium, launchFirefox, missingBrowser, test } from "./harness/index.ts";
import { playwrightUi, puppeteerUi, type Ui } from "./options-driver.ts";

const FAQ =
  "https://www.hhs.gov/hipaa/for-professionals/faq/may-health-care-providers-disclose-phi-in-value-based-care-arrangements/index.html";

function settings(): Settings {
  const s = defaultSettings();
  s.profile.organization = { name: "Maple Street Primary Care", role: "provider" };
  s.profile.acos = [
    {
      id: "A1001",
      name: "Riverbend Care Partners",
      program: "mssp",
      participants: [
        { name: "Riverside Medical Group LLC" },
        { name: "Lakeside Neurology Associates, PLLC", aliases: ["@direct.lakeside.example", "312-555-0190"] },
        { name: "North Valley Clinic, PC" },
      ],
    },
    {
      id: "B2002",
      name: "Prairie Health ACO",
      program: "reach",
      participants: [{ name: "Riverside Medical Group PC" }, { name: "NORTH VALLEY CLINIC, PC" }],
    },
  ];
  return s;
}

async function seed(page: Ui): Promise<void> {
  const reply = (await page.evaluate(
    `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage(${JSON.stringify({ type: "settings-save", payload: { settings: settings() } })})`,
  )) as { ok?: boolean; error?: string };
  assert.notEqual(reply?.ok, false, reply?.error);
}

const PROMPT = /Enter who it goes to/;

async function assertAxeClean(ui: Ui, what: string) {
  const violations = await axeViolations(ui);
  assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
}

/** The ACO lines are the verdict's first lines: right after the outcome and headline, before the reasons. */
async function acoFactFirst(popup: Ui): Promise<string> {
  const text = await popup.waitForText(/Inside your ACO/, ".sc-aco-fact");
  const order = await popup.evaluate(`(() => {
    const head = document.querySelector(".sc-verdict-head");
    return head && head.nextElementSibling && head.nextElementSibling.className;
  })()`);
  assert.equal(order, "sc-aco-fact");
  const links = (await popup.evaluate(
    `Array.from(document.querySelectorAll(".sc-aco-fact a")).map((a) => [a.textContent, a.getAttribute("href")])`,
  )) as [string, string][];
  assert.deepEqual(links[0], ["HHS FAQ: disclosures to value-based care arrangements", FAQ]);
  assert.equal(links[1]?.[0], "45 CFR 164.506(c)(2)");
  return text;
}

function scenario(open: () => { popup: () => Promise<Ui>; options: () => Promise<Ui> }) {
  test("seeds an organisation in two ACOs", async () => {
    await seed(await open().options());
  });

  test("suggestions show each participant's ACO and program, and every ACO of a name in several", async () => {
    const popup = await open().popup();
    await popup.waitForText(PROMPT, ".sc-verdict");
    await popup.fill('[role="combobox"]', "north valley", false);
    const list = await popup.waitForText(/In Riverbend Care Partners/, '[role="listbox"]');
    assert.match(list, /North Valley Clinic, PC/);
    assert.match(list, /In Riverbend Care Partners \(Medicare Shared Savings Program\); Prairie Health ACO \(ACO REACH\)/);
    await assertAxeClean(popup, "popup with suggestions open");

    await popup.fill('[role="combobox"]', "riverside", false);
    await popup.waitForText(/Riverside Medical Group PC/, '[role="listbox"]');
    const options = (await popup.evaluate(
      `Array.from(document.querySelectorAll('[role="option"]')).map((o) => o.innerText.replace(/\\s+/g, " ").trim())`,
    )) as string[];
    assert.deepEqual(options, [
      "Riverside Medical Group LLC In Riverbend Care Partners (Medicare Shared Savings Program)",
      "Riverside Medical Group PC In Prairie Health ACO (ACO REACH)",
    ]);
  });

  test("a suggestion picked from the keyboard gives the ACO fact first, with each ACO of the name", async () => {
    const popup = await open().popup();
    await popup.waitForText(PROMPT, ".sc-verdict");
    await popup.fill('[role="combobox"]', "north valley", false);
    await popup.waitForText(/North Valley/, '[role="listbox"]');
    await popup.press("ArrowDown");
    assert.equal(await popup.evaluate(`document.activeElement.getAttribute("aria-activedescendant")?.endsWith("-0")`), true);
    await popup.press("Enter");
    const fact = await acoFactFirst(popup);
    assert.match(fact, /ACO participant in 2 of your ACOs/);
    assert.match(fact, /North Valley Clinic, PC in Riverbend Care Partners \(A1001\) · Medicare Shared Savings Program/);
    assert.match(fact, /NORTH VALLEY CLINIC, PC in Prairie Health ACO \(B2002\) · ACO REACH/);
    assert.match(fact, /Matched by name: you typed “North Valley Clinic, PC”, your list has “North Valley Clinic, PC”/);
    await popup.waitForText(/^Allowed$/m, ".sc-verdict-label");
    await assertAxeClean(popup, "popup with an ACO verdict");
  });

  test("a name typed with the clinician's name in front still finds the practice, and says what matched", async () => {
    const popup = await open().popup();
    await popup.fill('[role="combobox"]', "Dr. Helena Marsh — Lakeside Neurology Associates", false);
    const fact = await acoFactFirst(popup);
    assert.match(fact, /Lakeside Neurology Associates, PLLC in Riverbend Care Partners \(A1001\)/);
    assert.match(fact, /you typed “Lakeside Neurology Associates”, your list has “Lakeside Neurology Associates, PLLC”/);
  });

  test("a Direct address inside an ACO: matched by its Direct domain", async () => {
    const popup = await open().popup();
    await popup.fill('[role="combobox"]', "hmarsh@direct.lakeside.example", false);
    const fact = await acoFactFirst(popup);
    assert.match(
      fact,
      /ACO participant: Lakeside Neurology Associates, PLLC in Riverbend Care Partners \(A1001\) · Medicare Shared Savings Program/,
    );
    assert.match(fact, /Matched by Direct domain direct\.lakeside\.example/);
    await assertAxeClean(popup, "popup with a Direct-address ACO verdict");
  });

  test("a fax number inside an ACO: matched by fax", async () => {
    const popup = await open().popup();
    await popup.fill('[role="combobox"]', "(312) 555-0190", false);
    const fact = await acoFactFirst(popup);
    assert.match(fact, /ACO participant: Lakeside Neurology Associates, PLLC in Riverbend Care Partners \(A1001\)/);
    assert.match(fact, /Matched by fax 312-555-0190/);
  });

  test("a recipient outside every ACO gets no ACO lines", async () => {
    const popup = await open().popup();
    await popup.fill('[role="combobox"]', "Faraway Orthopedics", false);
    await popup.waitForText(/Allowed/, ".sc-verdict-label");
    assert.equal(await popup.evaluate(`document.querySelectorAll(".sc-aco-fact").length`), 0);
  });
}

describe("popup ACO verdicts in Chromium (dist/demo-chrome)", { skip: missingBrowser("chromium") }, () => {
  const chrome = forSuite(launchChromium);
  scenario(() => ({
    popup: async () => playwrightUi(await chrome().openPopup()),
    options: async () => playwrightUi(await chrome().openOptions()),
  }));
});

describe("popup ACO verdicts in Firefox (dist/demo-firefox)", { skip: missingBrowser("firefox") }, () => {
  const firefox = forSuite(launchFirefox);
  scenario(() => ({
    popup: async () => puppeteerUi(await firefox().openPopup()),
    options: async () => puppeteerUi(await firefox().openOptions()),
  }));
});
