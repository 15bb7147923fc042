// @vitest-environment happy-dom
// Each way a record leaves, held at the moment of the clinician's action and replayed exactly once, and
// controls that change under the cache, classified live. The verdict is "allowed" and comes after the
// hold, so the hold is released without a panel (the panel is proved in real browsers, test/e2e).
// happy-dom dispatches untrusted events only: a capture listener installed before the interceptor's
// marks the test's own events as the browser marks a person's (isTrusted); replays stay untrusted.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Verdict } from "../core/schema.ts";
import { createDetector } from "../detect/detector.ts";

import { provideFieldMeaning } from "../detect/field-meaning.ts";
import { pageReader } from "../detect/reader.ts";
vi.mock("./extension.ts", () => ({
  browser: {
    runtime: { id: "test", sendMessage: async () => ({ ok: true, data: {} }), getURL: (path: string) => `chrome-extension://test/${path}` },
  },
}));

const { startInterceptor } = await import("./interceptor.ts");
const { createLifetime } = await import("./lifetime.ts");
const { createVerdictCache } = await import("./verdict-cache.ts");
const { listenEarly } = await import("./early-events.ts");
const { panelPart } = await import("./panel-part.ts");
const { PANEL_TAG } = await import("../detect/dom.ts");
const { describeControl } = await import("./describe.ts");
const { createPressRead } = await import("./press-read.ts");
const { createReaderLoader, READER_PART_HOOK } = await import("./reader-loader.ts");
type ReaderLoader = import("./reader-loader.ts").ReaderLoader;

const ALLOWED = { outcome: "allowed", headline: "Allowed for treatment" } as unknown as Verdict;
let person = false;
const markTrusted = (event: Event) => {
  if (person) Object.defineProperty(event, "isTrusted", { get: () => true });
};
const TYPES = ["click", "submit", "keydown", "keyup"];
for (const type of TYPES) window.addEventListener(type, markTrusted, { capture: true });

/** Runs `fn` as the person: the events it dispatches are trusted. */
function asPerson(fn: () => void) {
  person = true;
  try {
    fn();
  } finally {
    person = false;
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

type Mode = "off" | "advise" | "confirm-risky" | "confirm-all";
/** The mode the interceptor reads, per test: known from the start unless a test says otherwise. */
let mode: { current(): Mode; settled(): Promise<Mode> };
let lifetime: ReturnType<typeof createLifetime>;
let answers: Array<(verdict: Verdict) => void>;
let cache: ReturnType<typeof createVerdictCache>;
let pressRead: ReturnType<typeof createPressRead>;
/** The facts each verdict was asked for. */
let asked: Array<import("./describe.ts").ActionFacts>;
/** Recipient reads made (the costly part of reading a control). */
let reads = 0;
/** The reader the detector reads with: whole from the start, unless a test makes it come late (reader-loader.ts). */
let late: ReaderLoader | undefined;
/** A page that breaks reading the record's cues (cues.ts throws whatever the page throws). */
let cuesBreak = false;
const base = createDetector({
  readRecipient: (control, deadline) => (late ?? pageReader).readRecipient(control, deadline),
  readCues: (control, deadline) => {
    if (cuesBreak) throw new Error("hostile");
    return (late ?? pageReader).readCues(control, deadline);
  },
});
const detector = {
  ...base,
  readRecipient: (control: Element, deadline?: number) => {
    reads++;
    return base.readRecipient(control, deadline);
  },
};

beforeEach(() => {
  loadPanelPart = async () => panelPart;
  answers = [];
  asked = [];
  reads = 0;
  mode = { current: () => "confirm-risky", settled: async () => "confirm-risky" };
  lifetime = createLifetime(undefined, () => true);
  cache = createVerdictCache(async () => ALLOWED);
  pressRead = createPressRead(document, lifetime);
  startInterceptor({
    detector,
    reader: { load: async () => late?.load(), ready: () => late?.ready() ?? true },
    events: listenEarly(window, lifetime.signal, () => undefined),
    lifetime,
    mode: { current: () => mode.current(), settled: () => mode.settled() },
    cache,
    ask: (facts) => {
      asked.push(facts);
      return new Promise<Verdict>((resolve) => answers.push(resolve));
    },
    panelPart: () => loadPanelPart(),
    pressRead,
  });
});
afterEach(() => {
  late = undefined;
  provideFieldMeaning(pageReader.fieldMeaning);
  cuesBreak = false;
  lifetime.end();
  document.body.innerHTML = "";
});

/** The panel part as the background injects it; a test may make it fail to load. */
let loadPanelPart: () => Promise<typeof panelPart>;

/** Lets the held action's verdict arrive: allowed, so the hold is released by a replay. */
async function answerAllowed() {
  await settle();
  expect(answers.length).toBe(1);
  answers.shift()!(ALLOWED);
  await settle();
}

const key = (target: Element, init: KeyboardEventInit) => {
  target.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, composed: true, ...init }));
  target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, cancelable: true, composed: true, ...init }));
};

describe("an action activated before the reader has come (the page's first press)", () => {
  /** A reader whose part the test injects, or fails to, when it says. */
  function lateReader(): { inject(): void; fail(): void } {
    let settle!: { inject(): void; fail(): void };
    late = createReaderLoader(
      () =>
        new Promise<void>((resolve, reject) => {
          settle = {
            inject: () => {
              (globalThis as Record<string, unknown>)[READER_PART_HOOK] = pageReader;
              resolve();
            },
            fail: () => reject(new Error("the reader could not be injected")),
          };
        }),
    );
    void late.load().catch(() => undefined);
    // As in content.js: what labels say of a field comes with the reader (field-meaning.ts).
    provideFieldMeaning(undefined);
    return { inject: () => settle.inject(), fail: () => settle.fail() };
  }

  /** Renders `html` and presses its `id` as a person would: how many clicks the page's own handler has seen. */
  function press(html: string, id: string): () => number {
    document.body.innerHTML = html;
    let clicks = 0;
    document.getElementById(id)!.addEventListener("click", () => clicks++);
    asPerson(() => document.getElementById(id)!.click());
    return () => clicks;
  }

  it("a generic Send among fields is held until they can be read, then goes the way they say", async () => {
    const part = lateReader();
    const clicks = press(
      `<form><label>Fax number <input value="(555) 010-4455"></label><button type="button" id="send">Send</button></form>`,
      "send",
    );
    await settle();
    expect(clicks()).toBe(0);
    expect(asked).toHaveLength(0);
    part.inject();
    await answerAllowed();
    expect(asked[0]!.action.kind).toBe("fax");
    expect(clicks()).toBe(1);
  });

  it("is held, asked about only once read, and completes once when allowed", async () => {
    const part = lateReader();
    const clicks = press(`<label>Refer to <input value="Dr. Ruiz"></label><button id="send">Send referral</button>`, "send");
    await settle();
    expect(clicks()).toBe(0);
    expect(asked).toHaveLength(0);
    part.inject();
    await answerAllowed();
    expect(asked[0]!.request.recipient?.name).toBe("Dr. Ruiz");
    expect(clicks()).toBe(1);
  });

  it("stays held, asked about never, when the reader cannot be loaded: the clinician is told it could not be decided", async () => {
    const part = lateReader();
    const clicks = press(`<label>Refer to <input value="Dr. Ruiz"></label><button id="send">Send referral</button>`, "send");
    part.fail();
    await settle();
    await settle();
    expect(asked).toHaveLength(0);
    expect(clicks()).toBe(0);
    expect(document.querySelector(PANEL_TAG)).not.toBeNull();
  });

  it.each([
    ["the opener of a chooser", `<div class="doc"><span>Progress Note 03/12/2025</span><button id="it">Fax</button></div>`],
    [
      "a generic OK among fields that are nobody's",
      `<form><label>Display name <input value="Alex"></label><button type="button" id="it">OK</button></form>`,
    ],
  ])("goes on at once, unasked, when it reads as no send after all: %s", async (_, html) => {
    const part = lateReader();
    const clicks = press(html, "it");
    await settle();
    expect(clicks()).toBe(0);
    part.inject();
    await settle();
    expect(clicks()).toBe(1);
    expect(asked).toHaveLength(0);
  });
});

describe("a page that breaks the reading: held, never asked, the clinician told it could not be decided", () => {
  it("what the record holds could not be read (half a reading may miss a psychotherapy note)", async () => {
    cuesBreak = true;
    document.body.innerHTML = `<label>Refer to <input value="Dr. Ruiz"></label><button id="send">Send referral</button>`;
    let clicks = 0;
    document.getElementById("send")!.addEventListener("click", () => clicks++);
    asPerson(() => document.getElementById("send")!.click());
    await settle();
    await settle();
    expect(asked).toHaveLength(0);
    expect(clicks).toBe(0);
    expect(document.querySelector(PANEL_TAG)).not.toBeNull();
  });
});

describe("activation paths, each held and replayed exactly once", () => {
  it("an allowed verdict whose replay cannot be loaded: nothing is sent, the clinician sees Try again", async () => {
    loadPanelPart = async () => {
      throw new Error("ShareCheck's panel part could not be loaded");
    };
    document.body.innerHTML = `<label>Refer to <input value="Dr. Ruiz"></label><button id="send">Send referral</button>`;
    let clicks = 0;
    document.getElementById("send")!.addEventListener("click", () => clicks++);
    asPerson(() => document.getElementById("send")!.click());
    await answerAllowed();
    expect(clicks).toBe(0);
    const buttons = [...(document.querySelector(PANEL_TAG)?.shadowRoot?.querySelectorAll("button") ?? [])];
    expect(buttons.map((b) => b.textContent)).toHaveLength(2);
  });

  it("a click on a send button", async () => {
    document.body.innerHTML = `<label>Refer to <input value="Dr. Ruiz"></label><button id="send"><span id="label">Send referral</span></button>`;
    let clicks = 0;
    document.getElementById("send")!.addEventListener("click", () => clicks++);
    asPerson(() =>
      document.getElementById("label")!.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, composed: true })),
    );
    expect(clicks).toBe(0);
    await answerAllowed();
    expect(clicks).toBe(1);
  });

  it("Enter on a role=button: keydown and keyup held together, both replayed once", async () => {
    document.body.innerHTML = `<label>Fax number <input value="(555) 010-0100"></label><div role="button" tabindex="0" id="fax">Fax chart</div>`;
    const fax = document.getElementById("fax")!;
    const seen: string[] = [];
    fax.addEventListener("keydown", (e) => seen.push(`down:${e.key}`));
    fax.addEventListener("keyup", (e) => seen.push(`up:${e.key}`));
    asPerson(() => key(fax, { key: "Enter", code: "Enter" }));
    expect(seen).toEqual([]);
    await answerAllowed();
    expect(seen).toEqual(["down:Enter", "up:Enter"]);
  });

  // Keys the page's own handler acts on: held with nothing happening, then replayed once to that handler.
  it.each([
    {
      name: "Space on a role=button whose page acts on keyup",
      html: `<label>To <input value="Dr. Ruiz"></label><span role="button" tabindex="0" id="go">Share record</span>`,
      on: "keyup",
      key: { key: " ", code: "Space" },
    },
    {
      name: "Space on a link made a button (jQuery UI's <a href role=button>), which a link does not click on",
      html: `<div role="dialog" aria-label="Fax document"><label>Fax number <input value="(555) 013-8821"></label><a href="#" role="button" tabindex="0" id="go">Send</a></div>`,
      on: "keydown",
      key: { key: " ", code: "Space" },
    },
    {
      name: "Enter in a chat's one-line message box with no send button",
      html: `<div><h3>Secure Conversations</h3><small>Participants: Lena Ortiz, MD — Oakridge Medical Group</small><input id="go" aria-label="Type a message" value="Weight down 1.2 kg"></div>`,
      on: "keydown",
      key: { key: "Enter", code: "Enter" },
    },
  ] as const)("$name: nothing happens while held, once after", async ({ html, on, key: init }) => {
    document.body.innerHTML = html;
    const go = document.getElementById("go")!;
    let acted = 0;
    go.addEventListener(on, (e) => {
      if ((e as KeyboardEvent).key === init.key) acted++;
    });
    asPerson(() => key(go, init));
    expect(acted).toBe(0);
    await answerAllowed();
    expect(acted).toBe(1);
  });

  it("Ctrl+Enter in a messaging composer's textarea: the page's shortcut sends once, after the hold", async () => {
    document.body.innerHTML = `<div class="composer"><label>To <input value="cardiology@direct.lakeside.example"></label><textarea id="body">Echo attached</textarea><button id="send">Send via Direct</button></div>`;
    const body = document.getElementById("body")!;
    let sent = 0;
    body.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) sent++;
    });
    asPerson(() => key(body, { key: "Enter", code: "Enter", ctrlKey: true }));
    expect(sent).toBe(0);
    await answerAllowed();
    expect(sent).toBe(1);
  });

  it("a page handler's form.requestSubmit() in response to the person: the submit is held, then submitted once with its submitter", async () => {
    document.body.innerHTML = `<form id="f"><label>Fax number <input name="fax" value="555-0100"></label><button id="go">Fax chart</button></form><div id="icon" class="send-icon"></div>`;
    const form = document.getElementById("f") as HTMLFormElement;
    const submits: Array<string | null> = [];
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      submits.push((e as SubmitEvent).submitter?.id ?? null);
    });
    // happy-dom gives requestSubmit() with no argument the form as its submitter (browsers: null, then the
    // default button is the action; test/e2e/content-paths.test.ts): here the handler names its button.
    document.getElementById("icon")!.addEventListener("click", () => form.requestSubmit(document.getElementById("go")));
    asPerson(() => document.getElementById("icon")!.dispatchEvent(new MouseEvent("click", { bubbles: true })));
    expect(submits).toEqual([]);
    await answerAllowed();
    expect(submits).toEqual(["go"]);
  });
});

describe("the read made at the press, used by the click on the same target while the page has not changed", () => {
  const page = () => {
    document.body.innerHTML = `<form><label>Fax number <input id="to" value="(555) 010-2345"></label><button id="b" type="button">Fax chart</button></form>`;
    return document.getElementById("b")!;
  };
  const press = (button: Element) => {
    pressRead.remember(button, { element: button, classification: detector.classify(button)!, facts: describeControl(detector, button)! });
    reads = 0;
  };
  const click = (button: Element) => asPerson(() => button.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));

  it("is not read again", async () => {
    const button = page();
    press(button);
    click(button);
    await answerAllowed();
    expect(reads).toBe(0);
    expect(asked[0]?.request.recipient?.fax).toBe("(555) 010-2345");
  });

  it("is read again, live, once the page has changed since the press", async () => {
    const button = page();
    press(button);
    document.getElementById("to")!.setAttribute("value", "(555) 010-9999");
    click(button);
    await answerAllowed();
    expect(reads).toBe(1);
    expect(asked[0]?.request.recipient?.fax).toBe("(555) 010-9999");
  });
});

describe("controls that change: classified live at the moment of the action", () => {
  it("a button that said 'Verifying…' and now says 'Send referral' is held as a referral", async () => {
    document.body.innerHTML = `<label>Refer to <input value="Dr. Ruiz"></label><button id="b" disabled>Verifying…</button>`;
    const button = document.getElementById("b") as HTMLButtonElement;
    let clicks = 0;
    button.addEventListener("click", () => clicks++);
    button.textContent = "Send referral";
    button.disabled = false;
    asPerson(() => button.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
    expect(clicks).toBe(0);
    await answerAllowed();
    expect(clicks).toBe(1);
  });

  it("the cache never answers with what a control used to be: an allowed verdict for its old text does not let the new action through", async () => {
    document.body.innerHTML = `<label>Refer to <input value="Dr. Ruiz"></label><button id="b">Send referral</button>`;
    const button = document.getElementById("b")!;
    const before = describeControl(detector, button)!;
    cache.put(before.key, ALLOWED);
    let clicks = 0;
    button.addEventListener("click", () => clicks++);
    // Unchanged, the cached "allowed" lets the click through at once, not held.
    asPerson(() => button.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
    expect(clicks).toBe(1);
    await settle();
    expect(answers.length).toBe(0);
    // Renamed in place: a different action, asked afresh and held meanwhile.
    button.textContent = "Fax chart";
    asPerson(() => button.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
    expect(clicks).toBe(1);
    await answerAllowed();
    expect(clicks).toBe(2);
  });

  it("a control replaced by an identical fresh node on re-render: the new node is held and replayed once", async () => {
    document.body.innerHTML = `<label>To <input value="cardiology@direct.lakeside.example"></label><div id="app"><button class="send">Send via Direct</button></div>`;
    const app = document.getElementById("app")!;
    let clicks = 0;
    const render = () => {
      app.innerHTML = `<button class="send">Send via Direct</button>`;
      app.querySelector("button")!.addEventListener("click", () => clicks++);
    };
    render();
    const old = app.querySelector("button")!;
    render(); // the framework re-rendered between the pointer going down and the click
    expect(old.isConnected).toBe(false);
    asPerson(() => app.querySelector("button")!.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
    expect(clicks).toBe(0);
    await answerAllowed();
    expect(clicks).toBe(1);
  });

  it("a control inserted after load is found at the click, with no scan before", async () => {
    document.body.innerHTML = `<main id="m"><label>To <input value="Dr. Ruiz"></label></main>`;
    let clicks = 0;
    const late = Object.assign(document.createElement("button"), { textContent: "Share record" });
    late.addEventListener("click", () => clicks++);
    document.getElementById("m")!.append(late);
    asPerson(() => late.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
    expect(clicks).toBe(0);
    await answerAllowed();
    expect(clicks).toBe(1);
  });

  it("a look-alike is never held (Save draft beside Send)", async () => {
    document.body.innerHTML = `<form><button type="button" id="draft">Save draft</button><button>Send referral</button></form>`;
    let clicks = 0;
    document.getElementById("draft")!.addEventListener("click", () => clicks++);
    asPerson(() => document.getElementById("draft")!.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
    expect(clicks).toBe(1);
    await settle();
    expect(answers.length).toBe(0);
  });
});

describe("a re-render while the verdict is on its way", () => {
  it("the hold moves to the fresh node: the panel is for it, and a second click on it does not start a second check", async () => {
    document.body.innerHTML = `<label>To <input value="Dr. Ruiz"></label><div id="app"></div>`;
    const app = document.getElementById("app")!;
    const render = () => {
      app.innerHTML = `<button class="send">Share record</button>`;
    };
    const click = () =>
      asPerson(() => app.querySelector("button")!.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
    render();
    click();
    render(); // the framework re-rendered while the verdict was asked for
    await settle();
    answers.shift()!({ outcome: "needs-review", headline: "Check the recipient" } as unknown as Verdict);
    await settle();
    expect(document.querySelector<HTMLElement>("sharecheck-verdict")?.dataset.held).toBe("true");
    click();
    await settle();
    expect(answers).toHaveLength(0);
  });
});

describe("a click before the interception mode is known (asked for when the script starts, at that click)", () => {
  const REVIEW = { outcome: "needs-review", headline: "Check with your privacy officer" } as unknown as Verdict;

  for (const known of ["off", "advise"] as const) {
    it(`is held under the default, then goes at once when the mode turns out "${known}", which never holds`, async () => {
      let answerMode!: (mode: Mode) => void;
      const first = new Promise<Mode>((resolve) => (answerMode = resolve));
      let current: Mode = "confirm-risky";
      mode = { current: () => current, settled: () => first };
      document.body.innerHTML = `<label>Fax number <input value="(555) 010-0100"></label><button id="fax">Fax chart</button>`;
      let clicks = 0;
      document.getElementById("fax")!.addEventListener("click", () => clicks++);
      asPerson(() =>
        document.getElementById("fax")!.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, composed: true })),
      );
      expect(clicks).toBe(0);
      await settle();
      answers.shift()!(REVIEW);
      await settle();
      expect(clicks).toBe(0); // the verdict alone does not release it: the mode decides
      current = known;
      answerMode(known);
      await settle();
      expect(clicks).toBe(1);
      const shown = [...document.querySelectorAll("*")].filter((el) => el.localName.startsWith("sharecheck"));
      if (known === "off") expect(shown).toEqual([]);
    });
  }

  it("stays held when the mode turns out to hold (confirm-risky), and a risky verdict keeps it held", async () => {
    let answerMode!: (mode: Mode) => void;
    const first = new Promise<Mode>((resolve) => (answerMode = resolve));
    mode = { current: () => "confirm-risky", settled: () => first };
    document.body.innerHTML = `<label>Fax number <input value="(555) 010-0100"></label><button id="fax">Fax chart</button>`;
    let clicks = 0;
    document.getElementById("fax")!.addEventListener("click", () => clicks++);
    asPerson(() =>
      document.getElementById("fax")!.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, composed: true })),
    );
    await settle();
    answers.shift()!(REVIEW);
    answerMode("confirm-risky");
    await settle();
    expect(clicks).toBe(0);
  });
});
