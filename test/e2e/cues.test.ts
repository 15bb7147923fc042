// Cues of sensitive content in the inline verdict, in Chromium and Firefox (issue 10): a referral with the
// last psychotherapy note ticked is held as "authorization required" and the panel says why; the clinician's
// "Not included" re-checks without that kind, Proceed then sends the referral once, and the audit log keeps
// the set-aside kind (the kind only, none of the page's text). The popup's "Check this page" is covered in
// popup-prefill.test.ts; cue reading over the whole corpus in corpus.test.ts.
import assert from "node:assert/strict";
import { beforeEach, describe, forSuite, serveDemo, test, waitUntil } from "./harness/index.ts";
import {
  clickControl,
  decide,
  hostInfo,
  openWatched,
  panel,
  panelFrame,
  pressInPanel,
  saveSettings,
  sleep,
  type Tab,
  panelBrowsers,
  type PanelBrowser,
} from "./panel-driver.ts";

type Entry = { origin: string; action: string; outcome: string; rules: string[]; setAside?: string[] };

type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** The local audit log, read through the background from an extension page. */
function auditEntries(page: Tab): Promise<Entry[]> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const reply = (await (g.browser ?? g.chrome)!.runtime.sendMessage({ type: "audit-list", payload: {} })) as {
      data: { entries: Entry[] };
    };
    return reply.data.entries;
  }, undefined);
}

function cuesSuite(name: string, skip: string | false, launch: () => Promise<PanelBrowser>) {
  describe(name, { skip }, () => {
    const demo = forSuite(serveDemo);
    const browser = forSuite(launch);
    const submissions = () => demo().submissions();

    beforeEach(async () => {
      await fetch(`${demo().url}/__test/reset`, { method: "POST" });
    });

    test("a ticked psychotherapy note holds the referral; Not included re-checks, Proceed sends once, the log keeps the kind only", async () => {
      const extension = await browser().extensionPage();
      await saveSettings(extension, { audit: { enabled: true } });
      const before = (await auditEntries(extension)).length;
      const page = await openWatched((url) => browser().newPage(url), `${demo().url}/cues/psychotherapy-referral`);
      await clickControl(page, { selector: "#referral button[type=submit]" });
      const info = await panel(page);
      assert.equal(info.held, "true");
      assert.equal(info.outcome, "authorization-required");
      const frame = await panelFrame(page);
      const line = await frame.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-cue-kind="psychotherapy-notes"]');
        return el ? { text: el.textContent ?? "", setAside: el.dataset.setAside } : null;
      }, undefined);
      assert.ok(line, "the panel names the cued kind");
      assert.match(line.text, /Psychotherapy note/i, "where it was read and what the page calls it");
      assert.equal(line.setAside, "false");

      await pressInPanel(page, "Not included: Psychotherapy notes");
      await waitUntil(
        async () => (await page.evaluate(hostInfo, null))?.outcome === "allowed" || undefined,
        "the verdict without psychotherapy notes",
      );
      const after = await frame.evaluate(
        () => document.querySelector<HTMLElement>('[data-cue-kind="psychotherapy-notes"]')?.dataset.setAside,
        undefined,
      );
      assert.equal(after, "true", "the line says the kind was set aside");
      assert.equal(submissions().length, 0, "still held until Proceed");

      await decide(page, "proceed");
      await waitUntil(() => submissions().length > 0 || undefined, "the referral to go");
      await sleep(800);
      assert.equal(submissions().length, 1, "sent exactly once");

      const entries = await waitUntil(async () => {
        const all = await auditEntries(extension);
        return all.length > before ? all : undefined;
      }, "the audit entry");
      const last = entries.find((entry) => entry.setAside !== undefined);
      assert.ok(last, "an entry records the set-aside kind");
      assert.deepEqual(last.setAside, ["psychotherapy-notes"]);
      assert.equal(last.action, "referral");
      const logged = JSON.stringify(entries);
      assert.doesNotMatch(logged, /Okafor|14 Mar|Whitfield|Lakeside|Psychotherapy Note/i, "no text of the page in the log");
      await saveSettings(extension, { audit: { enabled: false } });
      await extension.close();
      await page.close();
    });
  });
}

for (const { name, skip, launch } of panelBrowsers()) cuesSuite(`${name}, cues in the inline verdict`, skip, launch);
