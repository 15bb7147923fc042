import { beforeAll, describe, expect, it, vi } from "vitest";
import { installI18n } from "../../test/support/i18n-stub.ts";
import { couldNotDecide, evaluate } from "../core/index.ts";
import type { DetectedAction } from "../detect/action.ts";
import type { Reply, MessageType } from "../messaging/messages.ts";
import type { Runtime } from "../platform/browser.ts";
import { defaultSettings } from "../settings/defaults.ts";
import type { Settings } from "../settings/schema.ts";
import { BACKUP_KEY, SETTINGS_KEY } from "../settings/store.ts";
import { AUDIT_KEY } from "./audit-log.ts";
import { createBackground } from "./background.ts";
import { CONTENT_SCRIPT_ID } from "./site-registration.ts";
import { createFakeBrowser, type FakeBrowserOptions } from "../../test/support/fake-browser.ts";

// Notices come from _locales, as in the browser.
beforeAll(installI18n);

const ID = "sharecheck-id";
const popup: Runtime.MessageSender = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };
/** Our panel frame inside a page's tab. */
const panelFrame = (tabId: number): Runtime.MessageSender => ({
  ...contentScript(tabId),
  url: `chrome-extension://${ID}/src/content/frame/index.html#abc`,
});
const options: Runtime.MessageSender = { id: ID, url: `chrome-extension://${ID}/src/options/index.html` };
function contentScript(tabId: number, url = "https://ehr.example.org/chart/123?mrn=555", frameId = 0): Runtime.MessageSender {
  return { id: ID, url, frameId, tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false } };
}

const referral: DetectedAction = {
  kind: "referral",
  label: "Send Referral",
  origin: "https://ehr.example.org",
  recipient: { text: "Dr. Jane Smith, Other Clinic", name: "Other Clinic" },
};
const treatment = { purpose: "treatment", recipient: { type: "provider", name: "Other Clinic" } };

const reviewOutsideAco: Settings = {
  ...defaultSettings(),
  profile: {
    organization: { name: "Riverside Family Medicine", role: "provider" },
    acos: [{ id: "A1234", name: "Valley ACO", participants: [{ name: "Lakeside Cardiology", tin: "123456789" }] }],
    policy: { outsideAco: "review", reviewCategories: [] },
  },
};

function setup(opts: FakeBrowserOptions & { stored?: unknown; core?: Parameters<typeof createBackground>[1] } = {}) {
  const fake = createFakeBrowser({ id: ID, ...opts });
  if (opts.stored !== undefined) fake.local.data.set(SETTINGS_KEY, structuredClone(opts.stored));
  const bg = createBackground(fake.api, opts.core ?? { evaluate, couldNotDecide });
  // Wire storage.onChanged the way index.ts does.
  fake.onChanged.addListener((changes, area) => void bg.onStorageChanged(changes, area));
  async function call<T extends MessageType>(type: T, payload: unknown, sender: Runtime.MessageSender = options) {
    const reply = (await bg.onMessage({ type, payload }, sender)) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  }
  return { fake, bg, call };
}

/** Lets fire-and-forget work (audit writes, storage listeners) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("verdict", () => {
  it("evaluates with the organisation's profile", async () => {
    const { call } = setup({ stored: reviewOutsideAco });
    expect((await call("verdict", { request: treatment }, popup)).verdict.outcome).toBe("needs-review");
    const { call: callDefault } = setup();
    expect((await callDefault("verdict", { request: treatment }, popup)).verdict.outcome).toBe("allowed");
  });

  it("answers could-not-decide when the core throws, never a guess", async () => {
    const { call } = setup({
      core: {
        evaluate: () => {
          throw new Error("rule bug");
        },
        couldNotDecide,
      },
    });
    const { verdict } = await call("verdict", { request: treatment }, popup);
    expect(verdict.outcome).toBe("needs-review");
    expect(verdict.reasons[0]?.rule).toBe("system.could-not-decide");
  });

  it("answers could-not-decide when the core returns something that is not a verdict", async () => {
    const { call } = setup({ core: { evaluate: () => ({ outcome: "allowed" }) as never, couldNotDecide } });
    expect((await call("verdict", { request: treatment }, popup)).verdict.reasons[0]?.rule).toBe("system.could-not-decide");
  });

  it("answers could-not-decide when settings cannot be read at all", async () => {
    const { fake, call } = setup();
    fake.local.get = () => Promise.reject(new Error("storage unavailable"));
    expect((await call("verdict", { request: treatment }, popup)).verdict.reasons[0]?.rule).toBe("system.could-not-decide");
  });

  it("records the action and its outcome for the tab and shows it on the badge", async () => {
    const { fake, call } = setup({ stored: reviewOutsideAco });
    await call("verdict", { request: treatment, action: referral }, contentScript(4));
    expect(await call("last-action", { tabId: 4 }, popup)).toEqual({ last: { action: referral, outcome: "needs-review" } });
    await settle();
    expect(fake.state.badges.get(4)).toEqual({ text: "?", color: "#b45309" });
    expect(await call("last-action", { tabId: 5 }, popup)).toEqual({ last: null });
  });
});

describe("audit log", () => {
  const audited: Settings = { ...reviewOutsideAco, audit: { enabled: true, retentionDays: 90 } };

  it("is not written while the audit is off", async () => {
    const { fake, call } = setup({ stored: reviewOutsideAco });
    await call("verdict", { request: treatment, action: referral }, contentScript(4));
    await settle();
    expect(fake.local.data.has(AUDIT_KEY)).toBe(false);
  });

  it("keeps verdict metadata only: the frame's origin (not its URL), the action kind, outcome and rules", async () => {
    const { fake, call } = setup({ stored: audited });
    await call("verdict", { request: treatment, action: referral }, contentScript(4));
    await call("verdict", { request: { purpose: "other", otherPurpose: "marketing", recipient: { type: "other" } } }, popup);
    await settle();
    const { entries } = await call("audit-list", {});
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ origin: "https://ehr.example.org", action: "referral", outcome: "needs-review" });
    expect(entries[0]?.rules.length).toBeGreaterThan(0);
    expect(entries[1]).toMatchObject({ origin: "", action: "popup", outcome: "authorization-required" });
    const stored = JSON.stringify(fake.local.data.get(AUDIT_KEY));
    expect(stored).not.toMatch(/Jane Smith|Other Clinic|mrn|555|chart/);

    await call("audit-clear", {});
    expect((await call("audit-list", {})).entries).toEqual([]);
  });

  it("logs a click's check, not the pre-warm a press or focus asked for ahead of it (no action: nothing was checked yet)", async () => {
    const { call } = setup({ stored: audited });
    await call("verdict", { request: treatment }, contentScript(4));
    await settle();
    expect((await call("audit-list", {})).entries).toEqual([]);
    await call("verdict", { request: treatment, action: referral }, contentScript(4));
    await settle();
    expect((await call("audit-list", {})).entries).toMatchObject([{ action: "referral", origin: "https://ehr.example.org" }]);
  });

  it("records the cued kinds the clinician set aside, the kinds only, never what the page showed", async () => {
    const { fake, call } = setup({ stored: audited });
    const cued: DetectedAction = {
      ...referral,
      cues: [
        { kind: "psychotherapy-notes", source: "attached", text: "Psychotherapy note (14 Mar)" },
        { kind: "hiv", source: "attached", text: "HIV-1 RNA viral load" },
      ],
    };
    // The content script asks with the request as detection built it; the background adds the cued kinds.
    await call("verdict", { request: treatment, action: cued }, contentScript(4));
    // The panel frame re-asks after "Not included": its request is taken as the clinician left it.
    await call("verdict", { request: { ...treatment, information: ["hiv"] }, action: cued }, panelFrame(5));
    await settle();
    const { entries } = await call("audit-list", {});
    expect(entries[0]?.setAside).toBeUndefined();
    expect(entries[0]?.outcome).toBe("authorization-required");
    expect(entries[1]?.setAside).toEqual(["psychotherapy-notes"]);
    expect(JSON.stringify(fake.local.data.get(AUDIT_KEY))).not.toMatch(/Psychotherapy note|14 Mar|RNA/);
  });
});

describe("the panel's ACO fact", () => {
  const inAcos: Settings = {
    ...defaultSettings(),
    profile: {
      ...defaultSettings().profile,
      organization: { name: "Riverbend Health", role: "provider" },
      acos: [
        {
          id: "A1",
          name: "Valley ACO",
          program: "mssp",
          participants: [{ name: "Lakeside Cardiology, PLLC", aliases: ["@direct.lakeside.example", "(555) 010-2345"] }],
        },
        { id: "B2", name: "Prairie ACO", participants: [{ name: "LAKESIDE CARDIOLOGY PLLC", aliases: ["@direct.lakeside.example"] }] },
      ],
    },
  };
  const direct: DetectedAction = {
    kind: "direct",
    label: "Send via Direct",
    origin: "https://ehr.example.org",
    recipient: { text: "referrals@direct.lakeside.example" },
  };
  const request = {
    purpose: "treatment",
    recipient: { type: "provider", name: "referrals@direct.lakeside.example", directAddress: "referrals@direct.lakeside.example" },
    information: ["general"],
  } as const;

  /** Opens a panel session as the content script does, then connects its frame and returns the state the frame is sent. */
  async function frameState(state: Record<string, unknown>) {
    const { bg, call } = setup({ stored: inAcos });
    const session = "abcdefghijklmnop1234";
    const nonce = "nonce-nonce-nonce-nonce";
    await call(
      "panel-open",
      { session, nonce, state: { action: direct, request, held: true, ...state } },
      contentScript(6, "https://ehr.example.org/direct", 2),
    );
    const posted: unknown[] = [];
    const listeners: ((m: unknown) => void)[] = [];
    const port = {
      name: `panel:${session}`,
      sender: { ...panelFrame(6), url: `chrome-extension://${ID}/src/content/frame/index.html#${session}`, frameId: 9 },
      postMessage: (m: unknown) => void posted.push(m),
      disconnect: () => undefined,
      onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
      onDisconnect: { addListener: () => undefined },
    };
    expect(await bg.onConnect(port as never)).toBe(true);
    for (const l of listeners) l({ type: "hello", nonce });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    return (posted[0] as { state: { aco?: unknown } }).state;
  }

  it("is worked out from the lists: every ACO the recipient is in, matched by the Direct domain", async () => {
    const verdict = evaluate(request, inAcos.profile);
    const state = await frameState({ verdict });
    expect(state.aco).toEqual({
      memberships: [
        {
          acoId: "A1",
          acoName: "Valley ACO",
          program: "mssp",
          participant: "Lakeside Cardiology, PLLC",
          key: { by: "direct-domain", value: "direct.lakeside.example" },
        },
        {
          acoId: "B2",
          acoName: "Prairie ACO",
          participant: "LAKESIDE CARDIOLOGY PLLC",
          key: { by: "direct-domain", value: "direct.lakeside.example" },
        },
      ],
    });
  });

  it("never takes one from the content script, and there is none without a verdict", async () => {
    const forged = { memberships: [{ acoId: "X", acoName: "Forged ACO", participant: "Anyone" }] };
    expect((await frameState({ aco: forged })).aco).toBeUndefined();
    const outside = evaluate({ ...request, recipient: { type: "provider", name: "Faraway Clinic" } }, inAcos.profile);
    expect((await frameState({ verdict: outside, aco: forged })).aco).toBeUndefined();
  });

  it("answers the panel's re-asks with the fact as well", async () => {
    const { call } = setup({ stored: inAcos });
    const { aco } = await call(
      "verdict",
      { request: { ...request, recipient: { type: "provider", fax: "555.010.2345" } }, action: direct },
      panelFrame(6),
    );
    expect(aco?.memberships).toEqual([
      {
        acoId: "A1",
        acoName: "Valley ACO",
        program: "mssp",
        participant: "Lakeside Cardiology, PLLC",
        key: { by: "fax", value: "555-010-2345" },
      },
    ]);
  });
});

describe("last action per tab", () => {
  it("shows a detected action on the badge and clears it when the tab navigates or closes", async () => {
    const { fake, bg, call } = setup();
    await call("action-detected", { action: referral }, contentScript(7));
    expect(fake.state.badges.get(7)).toEqual({ text: "•", color: "#1d4ed8" });
    expect((await call("last-action", { tabId: 7 }, popup)).last).toEqual({ action: referral });

    await bg.onTabUpdated(7, { status: "complete" });
    expect((await call("last-action", { tabId: 7 }, popup)).last).not.toBeNull();
    await bg.onTabUpdated(7, { status: "loading", url: "https://ehr.example.org/other" });
    expect((await call("last-action", { tabId: 7 }, popup)).last).toBeNull();
    expect(fake.state.badges.get(7)?.text).toBe("");

    await call("action-detected", { action: referral }, contentScript(8));
    await bg.onTabRemoved(8);
    expect((await call("last-action", { tabId: 8 }, popup)).last).toBeNull();
  });

  it("survives a service-worker restart through storage.session", async () => {
    const first = setup();
    await first.call("action-detected", { action: referral }, contentScript(3));
    const restarted = createBackground(first.fake.api, { evaluate, couldNotDecide });
    const reply = (await restarted.onMessage({ type: "last-action", payload: { tabId: 3 } }, popup)) as Reply<"last-action">;
    expect(reply).toEqual({ ok: true, data: { last: { action: referral } } });
  });

  it("keeps the kinds of the action's cues, not the text the page showed", async () => {
    const { fake, call } = setup();
    const cued: DetectedAction = {
      ...referral,
      cues: [{ kind: "psychotherapy-notes", source: "attached", text: "Psychotherapy note (14 Mar)" }],
    };
    await call("action-detected", { action: cued }, contentScript(3));
    expect((await call("last-action", { tabId: 3 }, popup)).last).toEqual({
      action: { ...referral, cues: [{ kind: "psychotherapy-notes", source: "attached" }] },
    });
    expect(JSON.stringify([...fake.session!.data.values()])).not.toMatch(/14 Mar/);
  });

  it("works from memory where storage.session is missing", async () => {
    const { call } = setup({ session: false });
    await call("action-detected", { action: referral }, contentScript(3));
    expect((await call("last-action", { tabId: 3 }, popup)).last).toEqual({ action: referral });
  });

  it("ignores action-detected from a sender without a tab", async () => {
    const { fake, bg } = setup();
    // A content script always has a tab; an extension page without one gets a reply but records nothing.
    expect(await bg.onMessage({ type: "action-detected", payload: { action: referral } }, options)).toEqual({ ok: true, data: {} });
    expect(fake.state.badges.size).toBe(0);
  });
});

describe("settings", () => {
  it("gives defaults, no lock and no notice on a fresh install", async () => {
    const { call } = setup();
    expect(await call("settings-get", {})).toEqual({ settings: defaultSettings(), locked: [], sitesNeedingGrant: [] });
  });

  it("repairs corrupted settings: defaults in use, backup kept, notice shown until the user saves", async () => {
    const { fake, call } = setup({ stored: { version: 1, profile: "###", mode: 12 } });
    const view = await call("settings-get", {});
    expect(view.settings).toEqual(defaultSettings());
    expect(view.notice).toMatch(/could not be read|damaged/);
    expect((fake.local.data.get(BACKUP_KEY) as { value: unknown }).value).toEqual({ version: 1, profile: "###", mode: 12 });

    const saved = await call("settings-save", { settings: { ...view.settings, mode: "advise" } });
    expect(saved.notice).toBeUndefined();
    expect(saved.settings.mode).toBe("advise");
    await settle();
    expect((await call("settings-get", {})).notice).toBeUndefined();
  });

  it("applies enforced admin fields, locks them, and keeps them on save", async () => {
    const { call } = setup({
      stored: reviewOutsideAco,
      managed: { mode: { value: "confirm-all", enforced: true }, state: { value: "TX", enforced: false } },
    });
    const view = await call("settings-get", {});
    expect(view.locked).toEqual(["mode"]);
    expect(view.settings.mode).toBe("confirm-all");
    expect(view.settings.profile.state).toBe("TX");
    expect(await call("content-config", {}, contentScript(1))).toEqual({ mode: "confirm-all" });

    const saved = await call("settings-save", {
      settings: { ...view.settings, mode: "off", profile: { ...view.settings.profile, state: "CA" } },
    });
    expect(saved.settings.mode).toBe("confirm-all");
    expect(saved.settings.profile.state).toBe("CA");
  });

  it("ignores an invalid admin field with a notice, and treats Firefox's missing policy as no policy", async () => {
    const bad = setup({ managed: { mode: { value: "whenever", enforced: true }, acos: { value: [], enforced: true } } });
    const view = await bad.call("settings-get", {});
    expect(view.locked).toEqual(["acos"]);
    expect(view.notice).toContain("mode");

    const firefox = setup({ managed: new Error("Managed storage manifest not found") });
    expect(await firefox.call("settings-get", {})).toEqual({ settings: defaultSettings(), locked: [], sitesNeedingGrant: [] });
  });

  it("picks up a policy change without a restart", async () => {
    const { fake, call } = setup();
    expect((await call("settings-get", {})).settings.mode).toBe("confirm-risky");
    fake.state.managed = { mode: { value: "advise", enforced: true } };
    fake.onChanged.emit({ mode: { newValue: { value: "advise", enforced: true } } }, "managed");
    expect((await call("settings-get", {})).settings.mode).toBe("advise");
  });

  it("lists admin sites that still lack the host permission", async () => {
    const { call } = setup({
      granted: ["https://ehr.example.org/*"],
      managed: { sites: { value: ["https://ehr.example.org/*", "https://labs.example.org/*"], enforced: true } },
    });
    expect((await call("settings-get", {})).sitesNeedingGrant).toEqual(["https://labs.example.org/*"]);
  });

  it("rejects settings that fail the schema without changing anything", async () => {
    const { fake, bg } = setup({ stored: reviewOutsideAco });
    const reply = await bg.onMessage({ type: "settings-save", payload: { settings: { ...reviewOutsideAco, mode: "loud" } } }, options);
    expect(reply).toMatchObject({ ok: false });
    expect(fake.local.data.get(SETTINGS_KEY)).toEqual(reviewOutsideAco);
  });
});

describe("site registration", () => {
  it("registers the content script for granted watched sites and the manifest's own hosts only", async () => {
    const { fake, call } = setup({
      hostPermissions: ["http://localhost/*"],
      granted: ["http://localhost/*", "https://ehr.example.org/*", "https://forgotten.example.org/*"],
      stored: { ...defaultSettings(), sites: ["https://ehr.example.org/*", "https://not-yet-granted.example.org/*"] },
    });
    expect(await call("sites-sync", {})).toEqual({ granted: ["https://ehr.example.org/*", "http://localhost/*"] });
    expect(fake.state.registered).toEqual([
      {
        id: CONTENT_SCRIPT_ID,
        js: ["content.js"],
        matches: ["https://ehr.example.org/*", "http://localhost/*"],
        allFrames: true,
        matchOriginAsFallback: true,
        runAt: "document_start",
      },
    ]);
  });

  it("re-registers when the sites change and unregisters when nothing is left", async () => {
    const { fake, call } = setup({
      granted: ["https://ehr.example.org/*"],
      stored: { ...defaultSettings(), sites: ["https://ehr.example.org/*"] },
    });
    await call("sites-sync", {});
    expect(fake.state.registered).toHaveLength(1);
    const view = await call("settings-get", {});
    await call("settings-save", { settings: { ...view.settings, sites: [] } });
    await settle();
    expect(fake.state.registered).toEqual([]);
  });

  it("serialises concurrent syncs instead of failing on a duplicate id", async () => {
    const { fake, call } = setup({
      granted: ["https://ehr.example.org/*"],
      stored: { ...defaultSettings(), sites: ["https://ehr.example.org/*"] },
    });
    await Promise.all([call("sites-sync", {}), call("sites-sync", {}), call("sites-sync", {})]);
    expect(fake.state.registered).toHaveLength(1);
  });
});

describe("scan-tab", () => {
  it("injects the content script only where no live copy runs, scans every frame with the scan part and returns the validated actions", async () => {
    const { fake, call } = setup();
    const fax: DetectedAction = { kind: "fax", label: "Fax chart", origin: "https://ehr.example.org" };
    const frames = [
      { frameId: 0, live: true, actions: () => [referral, { kind: "delete", label: "x", origin: "y" }] },
      { frameId: 3, actions: () => [fax, referral] },
      { frameId: 5, world: { __sharecheckLive: () => false } }, // a copy an update left behind, no longer running
    ];
    fake.state.frames.set(9, frames);
    const { actions } = await call("scan-tab", { tabId: 9 }, popup);
    expect(fake.state.injectedFiles).toEqual([
      { tabId: 9, frameId: 3, files: ["content.js"] },
      { tabId: 9, frameId: 5, files: ["content.js"] },
      { tabId: 9, frameId: 0, files: ["content-scan.js"] },
      { tabId: 9, frameId: 3, files: ["content-scan.js"] },
      { tabId: 9, frameId: 5, files: ["content-scan.js"] },
    ]);
    expect(actions).toEqual([referral, fax]);
    // What each frame found is taken, not left in its world.
    expect(frames.map((frame) => "__sharecheckScanResult" in (frame.world ?? {}))).toEqual([false, false, false]);
  });

  it("says plainly when the page cannot be checked", async () => {
    const { fake, bg } = setup();
    fake.state.restricted.add(2);
    const reply = (await bg.onMessage({ type: "scan-tab", payload: { tabId: 2 } }, popup)) as Reply<"scan-tab">;
    expect(reply).toEqual({ ok: false, error: expect.stringContaining("cannot check this page") });
  });

  it("cannot be asked for by a web page", async () => {
    const { bg } = setup();
    const reply = await bg.onMessage({ type: "scan-tab", payload: { tabId: 2 } }, contentScript(2));
    expect(reply).toMatchObject({ ok: false });
  });
});

describe.each([
  ["panel-part", "content-panel.js"],
  ["warm-part", "content-warm.js"],
  ["reader-part", "content-reader.js"],
] as const)("%s", (type, file) => {
  it("injects the part into the asking frame only", async () => {
    const { fake, call } = setup();
    fake.state.frames.set(4, [{ frameId: 0 }, { frameId: 7 }, { frameId: 8 }]);
    await call(type, {}, contentScript(4, "https://ehr.example.org/chart", 7));
    expect(fake.state.injectedFiles).toEqual([{ tabId: 4, frameId: 7, files: [file] }]);
  });

  it("fails, injecting nothing, for a sender that is no frame of a tab or where the page cannot be reached", async () => {
    const { fake, bg } = setup();
    fake.state.restricted.add(5);
    expect(await bg.onMessage({ type, payload: {} }, popup)).toMatchObject({ ok: false });
    expect(await bg.onMessage({ type, payload: {} }, contentScript(5))).toMatchObject({ ok: false });
    expect(fake.state.injectedFiles).toEqual([]);
  });
});

describe("content-config", () => {
  it("gives the content script the mode and indexes the profile ahead of the first click", async () => {
    const seen: unknown[] = [];
    const { call } = setup({
      stored: reviewOutsideAco,
      core: {
        evaluate: (request, profile) => {
          seen.push(profile);
          return evaluate(request, profile);
        },
        couldNotDecide,
      },
    });
    expect(await call("content-config", {}, contentScript(1))).toEqual({ mode: "confirm-risky" });
    await settle();
    expect(seen).toEqual([reviewOutsideAco.profile]);
  });
});

describe("startup", () => {
  it("does no storage I/O until a message or event needs it", () => {
    const fake = createFakeBrowser({ id: ID });
    const get = vi.spyOn(fake.local, "get");
    createBackground(fake.api, { evaluate, couldNotDecide });
    expect(get).not.toHaveBeenCalled();
  });
});
