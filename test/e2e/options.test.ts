// The options page and the popup together, in Chromium and Firefox: set up an organisation and an ACO by
// importing a CSV through the file input, check in the popup that a participant matches by TIN, see the
// organisation policy change a verdict, add and remove a watched site, and find no axe-core violations.
//
// Host permission prompts: a test cannot click the browser's native prompt. Firefox runs with
// extensions.webextOptionalPermissionPrompts=false, which grants an optional permission without a prompt, so
// a real site is added and removed. Chromium has no such switch, so it adds a site the demo build already
// holds (localhost): permissions.request resolves at once without a prompt, and removing it reports that the
// build keeps it.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axeViolations, describeViolations } from "./axe.ts";
import { after, describe, forSuite, launchChromium, launchFirefox, missingBrowser, test } from "./harness/index.ts";
import { makeNpi, makeTin } from "./options-fixtures.ts";
import { playwrightUi, puppeteerUi, type Ui } from "./options-driver.ts";

const files = mkdtempSync(join(tmpdir(), "sharecheck-options-"));
after(() => rmSync(files, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
}

const participantsCsv = () =>
  file(
    "participants.csv",
    "\uFEFFname,tin,npi\r\n" +
      `"North Valley Clinic, PC",${makeTin(1)},${makeNpi(1)}\r\n` +
      `Lakeside Cardiology,${makeTin(2)},\r\n` +
      `Hilltop Pediatrics,,${makeNpi(3)}\r\n` +
      "Short Tin Clinic,12345,\r\n" +
      `Lakeside Cardiology,${makeTin(2)},\r\n`,
  );

async function assertNoAxe(ui: Ui, where: string) {
  const violations = await axeViolations(ui);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
}

type Steps = {
  options: () => Promise<Ui>;
  popup: () => Promise<Ui>;
  /** A site to add and remove, and what removing it says. */
  site: { input: string; afterRemove: RegExp };
};

/** The shared scenario; each step leaves the browser's settings as the next one expects. */
function scenario(steps: () => Steps) {
  let options: Ui;

  test("the options page has no axe violations and says who set nothing yet", async () => {
    options = await steps().options();
    await options.waitForText(/Organisation/);
    await assertNoAxe(options, "options page");
  });

  test("sets up the organisation", async () => {
    await options.fill(await options.control("Organisation name"), "Riverbend Health");
    await options.waitForText(/Saved\./, ".sc-message");
    await options.fill(await options.control("TIN (9 digits)"), "12345");
    await options.waitForText(/exactly 9 digits/);
    await options.fill(await options.control("TIN (9 digits)"), "11-2233445");
    await options.waitForText(/Saved\./, ".sc-message");
  });

  // The demo build starts with the demo organisation's ACO (src/settings/demo.ts), so the new ACO is the second one:
  // the import asks which ACO a plain list is for, and counts are read off the new ACO's own editor.
  test("adds an ACO and imports its participants from a CSV: preview, nothing changes until Apply, undo", async () => {
    const valley = '[data-aco-id="A1234"]';
    await options.fill(await options.control("ACO ID"), "A1234", false);
    await options.fill(await options.control("Name of the new ACO"), "Valley ACO", false);
    await options.click(await options.control("Add ACO", "button"));
    await options.waitForText(/Valley ACO \(A1234\)/);
    await options.waitForText(/Participants \(0\)/, valley);

    await options.upload(await options.control("CSV file"), participantsCsv());
    await options.select(await options.control("Import into ACO"), "A1234");
    const summary = await options.waitForText(/to add/, '[data-testid="import-summary"]');
    assert.match(summary, /3 to add, 0 to change, 0 already listed, 2 rejected/);
    const preview = await options.text(".sc-import-preview");
    assert.match(preview, /Bad TIN: not 9 digits/);
    assert.match(preview, /Same participant as line 3/);
    assert.match(await options.text(valley), /Participants \(0\)/, "nothing changes before Apply");
    await assertNoAxe(options, "options page with an import preview");

    await options.click(await options.control("Apply import", "button"));
    await options.waitForText(/Import applied: 3 added, 0 changed/);
    await options.waitForText(/Participants \(3\)/, valley);

    await options.click(await options.control("Undo this change", "button"));
    await options.waitForText(/Undone: import of participants\.csv/);
    await options.waitForText(/Participants \(0\)/, valley);

    await options.upload(await options.control("CSV file"), participantsCsv());
    await options.select(await options.control("Import into ACO"), "A1234");
    await options.waitForText(/3 to add/, '[data-testid="import-summary"]');
    await options.click(await options.control("Apply import", "button"));
    await options.waitForText(/Participants \(3\)/, valley);
  });

  test("a file that is not a CSV, or empty, is explained and changes nothing", async () => {
    await options.upload(
      await options.control("CSV file"),
      file("scan.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    );
    await options.waitForText(/not a CSV file/, '[data-testid="import-problem"]');
    await options.upload(await options.control("CSV file"), file("empty.csv", ""));
    await options.waitForText(/The file is empty/, '[data-testid="import-problem"]');
    assert.match(await options.text('[data-aco-id="A1234"]'), /Participants \(3\)/);
  });

  test("the participants table searches by TIN", async () => {
    await options.fill(await options.control("Search participants in all ACOs"), makeTin(2), false);
    await options.waitForText(/^1 found in 1 ACOs/, '[data-testid="participants-count"]');
    assert.match(await options.text(".sc-participants"), /Lakeside Cardiology/);
  });

  test("a bad settings file is explained and changes nothing", async () => {
    await options.upload(
      await options.control("Import settings file"),
      file("bad.json", '{"format":"sharecheck-settings","version":1,"settings":{"version":1,"mode":"sometimes"}}'),
    );
    await options.waitForText(/bad value/, '[data-testid="settings-file-problem"]');
    assert.match(await options.text('[data-aco-id="A1234"]'), /Participants \(3\)/);
  });

  test("the popup matches a participant by TIN, with focus in Recipient, and has no axe violations", async () => {
    const popup = await steps().popup();
    // No verdict until a recipient is given: the verdict's place holds a prompt.
    await popup.waitForText(/Enter who it goes to/, ".sc-verdict");
    assert.equal(await popup.evaluate(`document.activeElement?.getAttribute("role")`), "combobox");
    await popup.fill('[role="combobox"]', makeTin(1), false);
    const verdict = await popup.waitForText(/ACO participant: North Valley Clinic, PC in Valley ACO \(A1234\)/, ".sc-verdict");
    assert.doesNotMatch(verdict, /organisation's policy/i);
    await assertNoAxe(popup, "popup");
  });

  test("the organisation policy changes the verdict for a recipient outside the ACOs", async () => {
    const before = await steps().popup();
    await before.fill('[role="combobox"]', "Faraway Orthopedics", false);
    const allowed = await before.waitForText(/Allowed/, ".sc-verdict-label");
    assert.doesNotMatch(allowed, /review/i);

    await options.click(await options.control("Ask for review"));
    // Policy edits are a draft until saved (the simulation runs on the draft first).
    await options.click(await options.control("Save policy", "button"));
    await options.waitForText(/Saved\./, ".sc-message");

    const after = await steps().popup();
    await after.fill('[role="combobox"]', "Faraway Orthopedics", false);
    await after.waitForText(/Needs review/, ".sc-verdict-label");
    assert.match(await after.text(".sc-verdict"), /Your organisation's policy/);
    await assertNoAxe(after, "popup with a needs-review verdict");
  });

  test("adds and removes a watched site", async () => {
    const { input, afterRemove } = steps().site;
    await options.fill(await options.control("Site address"), "not a site", false);
    await options.click(await options.control("Add site", "button"));
    await options.waitForText(/Enter a web address/);

    await options.fill(await options.control("Site address"), input, false);
    await options.click(await options.control("Add site", "button"));
    const origin = new URL(input.includes("://") ? input : `https://${input}`);
    const label = `${origin.protocol}//${origin.hostname}`;
    await options.waitForText(new RegExp(`Watching ${label.replace(/\./g, "\\.")}`));
    // The list follows once the background has registered the site, a moment after the confirmation.
    await options.waitForText(new RegExp(`${label.replace(/\./g, "\\.")}\\s+Access granted`), ".sc-sites");

    await options.click(await options.control(`Remove ${label}`, "button"));
    await options.waitForText(afterRemove, ".sc-message");
    await assertNoAxe(options, "options page after site changes");
  });
}

describe("options and popup in Chromium (dist/demo-chrome)", { skip: missingBrowser("chromium") }, () => {
  const chrome = forSuite(launchChromium);
  scenario(() => ({
    options: async () => playwrightUi(await chrome().openOptions()),
    popup: async () => playwrightUi(await chrome().openPopup()),
    site: { input: "http://localhost:8080/portal", afterRemove: /http:\/\/localhost is built into this version/ },
  }));
});

describe("options and popup in Firefox (dist/demo-firefox)", { skip: missingBrowser("firefox") }, () => {
  const firefox = forSuite(() => launchFirefox(undefined, { prefs: { "extensions.webextOptionalPermissionPrompts": false } }));
  scenario(() => ({
    // Earlier steps open the popup in tabs of its own, in front of the options page.
    options: async () => puppeteerUi(await firefox().openOptions(), { front: true }),
    popup: async () => puppeteerUi(await firefox().openPopup()),
    site: { input: "https://ehr.example.org", afterRemove: /Stopped watching https:\/\/ehr\.example\.org/ },
  }));
});
