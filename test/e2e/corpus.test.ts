// The public page corpus of issue #9 in Chromium and Firefox, driven from the data in corpus-data.ts: every
// action is started as the clinician would (with the extension holding everything, mode confirm-all, so each
// detection shows its panel), its kind and recipient are compared with what the page shows, Proceed must
// complete it exactly once; every look-alike must pass untouched and at once. Prints detected %, recipient %,
// completes-once % and false alarms, and fails below 95% / 90% / 100% / above 0. The cues each action's panel
// was built on (read back from the background) must be exactly the page's: every cue found, none from a negated
// or unrelated mention, and the verdict on screen must be the one its data names.
import assert from "node:assert/strict";
import { CORPUS, CUE_PAGES, type Activation, type CorpusAction, type CorpusPage, type Step, type Target } from "./corpus-data.ts";
import { after, before, describe, forSuite, missingBrowser, serveDemo, test, waitUntil } from "./harness/index.ts";
import {
  clickDropped,
  decide,
  escapeFromPanel,
  hostInfo,
  locate,
  setMode,
  sleep,
  SETTLE_MS,
  type Tab,
  panelBrowsers,
  type PanelBrowser,
} from "./panel-driver.ts";

const THRESHOLDS = { detected: 95, recipient: 90, completesOnce: 100, falseAlarms: 0 };
/** How long a detected action has to show its panel, and a look-alike is watched for one. */
const PANEL_WAIT_MS = 6_000;
const QUIET_WATCH_MS = 1_500;

interface CorpusTab extends Tab {
  goto(url: string): Promise<unknown>;
  keyboard: Tab["keyboard"];
}
type Recipient = Record<string, string | undefined>;
interface ActionResult {
  entry: string;
  held: boolean;
  kind?: string;
  kindOk: boolean;
  recipientChecked: boolean;
  recipientOk: boolean;
  recipient?: Recipient;
  completesOnce?: boolean;
  /** Cue kinds expected and read back; an action that was not held counts its expected cues as missed. */
  missedCues: string[];
  falseCues: string[];
  outcomeOk?: boolean;
  note: string;
}
interface NegativeResult {
  entry: string;
  falseAlarm: boolean;
  postedOnce?: boolean;
  note: string;
}

// ---------- runs in the page ----------

/** Selects all of a field's content so typing replaces it. */
function selectContent(target: Target): boolean {
  let doc: Document = document;
  for (const selector of target.frames ?? []) doc = doc.querySelector<HTMLIFrameElement>(selector)!.contentDocument!;
  const root: ParentNode | null | undefined = target.shadowHost ? doc.querySelector(target.shadowHost)?.shadowRoot : doc;
  const el = root?.querySelector<HTMLElement>(target.selector);
  if (!el) return false;
  el.focus();
  // By tag, not instanceof: a field in a frame is an instance of its own window's HTMLInputElement.
  if (el.localName === "input" || el.localName === "textarea") (el as HTMLInputElement).select();
  else doc.getSelection()?.selectAllChildren(el);
  return true;
}

// ---------- driving ----------

async function find(tab: CorpusTab, target: Target, focus = false) {
  return waitUntil(() => tab.evaluate(locate, { ...target, focus }), `${target.text ?? target.selector} on the page`, 8_000);
}

async function runSteps(tab: CorpusTab, steps: Step[] | undefined): Promise<void> {
  for (const step of steps ?? []) {
    if ("click" in step) {
      const at = await find(tab, step.click);
      await tab.mouse.click(at.x, at.y);
    } else if ("fill" in step) {
      await find(tab, step.fill, true);
      assert.ok(await tab.evaluate(selectContent, step.fill), `${step.fill.selector} to fill`);
      await tab.keyboard.type(step.text);
    } else if ("waitFor" in step) {
      await find(tab, step.waitFor);
    } else {
      await sleep(step.wait);
    }
  }
}

async function activate(tab: CorpusTab, target: Target, how: Activation = "click"): Promise<void> {
  if (how === "click") {
    await tab.evaluate(clickDropped, target.frames ?? null); // starts watching
    // A control re-rendered between press and release loses the click (the browser sends none): press again.
    for (let presses = 1; ; presses++) {
      const at = await find(tab, target);
      await tab.mouse.click(at.x, at.y);
      // A click that navigated the page (a form post, a link) was not dropped: there is nothing left to ask.
      if (!(await tab.evaluate(clickDropped, target.frames ?? null).catch(() => false))) return;
      assert.ok(presses < 3, "three presses in a row straddled a re-render");
    }
  }
  await find(tab, target, true);
  if (how === "ctrl-enter") {
    await tab.keyboard.down("Control");
    await tab.keyboard.press("Enter");
    return tab.keyboard.up("Control");
  }
  return tab.keyboard.press(how === "enter" ? "Enter" : " ");
}

const digits = (s: string) => s.replace(/\D/g, "");
const same = (expected: string, actual: string | undefined) =>
  actual !== undefined &&
  (actual.toLowerCase().includes(expected.toLowerCase()) || (/^[\d\s().+-]+$/.test(expected) && digits(actual).includes(digits(expected))));

function checkRecipient(action: CorpusAction, got: Recipient | undefined): { ok: boolean; note: string } {
  const expected = action.recipient ?? {};
  const problems: string[] = [];
  for (const [field, value] of Object.entries(expected)) {
    const actual = field === "name" ? (got?.name ?? got?.text) : got?.[field];
    if (value && !same(value, actual)) problems.push(`${field} "${actual ?? ""}" lacks "${value}"`);
  }
  const all = Object.values(got ?? {})
    .join(" | ")
    .toLowerCase();
  for (const bad of action.notRecipient ?? []) if (all.includes(bad.toLowerCase())) problems.push(`reads "${bad}"`);
  return { ok: problems.length === 0, note: problems.join("; ") };
}

function corpusSuite(name: string, skip: string | false, launch: () => Promise<PanelBrowser<CorpusTab>>) {
  describe(name, { skip }, () => {
    const demo = forSuite(serveDemo);
    const browser = forSuite(launch);
    const actions: ActionResult[] = [];
    const negatives: NegativeResult[] = [];
    let tab: CorpusTab;
    let ext: Tab;

    const submissions = () => demo().submissions();
    const reset = () => fetch(`${demo().url}/__test/reset`, { method: "POST" });

    /** The last action the background recorded for the demo tab: the full recipient, beyond the host's data-recipient. */
    const lastAction = (kind: string) =>
      waitUntil(
        () =>
          ext.evaluate(
            async ({ origin, kind }: { origin: string; kind: string }) => {
              type Api = {
                tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
                runtime: { sendMessage(m: unknown): Promise<unknown> };
              };
              const g = globalThis as unknown as { browser?: Api; chrome?: Api };
              const api = (g.browser ?? g.chrome)!;
              const tabs = await api.tabs.query({});
              for (const t of tabs.filter((t) => t.url?.startsWith(origin))) {
                const reply = (await api.runtime.sendMessage({ type: "last-action", payload: { tabId: t.id } })) as {
                  data?: { last?: { action?: { kind: string; recipient?: Record<string, string> } } | null };
                };
                const action = (reply.data?.last?.action ?? undefined) as
                  | { kind: string; recipient?: Record<string, string>; cues?: Array<{ kind: string }> }
                  | undefined;
                if (action?.kind === kind) return { recipient: action.recipient ?? {}, cues: (action.cues ?? []).map((cue) => cue.kind) };
              }
              return null;
            },
            { origin: demo().url, kind },
          ),
        "the background's record of the action",
        4_000,
      ).catch(() => undefined);

    // A fresh tab per entry: a tab a previous entry left navigating (a form post, a held panel) cannot stall the next.
    const open = async (page: CorpusPage) => {
      await tab?.close().catch(() => undefined);
      tab = await browser().newPage(`${demo().url}${page.page}`);
      await waitUntil(() => tab.evaluate(() => document.documentElement.dataset.sharecheck, undefined), "the content script");
      await sleep(500);
    };

    before(async () => {
      await setMode(() => browser().extensionPage(), "confirm-all");
      ext = await browser().extensionPage();
    });

    for (const page of [...CORPUS, ...CUE_PAGES]) {
      for (const action of page.actions) {
        test(`${page.page}: ${action.name}`, { timeout: 60_000 }, async () => {
          const expectedCues = action.cues ?? [];
          const result: ActionResult = {
            entry: `${page.page}: ${action.name}`,
            held: false,
            kindOk: false,
            recipientChecked: Boolean(action.recipient || action.notRecipient),
            recipientOk: false,
            missedCues: [...expectedCues],
            falseCues: [],
            ...(action.outcome ? { outcomeOk: false } : {}),
            note: "",
          };
          actions.push(result);
          await open(page);
          await runSteps(tab, action.before);
          await reset();
          await activate(tab, action.target, action.activate);
          const host = await waitUntil(() => tab.evaluate(hostInfo, action.target.frames ?? null), "the panel", PANEL_WAIT_MS).catch(
            () => null,
          );
          if (!host) {
            result.note = `not held (${submissions().length} sent at once)`;
            return;
          }
          await sleep(SETTLE_MS);
          const info = (await tab.evaluate(hostInfo, action.target.frames ?? null)) ?? host;
          result.held = info.held === "true";
          result.kind = info.action;
          const kinds: string[] = Array.isArray(action.kind) ? action.kind : [action.kind];
          result.kindOk = result.held && kinds.includes(info.action ?? "");
          if (!result.kindOk) result.note = `held as ${info.action} (expected ${kinds.join("/")})`;
          const sentWhileHeld = submissions().length;
          const last = await lastAction(info.action ?? "");
          const cues = [...new Set(last?.cues ?? [])];
          result.missedCues = expectedCues.filter((kind) => !cues.includes(kind));
          result.falseCues = cues.filter((kind) => !(expectedCues as string[]).includes(kind));
          if (result.missedCues.length || result.falseCues.length)
            result.note += ` cues: read [${cues.join(", ")}], expected [${expectedCues.join(", ")}]`;
          if (action.outcome) {
            result.outcomeOk = info.outcome === action.outcome;
            if (!result.outcomeOk) result.note += ` verdict ${info.outcome} (expected ${action.outcome})`;
          }
          if (result.recipientChecked) {
            const got = last?.recipient;
            result.recipient = got;
            const check = checkRecipient(action, got);
            result.recipientOk = check.ok;
            if (!check.ok) result.note += ` recipient: ${check.note} (got ${JSON.stringify(got ?? null)})`;
          }
          await decide(tab, "proceed", action.target.frames ?? null);
          const arrived = await waitUntil(
            () => submissions().some((s) => s.kind === action.completes) || undefined,
            `the ${action.completes} POST`,
            8_000,
          ).catch(() => false);
          await sleep(800);
          const sent = submissions();
          result.completesOnce = sentWhileHeld === 0 && Boolean(arrived) && sent.length === 1 && sent[0]!.kind === action.completes;
          if (!result.completesOnce)
            result.note += ` completion: ${sentWhileHeld} while held, then ${sent.map((s) => s.kind).join(",") || "nothing"}`;
        });
      }
      for (const negative of page.negatives) {
        test(`${page.page}: look-alike ${negative.name}`, { timeout: 60_000 }, async () => {
          const result: NegativeResult = { entry: `${page.page}: ${negative.name}`, falseAlarm: false, note: "" };
          negatives.push(result);
          await open(page);
          await runSteps(tab, negative.before);
          await reset();
          await activate(tab, negative.target, negative.activate);
          const host = await waitUntil(() => tab.evaluate(hostInfo, negative.target.frames ?? null), "no panel", QUIET_WATCH_MS).catch(
            () => null,
          );
          if (host) {
            result.falseAlarm = true;
            result.note = `held as ${host.action}`;
            await escapeFromPanel(tab);
          }
          if (negative.posts) {
            const kind = negative.posts;
            await waitUntil(() => submissions().some((s) => s.kind === kind) || undefined, `the ${kind} POST`, 3_000).catch(
              () => undefined,
            );
            const sent = submissions();
            result.postedOnce = sent.length === 1 && sent[0]!.kind === kind;
            if (!result.postedOnce) result.note += ` posted ${sent.map((s) => s.kind).join(",") || "nothing"} (expected one ${kind})`;
          }
        });
      }
    }

    after(async () => {
      await tab?.close().catch(() => undefined);
      await ext?.close().catch(() => undefined);
    });

    test("figures meet the thresholds", () => {
      const pct = (n: number, d: number) => (d === 0 ? 100 : Math.round((1000 * n) / d) / 10);
      const detected = actions.filter((a) => a.kindOk).length;
      const checked = actions.filter((a) => a.recipientChecked);
      const recipients = checked.filter((a) => a.recipientOk).length;
      const held = actions.filter((a) => a.held);
      const once = held.filter((a) => a.completesOnce).length;
      const falseAlarms = negatives.filter((n) => n.falseAlarm).length;
      const missedCues = actions.reduce((n, a) => n + a.missedCues.length, 0);
      const expectedCues = [...CORPUS, ...CUE_PAGES].flatMap((p) => p.actions).reduce((n, a) => n + (a.cues?.length ?? 0), 0);
      const falseCues = actions.reduce((n, a) => n + a.falseCues.length, 0);
      const wrongVerdicts = actions.filter((a) => a.outcomeOk === false).length;
      const delayed = negatives.filter((n) => n.postedOnce === false).length;
      const figures = {
        detected: pct(detected, actions.length),
        recipient: pct(recipients, checked.length),
        completesOnce: pct(once, held.length),
        falseAlarms,
      };
      const lines = [
        `${name}: ${CORPUS.length} pages, ${actions.length} actions, ${negatives.length} look-alikes`,
        `  detected       ${figures.detected}% (${detected}/${actions.length})   threshold ${THRESHOLDS.detected}%`,
        `  recipient      ${figures.recipient}% (${recipients}/${checked.length})   threshold ${THRESHOLDS.recipient}%`,
        `  completes once ${figures.completesOnce}% (${once}/${held.length})   threshold ${THRESHOLDS.completesOnce}%`,
        `  false alarms   ${falseAlarms}   threshold ${THRESHOLDS.falseAlarms}; look-alikes whose own POST did not go at once: ${delayed}`,
        `  cues           found ${expectedCues - missedCues}/${expectedCues}, false ${falseCues}, verdicts not as expected ${wrongVerdicts}   threshold: all found, 0 false, 0 wrong`,
        ...actions.filter((a) => a.note).map((a) => `  MISS ${a.entry}: ${a.note.trim()}`),
        ...negatives.filter((n) => n.note).map((n) => `  ALARM ${n.entry}: ${n.note.trim()}`),
      ];
      console.log(lines.join("\n"));
      assert.ok(actions.length > 0, "the corpus ran");
      assert.ok(figures.detected >= THRESHOLDS.detected, `detected ${figures.detected}% < ${THRESHOLDS.detected}%`);
      assert.ok(figures.recipient >= THRESHOLDS.recipient, `recipient ${figures.recipient}% < ${THRESHOLDS.recipient}%`);
      assert.ok(
        figures.completesOnce >= THRESHOLDS.completesOnce,
        `completes once ${figures.completesOnce}% < ${THRESHOLDS.completesOnce}%`,
      );
      assert.equal(falseAlarms, THRESHOLDS.falseAlarms, "false alarms");
      assert.equal(delayed, 0, "look-alikes delayed or blocked");
      assert.equal(missedCues, 0, "missed cues");
      assert.equal(falseCues, 0, "false cues");
      assert.equal(wrongVerdicts, 0, "verdicts not as the cues make them");
    });
  });
}

/** CORPUS_BROWSER=chromium|firefox runs one browser only (while working on detection). */
const only = process.env.CORPUS_BROWSER;
const skipUnless = (browser: "chromium" | "firefox") => (only && only !== browser ? `CORPUS_BROWSER=${only}` : missingBrowser(browser));

for (const { name, launch } of panelBrowsers<CorpusTab>())
  corpusSuite(`${name}, the public page corpus`, skipUnless(name === "Chromium" ? "chromium" : "firefox"), launch);
