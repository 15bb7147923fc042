// The ACO participant lists on the options page, in Chromium and Firefox, starting from the demo build's demo ACO
// (src/settings/demo.ts: A9001 with Riverbend Health, Lakeside Cardiology Associates and Harbor Valley Home Health):
// a contact list refused; a CMS-format file imported as "replace" with removals shown before Apply; focus on the
// result; rejected rows alone; search across ACOs; a participant edited in place with aliases; undo after a reload,
// and undo that asks when the lists changed since; two edits from different sections made together both persist.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axeViolations, describeViolations } from "./axe.ts";
import type { Page as PwPage } from "playwright-core";
import { after, DIST, describe, forSuite, launchChromium, launchFirefox, missingBrowser, test, waitUntil } from "./harness/index.ts";
import { playwrightUi, puppeteerUi, type Ui } from "./options-driver.ts";

const files = mkdtempSync(join(tmpdir(), "sharecheck-participants-"));
after(() => rmSync(files, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
}

/** The CMS participant file's shape: BOM, CRLF, ACO_ID/Par_LBN/ACO_Name/ACO_Service_Area, names only. */
const cmsFile = () =>
  file(
    "cms-participants.csv",
    "\uFEFFACO_ID,Par_LBN,ACO_Name,ACO_Service_Area\r\n" +
      'A9001,"Lakeside Cardiology Associates, PLLC",Riverbend Valley ACO,"TX, NM"\r\n' +
      "A9001,EASTGATE ORTHOPEDICS PC,Riverbend Valley ACO,TX\r\n" +
      "A9001,EASTGATE ORTHOPEDICS LLC,Riverbend Valley ACO,TX\r\n" +
      "A9001,,Riverbend Valley ACO,TX\r\n" +
      'A7777,"Lakeside Cardiology Associates, PLLC",Sierra Nueva ACO,NM\r\n' +
      "A7777,CLÍNICA PEÑASCO FAMILY HEALTH LLC,Sierra Nueva ACO,NM\r\n" +
      "A7777,SMITH & JONES PEDIATRICS PA,Sierra Nueva ACO,NM\r\n" +
      "A5555,ELSEWHERE CLINIC INC,Other ACO,CA\r\n",
  );

const count = (ui: Ui, acoId: string, n: number) =>
  ui.waitForText(new RegExp(`Participants \\(${n}\\)`), `.sc-aco[data-aco-id="${acoId}"]`);
const search = async (ui: Ui, query: string, found: RegExp) => {
  await ui.fill(await ui.control("Search participants in all ACOs"), query, false);
  return ui.waitForText(found, '[data-testid="participants-count"]');
};

/** A file the browser saved: its name and its text. */
type Saved = { name: string; text: string };
type Steps = {
  options: () => Promise<Ui>;
  /** Runs `click` on the page last opened by options() and returns the file the browser downloaded because of it. */
  download: (click: () => Promise<void>) => Promise<Saved>;
};

function scenario(steps: () => Steps) {
  let options: Ui;

  test("a contact list is refused with the columns a participant file needs", async () => {
    options = await steps().options();
    await count(options, "A9001", 3);
    await options.upload(
      await options.control("CSV file"),
      file("contacts.csv", "name,email,phone\r\nAna Ruiz,ana@example.org,555-0100\r\n"),
    );
    const problem = await options.waitForText(/not a participant list/, '[data-testid="import-problem"]');
    assert.match(problem, /name, email, phone/);
    assert.match(problem, /ACO_ID, ACO_Name, Par_LBN/);
    await count(options, "A9001", 3);
  });

  test("a CMS file replaces one ACO's list: removals shown before Apply, focus on the result", async () => {
    await options.upload(await options.control("CSV file"), cmsFile());
    await options.waitForText(/Which of the 3 ACOs in this file are yours\?/);
    await options.click(await options.control("Select all 3", "button"));
    await options.waitForText(/3 of 3 chosen/);
    await options.click(await options.control("Select none", "button"));
    await options.waitForText(/0 of 3 chosen/);
    // The file's ACO that is already in the profile is chosen by its checkbox; then a second one.
    await options.click(await options.control("Riverbend Valley ACO (A9001)"));
    await options.click(await options.control("Sierra Nueva ACO (A7777)"));
    await options.waitForText(/2 of 3 chosen/);

    await options.select(await options.control("How to import into Riverbend Valley ACO (demo)"), "replace");
    await options.waitForText(/2, removed/, '[data-testid="import-plan"] tr[data-aco-id="A9001"]');
    assert.equal(
      await options.evaluate(`document.querySelector('[data-testid="import-plan"] tr[data-aco-id="A9001"] select').value`),
      "replace",
    );
    assert.equal(
      await options.evaluate(`document.querySelector('[data-testid="import-plan"] tr[data-aco-id="A7777"] select').value`),
      "add",
    );
    const summary = await options.text('[data-testid="import-summary"]');
    assert.match(summary, /5 to add, 0 to change, 1 already listed, 1 rejected\. 2 in your lists but not in this file/);
    const preview = await options.text(".sc-import-preview");
    assert.match(preview, /Remove\s+Riverbend Health \(demo\)/);
    assert.match(preview, /EASTGATE ORTHOPEDICS PC/);
    assert.match(preview, /EASTGATE ORTHOPEDICS LLC/);

    await options.click(await options.control("Show only rejected rows"));
    await waitUntil(
      async () =>
        !/EASTGATE/.test(await options.text(".sc-import-preview [role=region][aria-label='Import preview, row by row']")) || undefined,
      "only rejected rows",
    );
    assert.match(await options.text(".sc-import-preview"), /Missing name/);
    assert.match(await options.text(".sc-import-preview"), /Download the 1 rejected rows/);
    // The error report as the browser saves it: one row per rejected line, with its line, ACO, reason and the row as read.
    const report = await steps().download(async () => options.click(await options.control("Download the 1 rejected rows", "button")));
    assert.match(report.name, /^sharecheck-import-errors-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = report.text.split("\r\n");
    assert.deepEqual([lines[0], lines.length, lines[2]], ["line,aco_id,name,reason,row", 3, ""], report.text);
    assert.match(lines[1] ?? "", /^5,A9001,,"?Missing name[^\r\n]*,"A9001,[^"]*Riverbend Valley ACO,[^"]*TX"$/);
    await count(options, "A9001", 3);
    const violations = await axeViolations(options);
    assert.equal(violations.length, 0, describeViolations(violations));

    await options.click(await options.control("Apply import", "button"));
    const result = await options.waitForText(/Import applied/, '[data-testid="import-result"]');
    assert.match(
      result,
      /Riverbend Valley ACO \(demo\): list replaced by the file, now 3 participants \(2 added, 0 changed, 2 not in the file removed\)/,
    );
    assert.match(result, /Sierra Nueva ACO: added to the list, now 3 participants/);
    assert.equal(await options.evaluate(`document.activeElement?.getAttribute("data-testid")`), "import-result");
    await count(options, "A9001", 3);
    await count(options, "A7777", 3);
  });

  test("one search across all ACOs folds case, accents and & as matching does; aliases the list had survive the replace", async () => {
    await search(options, "lakeside cardiology associates", /^2 found in 2 ACOs/);
    await search(options, "clinica penasco", /^1 found in 1 ACOs/);
    await search(options, "Smith and Jones", /^1 found in 1 ACOs/);
    await search(options, "@direct.lakesidecardiology.example", /^1 found in 1 ACOs/);
    await search(options, "harbor valley", /^0 found/);
  });

  test("edits a participant in place: aliases checked, saved, found by the new alias", async () => {
    await search(options, "eastgate orthopedics pc", /^2 found/);
    await options.click(await options.control("Edit EASTGATE ORTHOPEDICS PC in Riverbend Valley ACO (demo)", "button"));
    const aliases = ".sc-editor textarea";
    await options.waitForText(/Aliases/, ".sc-editor");
    await options.fill(aliases, "555-0101", false);
    await options.click(await options.control("Save participant", "button"));
    await options.waitForText(/"555-0101" is not a name/, ".sc-editor");
    await options.fill(aliases, "Eastgate Ortho; @direct.eastgate.example; (555) 010-4400", false);
    await options.fill('.sc-editor input[id$="-npi"]', "1666666668", false);
    await options.click(await options.control("Save participant", "button"));
    await options.waitForText(/Saved EASTGATE ORTHOPEDICS PC in Riverbend Valley ACO \(demo\)/, ".sc-message");
    await search(options, "@direct.eastgate.example", /^1 found in 1 ACOs/);
    const row = await options.text(".sc-participants [role=region]");
    assert.match(row, /1666666668/);
    assert.match(row, /Eastgate Ortho; @direct\.eastgate\.example; \(555\) 010-4400/);
    await search(options, "5550104400", /^1 found/);
  });

  test("removes a participant and undoes it after a reload", async () => {
    await search(options, "eastgate orthopedics llc", /^2 found/);
    await options.click(await options.control("Remove EASTGATE ORTHOPEDICS LLC in Riverbend Valley ACO (demo)", "button"));
    await options.waitForText(/Removed EASTGATE ORTHOPEDICS LLC from Riverbend Valley ACO \(demo\)/, ".sc-message");
    await count(options, "A9001", 2);

    options = await steps().options();
    await options.waitForText(
      /Last change to the participant lists: removal of EASTGATE ORTHOPEDICS LLC from Riverbend Valley ACO \(demo\)/,
      '[data-testid="undo-offer"]',
    );
    await options.click(await options.control("Undo this change", "button"));
    await options.waitForText(/Undone: removal of EASTGATE ORTHOPEDICS LLC/, ".sc-message");
    await count(options, "A9001", 3);
  });

  test("undo asks first when the lists changed since, and never discards that silently", async () => {
    await search(options, "smith", /^1 found/);
    await options.click(await options.control("Remove SMITH & JONES PEDIATRICS PA in Sierra Nueva ACO", "button"));
    await count(options, "A7777", 2);
    // Another window saves a change to the lists behind this page's back.
    await options.evaluate(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const { settings } = await api.storage.local.get("settings");
      settings.profile.acos[0].name = "Renamed elsewhere";
      await api.runtime.sendMessage({ type: "settings-save", payload: { settings } });
    })()`);
    options = await steps().options();
    await options.waitForText(/Renamed elsewhere/);
    await options.click(await options.control("Undo this change", "button"));
    await options.waitForText(
      /have changed since "removal of SMITH & JONES PEDIATRICS PA from Sierra Nueva ACO"/,
      '[data-testid="undo-offer"]',
    );
    await options.click(await options.control("Cancel", "button"));
    await count(options, "A7777", 2);
    await options.click(await options.control("Undo this change", "button"));
    await options.click(await options.control("Undo anyway", "button"));
    await count(options, "A7777", 3);
  });

  test("two changes made together from different sections both persist", async () => {
    await options.evaluate(`(() => {
      const label = [...document.querySelectorAll("label")].find((l) => l.textContent.trim() === "Organisation name");
      const name = document.getElementById(label.htmlFor);
      name.value = "Two Edits Health";
      const advise = document.querySelector('input[type=radio][value="advise"]');
      // The same task: the second change fires before the first write is back.
      name.dispatchEvent(new Event("change", { bubbles: true }));
      advise.click();
    })()`);
    await options.waitForText(/Saved\./, ".sc-message");
    const reloaded = await steps().options();
    await reloaded.waitForText(/Organisation/);
    await waitUntil(
      async () =>
        (await reloaded.evaluate(`(() => {
          const label = [...document.querySelectorAll("label")].find((l) => l.textContent.trim() === "Organisation name");
          return document.getElementById(label.htmlFor).value === "Two Edits Health" && document.querySelector('input[type=radio][value="advise"]').checked;
        })()`)) || undefined,
      "both the organisation name and the mode saved",
    );
  });
}

describe("ACO participants in Chromium (dist/demo-chrome)", { skip: missingBrowser("chromium") }, () => {
  const chrome = forSuite(launchChromium);
  let page: PwPage | undefined;
  scenario(() => ({
    options: async () => playwrightUi((page = await chrome().openOptions())),
    async download(click) {
      const [saved] = await Promise.all([page!.waitForEvent("download", { timeout: 15_000 }), click()]);
      return { name: saved.suggestedFilename(), text: readFileSync(await saved.path(), "utf8") };
    },
  }));
});

describe("ACO participants in Firefox (dist/demo-firefox)", { skip: missingBrowser("firefox") }, () => {
  // Firefox saves downloads straight into this folder, without asking.
  const downloads = join(files, "firefox-downloads");
  mkdirSync(downloads, { recursive: true });
  const firefox = forSuite(() =>
    launchFirefox(DIST.demoFirefox, {
      prefs: {
        "browser.download.folderList": 2,
        "browser.download.dir": downloads,
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.helperApps.neverAsk.saveToDisk": "text/csv",
      },
    }),
  );
  scenario(() => ({
    options: async () => puppeteerUi(await firefox().openOptions()),
    async download(click) {
      const before = new Set(readdirSync(downloads));
      await click();
      // Finished: a new file that is not Firefox's .part, with content.
      const name = await waitUntil(
        () =>
          readdirSync(downloads).find(
            (f) =>
              !before.has(f) &&
              !f.endsWith(".part") &&
              !readdirSync(downloads).includes(`${f}.part`) &&
              statSync(join(downloads, f)).size > 0,
          ),
        "the download in Firefox's download folder",
      );
      return { name, text: readFileSync(join(downloads, name), "utf8") };
    },
  }));
});
