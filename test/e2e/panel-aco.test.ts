// The inline panel inside an ACO, on the demo portal with the demo build's organisation (src/settings/demo.ts:
// Riverbend Health in "Riverbend Valley ACO (demo)", whose participant Lakeside Cardiology Associates has the
// Direct domain alias @direct.lakesidecardiology.example and the fax alias (555) 010-2345), in Chromium and
// Firefox: a Direct message and a fax to that participant each open a panel whose verdict leads with the ACO
// lines the popup shows (participant, ACO and program, what matched in the clinician's words, the HHS FAQ
// beside 45 CFR 164.506(c)(2)), inside the announced verdict, axe-clean, and Cancel sends nothing.
import assert from "node:assert/strict";
import { axeViolations, describeViolations } from "./axe.ts";
import { beforeEach, describe, forSuite, serveDemo, test, waitUntil } from "./harness/index.ts";
import {
  anyHost,
  clickControl,
  decide,
  openWatched,
  panel,
  panelFrame,
  sleep,
  type Evaluator,
  type Tab,
  panelBrowsers,
  type PanelBrowser,
} from "./panel-driver.ts";

const FAQ =
  "https://www.hhs.gov/hipaa/for-professionals/faq/may-health-care-providers-disclose-phi-in-value-based-care-arrangements/index.html";
const PARTICIPANT =
  "ACO participant: Lakeside Cardiology Associates, PLLC in Riverbend Valley ACO (demo) (A9001) · Medicare Shared Savings Program";

type AcoLines = {
  text: string;
  /** The ACO lines come right after the outcome and headline, inside the verdict's live region. */
  first: boolean;
  live: string | null;
  links: [string, string][];
};

/** The panel frame's ACO lines, once the frame has rendered them. */
async function acoLines(frame: Evaluator): Promise<AcoLines> {
  return waitUntil(
    () =>
      frame.evaluate(() => {
        const fact = document.querySelector<HTMLElement>(".sc-aco-fact");
        if (!fact) return null;
        const region = fact.closest<HTMLElement>("section.sc-verdict");
        return {
          text: fact.innerText.replace(/\s+/g, " ").trim(),
          first: document.querySelector(".sc-verdict-head")?.nextElementSibling === fact,
          live: region?.getAttribute("aria-live") ?? null,
          links: Array.from(fact.querySelectorAll("a")).map((a): [string, string] => [a.textContent ?? "", a.getAttribute("href") ?? ""]),
        };
      }, undefined),
    "the ACO lines in the panel",
  );
}

function assertAcoLines(lines: AcoLines, matched: RegExp) {
  assert.ok(lines.text.startsWith("Inside your ACO"), lines.text);
  assert.ok(lines.text.includes(PARTICIPANT), lines.text);
  assert.match(lines.text, matched);
  assert.equal(lines.first, true, "the ACO lines are the verdict's first lines");
  assert.ok(lines.live === "polite" || lines.live === "assertive", `announced (aria-live ${lines.live})`);
  assert.deepEqual(lines.links[0], ["HHS FAQ: disclosures to value-based care arrangements", FAQ]);
  assert.equal(lines.links[1]?.[0], "45 CFR 164.506(c)(2)");
}

function acoSuite(name: string, skip: string | false, launch: () => Promise<PanelBrowser>) {
  describe(name, { skip }, () => {
    const demo = forSuite(serveDemo);
    const browser = forSuite(launch);
    const open = (path: string) => openWatched((url) => browser().newPage(url), `${demo().url}${path}`);

    beforeEach(async () => {
      await fetch(`${demo().url}/__test/reset`, { method: "POST" });
    });

    async function cancelled(page: Tab) {
      await decide(page, "cancel");
      await waitUntil(async () => !(await page.evaluate(anyHost, undefined)) || undefined, "the panel to close");
      await sleep(500);
      assert.equal(demo().submissions().length, 0, "Cancel sent nothing");
      await page.close();
    }

    test("a Direct message to a participant's Direct domain: the panel says which participant, which ACO, matched by the Direct domain", async () => {
      const page = await open("/direct");
      await clickControl(page, { selector: "button", text: "Send via Direct" });
      const info = await panel(page);
      assert.equal(info.action, "direct");
      assert.equal(info.held, "true");
      const frame = await panelFrame(page);
      const lines = await acoLines(frame);
      assertAcoLines(lines, /Matched by Direct domain direct\.lakesidecardiology\.example/);
      assert.doesNotMatch(lines.text, /Direct address/, "the whole domain matched, not this address");
      const violations = await axeViolations(frame);
      assert.equal(violations.length, 0, describeViolations(violations));
      await cancelled(page);
    });

    test("a fax to a participant's fax number: the panel says which participant, which ACO, matched by fax", async () => {
      const page = await open("/chart");
      await clickControl(page, { selector: "button", text: "Actions ▾" });
      await clickControl(page, { selector: "[role=menuitem]", text: "Fax chart" });
      const info = await panel(page);
      assert.equal(info.action, "fax");
      assert.equal(info.held, "true");
      const frame = await panelFrame(page);
      assertAcoLines(await acoLines(frame), /Matched by fax 555-010-2345/);
      const violations = await axeViolations(frame);
      assert.equal(violations.length, 0, describeViolations(violations));
      await cancelled(page);
    });
  });
}

for (const { name, skip, launch } of panelBrowsers()) acoSuite(`${name}, the inline panel inside an ACO`, skip, launch);
