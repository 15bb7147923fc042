// Every way a record leaves, held and completed exactly once, in Chromium and Firefox, on the demo pages in
// assets/demo/paths/: Enter in a form's text field (implicit submission), Enter and Space on role=button
// controls (Space acting on keyup), a page handler's form.requestSubmit(), Ctrl+Enter in a message composer;
// and controls that change under the clinician, classified live at the action: a button that said
// "Verifying…", one re-rendered as a fresh node every 700 ms (so while it is held), one inserted seconds after load, and a form
// re-rendered on every keystroke. Mode confirm-all, so allowed actions are held too and each path is seen.
import assert from "node:assert/strict";
import { before, beforeEach, describe, forSuite, serveDemo, test, waitUntil } from "./harness/index.ts";
import {
  clickControl,
  clickDropped,
  decide,
  focus,
  openWatched,
  panel,
  released,
  setMode,
  sleep,
  type Tab,
  panelBrowsers,
  type PanelBrowser,
} from "./panel-driver.ts";

type Keys = { down(key: string): Promise<void>; up(key: string): Promise<void>; press(key: string): Promise<void> };

const text = (selector: string): string => document.querySelector(selector)?.textContent?.trim() ?? "";
function pathsSuite(name: string, skip: string | false, launch: () => Promise<PanelBrowser>) {
  describe(name, { skip }, () => {
    const demo = forSuite(serveDemo);
    const browser = forSuite(launch);
    const submissions = (kind?: string) =>
      demo()
        .submissions()
        .filter((s) => !kind || s.kind === kind);
    const open = (path: string) => openWatched((url) => browser().newPage(url), `${demo().url}${path}`);

    before(() => setMode(() => browser().extensionPage(), "confirm-all")); // the browser and its profile go with the suite
    beforeEach(async () => {
      await fetch(`${demo().url}/__test/reset`, { method: "POST" });
    });

    /** Held with nothing sent, then Proceed sends exactly one `kind`. */
    async function heldThenOnce(page: Tab, kind: string, action: string): Promise<Record<string, string | string[]>> {
      const info = await panel(page);
      assert.equal(info.held, "true");
      assert.equal(info.action, action);
      assert.equal(submissions().length, 0, "nothing left while held");
      await decide(page, "proceed");
      await waitUntil(() => submissions(kind).length > 0 || undefined, `the ${kind} to go`);
      await released(page);
      await sleep(800);
      assert.equal(submissions().length, 1, "sent exactly once");
      return submissions()[0]!.fields;
    }

    test("Enter in a Direct message's text field (implicit submission) is held, then sent once", async () => {
      const page = await open("/paths/implicit-submit");
      assert.ok(await page.evaluate(focus, "#direct-subject"));
      await page.keyboard.press("Enter");
      const fields = await heldThenOnce(page, "direct", "direct");
      assert.equal(fields.to, "cardiology@direct.lakesidecardiology.example");
      await page.close();
    });

    test("Enter on a role=button acting on keydown is held, then faxes once", async () => {
      const page = await open("/paths/custom-buttons");
      assert.ok(await page.evaluate(focus, "#fax-button"));
      await page.keyboard.press("Enter");
      const fields = await heldThenOnce(page, "fax", "fax");
      assert.equal(fields.via, "enter");
      await page.close();
    });

    test("Space on a role=button acting on keyup: its keyup is held too, then it shares once", async () => {
      const page = await open("/paths/custom-buttons");
      assert.ok(await page.evaluate(focus, "#share-button"));
      await page.keyboard.press(" ");
      const fields = await heldThenOnce(page, "share", "share");
      assert.equal(fields.via, "space");
      await page.close();
    });

    test("a toolbar icon whose handler calls form.requestSubmit(): the submit is held, then the referral goes once", async () => {
      const page = await open("/paths/request-submit");
      await clickControl(page, { selector: "#toolbar-send" });
      const fields = await heldThenOnce(page, "referrals", "referral");
      assert.equal(fields.referTo, "Lakeside Cardiology Associates");
      await page.close();
    });

    test("Ctrl+Enter in a message composer is held, then the page's own shortcut sends once", async () => {
      const page = await open("/paths/composer");
      assert.ok(await page.evaluate(focus, "#msg-body"));
      const keys = page.keyboard as unknown as Keys;
      await keys.down("Control");
      await keys.press("Enter");
      await keys.up("Control");
      const fields = await heldThenOnce(page, "direct", "direct");
      assert.equal(fields.via, "shortcut");
      await waitUntil(() => page.evaluate(text, "#msg-status") || undefined, "the page to say it sent");
      await page.close();
    });

    test("a button that said 'Verifying…' and now says 'Send referral' is held as a referral, and sent once", async () => {
      const page = await open("/paths/changing");
      await waitUntil(async () => (await page.evaluate(text, "#verify-button")) === "Send referral" || undefined, "the button to be ready");
      await clickControl(page, { selector: "#verify-button" });
      const fields = await heldThenOnce(page, "referrals", "referral");
      assert.equal(fields.referTo, "Northside Behavioral Health");
      await page.close();
    });

    test("a Fax button re-rendered as a fresh node every 700 ms is held, and Proceed faxes once through the node now in its place", async () => {
      const page = await open("/paths/changing");
      await page.evaluate(clickDropped, null); // starts watching
      // A re-render between press and release (likelier under load) makes the browser drop the click: press again.
      for (let presses = 1; ; presses++) {
        await clickControl(page, { selector: "#fax-slot button", text: "Fax chart" });
        if (!(await page.evaluate(clickDropped, null))) break;
        assert.ok(presses < 3, "three presses in a row straddled a re-render");
      }
      await page.evaluate(
        () => ((window as unknown as { clicked: Element | null }).clicked = document.querySelector("#fax-slot button")),
        undefined,
      );
      await panel(page);
      assert.equal(
        await page.evaluate(() => (window as unknown as { clicked: Element }).clicked.isConnected, undefined),
        false,
        "re-rendered while held",
      );
      const fields = await heldThenOnce(page, "fax", "fax");
      assert.equal(fields.fax, "(555) 010-2345");
      await page.close();
    });

    test("a Share button inserted seconds after load is held at its first click, and shared once", async () => {
      const page = await open("/paths/changing");
      await clickControl(page, { selector: "#late-share" });
      const fields = await heldThenOnce(page, "share", "share");
      assert.equal(fields.document, "Discharge summary");
      await page.close();
    });

    test("a form re-rendered on every keystroke: the recipient typed last is the one read, and the referral goes once", async () => {
      const page = await open("/paths/changing");
      await clickControl(page, { selector: "#order-to" });
      await page.keyboard.type("Summit Neurology Group");
      await clickControl(page, { selector: "#order-form button", text: "Send referral" });
      const info = await panel(page);
      assert.match(info.recipient ?? "", /Summit Neurology Group/);
      const fields = await heldThenOnce(page, "referrals", "referral");
      assert.equal(fields.referTo, "Summit Neurology Group");
      await page.close();
    });
  });
}

for (const { name, skip, launch } of panelBrowsers()) pathsSuite(`${name}, activation paths and controls that change`, skip, launch);
