/**
 * Driving the inline verdict the same way in Chromium (playwright-core) and Firefox (puppeteer-core): find a
 * control (in a same-origin iframe or an open shadow root too), read the `<sharecheck-verdict>` host's contract
 * attributes, reach the panel's extension-origin frame (for axe, and to find where Proceed and Cancel are), and
 * click those with the mouse.
 */
import assert from "node:assert/strict";
import { OUTCOMES } from "../../src/core/schema.ts";
import { launchChromium, launchFirefox, missingBrowser, step, waitUntil } from "./harness/index.ts";

/** What both playwright-core and puppeteer-core pages and frames offer, as far as these tests use it. */
export interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate(expression: string): Promise<unknown>;
}
export interface Tab extends Evaluator {
  url(): string;
  mouse: { click(x: number, y: number): Promise<void> };
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
  frames(): Evaluator[];
  close(): Promise<void>;
}

/** One browser with the extension (the demo build), as the inline-verdict suites drive it. */
export interface PanelBrowser<T extends Tab = Tab> {
  newPage(url: string): Promise<T>;
  /** Any extension page, to talk to the background as the options page would. */
  extensionPage(): Promise<Tab>;
  close(): Promise<void>;
}

/** Chromium and Firefox for a suite: the name its title starts with, why it is skipped (browser missing), its launch. */
export function panelBrowsers<T extends Tab = Tab>(): Array<{
  name: string;
  skip: string | false;
  launch: () => Promise<PanelBrowser<T>>;
}> {
  return [
    {
      name: "Chromium",
      skip: missingBrowser("chromium"),
      launch: async () => {
        const chrome = await launchChromium();
        return {
          newPage: async (url) => (await chrome.newPage(url)) as unknown as T,
          extensionPage: async () => (await chrome.openPopup()) as unknown as Tab,
          close: () => chrome.close(),
        };
      },
    },
    {
      name: "Firefox",
      skip: missingBrowser("firefox"),
      launch: async () => {
        const firefox = await launchFirefox();
        return {
          newPage: async (url) => (await firefox.newPage(url)) as unknown as T,
          extensionPage: async () => (await firefox.openPopup()) as unknown as Tab,
          close: () => firefox.close(),
        };
      },
    },
  ];
}

/**
 * Where a control is: optionally inside same-origin iframes (`frames`, outermost first, for frames inside
 * frames; `frame` for one) and/or an open shadow root.
 */
export type Target = { selector: string; text?: string; frame?: string; frames?: string[]; shadowHost?: string };
/** The same-origin frames a panel is in, outermost first: one frame's selector, a path of them, or null for the top document. */
export type FramePath = string | readonly string[] | null;
export type HostInfo = {
  outcome?: string;
  action?: string;
  recipient?: string;
  held?: string;
  /** The id of the open <dialog> the host sits in, if any. */
  dialog?: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
};

/**
 * The centre of a control in top-page coordinates, scrolled into view, and with `focus` focused (runs in the
 * page; no inner named functions: the test runner's transform would name them with a helper the page lacks).
 */
export function locate(target: Target & { focus?: boolean }): { x: number; y: number } | null {
  const path = target.frames ?? (target.frame ? [target.frame] : []);
  let doc: Document = document;
  for (const selector of path) {
    const frame = doc.querySelector<HTMLIFrameElement>(selector);
    if (!frame?.contentDocument) return null;
    frame.scrollIntoView({ block: "center" });
    doc = frame.contentDocument;
  }
  const root: ParentNode | null | undefined = target.shadowHost ? doc.querySelector(target.shadowHost)?.shadowRoot : doc;
  const el = Array.from(root?.querySelectorAll<HTMLElement>(target.selector) ?? []).find(
    (e) => !target.text || e.textContent?.trim() === target.text,
  );
  if (!el || el.getClientRects().length === 0) return null;
  el.scrollIntoView({ block: "center" });
  if (target.focus) el.focus();
  // The frames' places once everything has scrolled.
  let dx = 0;
  let dy = 0;
  doc = document;
  for (const selector of path) {
    const frame = doc.querySelector<HTMLIFrameElement>(selector)!;
    const box = frame.getBoundingClientRect();
    dx += box.left + frame.clientLeft;
    dy += box.top + frame.clientTop;
    doc = frame.contentDocument!;
  }
  const r = el.getBoundingClientRect();
  return { x: dx + r.left + r.width / 2, y: dy + r.top + r.height / 2 };
}

/** The panel host's contract attributes and box (top-page coordinates), in the top document or the innermost frame of `frames`. */
export function hostInfo(frames: FramePath): HostInfo | null {
  const path = frames === null ? [] : typeof frames === "string" ? [frames] : frames;
  let doc: Document = document;
  let dx = 0;
  let dy = 0;
  for (const selector of path) {
    const frame = doc.querySelector<HTMLIFrameElement>(selector);
    if (!frame?.contentDocument) return null;
    const box = frame.getBoundingClientRect();
    dx += box.left + frame.clientLeft;
    dy += box.top + frame.clientTop;
    doc = frame.contentDocument;
  }
  // Our <sharecheck-verdict>, or the <div data-sharecheck-host> used when the page took that element name; in an open
  // shadow root too, where a send's modal <dialog> is (the panel goes inside it: the rest of the page is inert).
  // No nested function: the page gets this one's source, without the name helpers tsx gives nested ones.
  const HOST = "sharecheck-verdict, [data-sharecheck-host]";
  let host = doc.querySelector<HTMLElement>(HOST);
  for (const roots: Array<Document | ShadowRoot> = [doc]; !host && roots.length > 0; ) {
    const root = roots.pop()!;
    host = root.querySelector<HTMLElement>(HOST);
    for (const el of Array.from(root.querySelectorAll("*")).slice(0, 5_000))
      if (el.shadowRoot && !el.matches(HOST)) roots.push(el.shadowRoot);
  }
  if (!host?.shadowRoot?.querySelector("iframe")) return null;
  const r = host.getBoundingClientRect();
  const { outcome, action, recipient, held } = host.dataset;
  const dialog = host.closest("dialog[open]")?.id;
  return { outcome, action, recipient, held, dialog, left: dx + r.left, top: dy + r.top, right: dx + r.right, bottom: dy + r.bottom };
}

/**
 * Whether the browser dropped the last click in the top document or the innermost frame of `frames`: the
 * pressed node was replaced before the release, so no click event follows (Chromium and Firefox alike; checked
 * with a page that replaces the button on mousedown). The page loses such a click with or without ShareCheck,
 * and a clinician presses again. The first call starts watching presses and answers false (runs in the page).
 */
export function clickDropped(frames: FramePath): boolean {
  let win: Window & { press?: { down: EventTarget | null; up: EventTarget | null } | null } = window;
  for (const selector of frames === null ? [] : typeof frames === "string" ? [frames] : frames)
    win = win.document.querySelector<HTMLIFrameElement>(selector)!.contentWindow!;
  if (win.press === undefined) {
    win.press = null;
    win.addEventListener("mousedown", (event) => (win.press = { down: event.target, up: null }), true);
    win.addEventListener("mouseup", (event) => win.press && (win.press.up = event.target), true);
  }
  return Boolean(win.press && win.press.down !== win.press.up);
}

/** The host's data-held, or "" when there is no host (runs in the page). */
export const heldAttr = (): string => document.querySelector<HTMLElement>("sharecheck-verdict")?.dataset.held ?? "";
export const anyHost = (): boolean => document.querySelector("sharecheck-verdict") !== null;
/** Focuses an element as a keyboard user's Tab would land on it (runs in the page). */
export const focus = (selector: string): boolean => {
  const el = document.querySelector<HTMLElement>(selector);
  el?.focus();
  return document.activeElement === el;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The panel frame needs its state, Chrome's visibility observer its 100 ms, and Proceed counts only after 500 ms open. */
export const SETTLE_MS = 1200;

/** The page loaded and the content script running in it, its verdicts asked ahead. */
export async function openWatched(newPage: (url: string) => Promise<Tab>, url: string): Promise<Tab> {
  const opened = step(`opening ${url}`);
  const page = await newPage(url);
  opened();
  await waitUntil(() => page.evaluate(() => document.documentElement.dataset.sharecheck, undefined), "the content script");
  await sleep(500);
  return page;
}

export async function clickControl(page: Tab, target: Target): Promise<void> {
  const what = target.text ?? target.selector;
  const at = await waitUntil(() => page.evaluate(locate, target), `${what} on the page`);
  const clicked = step(`clicking ${what}`);
  await page.mouse.click(at.x, at.y);
  clicked();
}

/** Waits for the panel (with its frame) and for it to settle; checks data-outcome is a verdict outcome. */
export async function panel(page: Tab, frame: FramePath = null): Promise<HostInfo> {
  await waitUntil(() => page.evaluate(hostInfo, frame), "the ShareCheck panel");
  await sleep(SETTLE_MS);
  const info = await waitUntil(() => page.evaluate(hostInfo, frame), "the ShareCheck panel to stay");
  assert.ok((OUTCOMES as readonly string[]).includes(info.outcome ?? ""), `data-outcome "${info.outcome}" is a verdict outcome`);
  return info;
}

/**
 * Clicks Proceed or Cancel with the mouse (a trusted click, as the clinician's): the button's place is read
 * in the panel's own frame and offset by the host's box (and the frame's 1px border), both read just before.
 */
export async function decide(
  page: Tab,
  which: "proceed" | "cancel",
  frame: FramePath = null,
  { evenIfWaiting = false } = {},
): Promise<void> {
  const panelDoc = await panelFrame(page);
  const name = which === "proceed" ? "Proceed" : "Cancel";
  const button = await waitUntil(
    () =>
      panelDoc.evaluate(
        ({ prefix, anyState }: { prefix: string; anyState: boolean }) => {
          const el = Array.from(document.querySelectorAll("button")).find((b) => (b.textContent ?? "").trim().startsWith(prefix));
          // Proceed is disabled until the panel has been visible long enough (data-state "waiting"); a clickjacked
          // clinician clicks where it is all the same (evenIfWaiting).
          const r = el && (anyState || el.dataset.state !== "waiting") ? el.getBoundingClientRect() : undefined;
          return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
        },
        { prefix: name, anyState: evenIfWaiting },
      ),
    `${name} in the panel`,
  );
  const box = await waitUntil(() => page.evaluate(hostInfo, frame), "the panel");
  const clicked = step(`clicking ${name} in the panel`);
  await clickInPanel(page, box.left + 1 + button.x, box.top + 1 + button.y, frame);
  clicked();
}

/**
 * A mouse click on a panel button that may close the panel. The click removes the panel's frame, and Chromium
 * can then leave the mouse up aimed at that frame unacknowledged, so playwright's click never returns (a 90 s
 * hang seen once in CI). The click is done once it is acknowledged or once the panel it closed is gone.
 */
async function clickInPanel(page: Tab, x: number, y: number, frame: FramePath): Promise<void> {
  // Once the panel is gone the click may never settle; a later rejection (the browser closing) is not this test's.
  let settled: { error: unknown } | undefined;
  page.mouse.click(x, y).then(
    () => {
      settled = { error: undefined };
    },
    (error: unknown) => {
      settled = { error };
    },
  );
  await waitUntil(
    async () => settled ?? ((await page.evaluate(hostInfo, frame).catch(() => null)) === null || undefined),
    "the click in the panel to be acknowledged or the panel to close",
  );
  if (settled?.error) throw settled.error;
}

/** Clicks a button in the panel's frame by its accessible name (aria-label, else text), with the mouse. */
export async function pressInPanel(page: Tab, name: string, frame: FramePath = null): Promise<void> {
  const panelDoc = await panelFrame(page);
  const button = await waitUntil(
    () =>
      panelDoc.evaluate((wanted: string) => {
        const el = Array.from(document.querySelectorAll("button")).find(
          (b) => (b.getAttribute("aria-label") ?? b.textContent ?? "").trim() === wanted,
        );
        if (!el) return null;
        el.scrollIntoView({ block: "nearest" });
        const r = el.getBoundingClientRect();
        return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }, name),
    `"${name}" in the panel`,
  );
  const box = await waitUntil(() => page.evaluate(hostInfo, frame), "the panel");
  const clicked = step(`clicking "${name}" in the panel`);
  await clickInPanel(page, box.left + 1 + button.x, box.top + 1 + button.y, frame);
  clicked();
}

/**
 * Escape with the focus in the panel. Key down closes it, which removes the panel's frame; the key up is sent
 * only once it is gone (to the page, where the focus went back): Chromium can leave a key event aimed at a frame
 * removed mid-press unacknowledged, and playwright's keyboard.press then never returns (a 90 s hang seen in CI).
 */
export async function escapeFromPanel(page: Tab): Promise<void> {
  const pressed = step("pressing Escape in the panel");
  await page.keyboard.down("Escape");
  await waitUntil(
    async () => (await page.evaluate(heldAttr, undefined).catch(() => "")) !== "true" || undefined,
    "the panel to let go on Escape",
  );
  await page.keyboard.up("Escape");
  pressed();
}

/** After a decision: the panel is gone or no longer says it holds anything. */
export async function released(page: Tab): Promise<void> {
  await waitUntil(
    async () => (await page.evaluate(heldAttr, undefined).catch(() => "")) !== "true" || undefined,
    'data-held to leave "true"',
  );
}

/**
 * The panel's extension-origin frame. Puppeteer over BiDi lists a moz-extension frame as about:blank, so the
 * frame is found by asking each one where its document is.
 */
export async function panelFrame(page: Tab): Promise<Evaluator> {
  return waitUntil(async () => {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href, undefined).catch(() => "");
      if (/^(chrome|moz)-extension:\/\/[^/]+\/src\/content\/frame\//.test(href)) return frame;
    }
    return undefined;
  }, "the panel's extension frame");
}

/**
 * Saves settings through the background's settings messages, as the options page does, from an extension page:
 * each field of `patch` replaces the stored one, an object field is merged into the stored object.
 */
export async function saveSettings(extensionPage: Tab, patch: Record<string, unknown>): Promise<void> {
  const saved = await extensionPage.evaluate(async (changes: Record<string, unknown>) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    const got = (await api.runtime.sendMessage({ type: "settings-get", payload: {} })) as { data: { settings: Record<string, unknown> } };
    const settings = { ...got.data.settings };
    for (const [field, value] of Object.entries(changes)) {
      const stored = settings[field];
      const nested = value !== null && typeof value === "object" && !Array.isArray(value) && stored !== null && typeof stored === "object";
      settings[field] = nested ? { ...(stored as object), ...(value as object) } : value;
    }
    const reply = (await api.runtime.sendMessage({ type: "settings-save", payload: { settings } })) as { ok: boolean };
    return reply.ok;
  }, patch);
  assert.equal(saved, true, `settings saved: ${JSON.stringify(patch)}`);
}

/** Switches the interception mode, from an extension page opened for it. */
export async function setMode(extensionPage: () => Promise<Tab>, mode: string): Promise<void> {
  const done = step(`setting the mode to ${mode}`);
  const page = await extensionPage();
  try {
    await saveSettings(page, { mode });
  } finally {
    await page.close();
  }
  await sleep(300);
  done();
}
