/**
 * One small driver over a Playwright page (Chromium) and a Puppeteer page (Firefox over WebDriver BiDi), so
 * the popup and options tests run the same steps in both browsers. Controls are found by their visible
 * label, the way a keyboard or screen-reader user finds them.
 */
import type { Page as PwPage } from "playwright-core";
import type { Page as PpPage } from "puppeteer-core";
import { waitUntil } from "./harness/index.ts";

export interface Ui {
  evaluate(expression: string): Promise<unknown>;
  /** A CSS selector for the control labelled `label` (label text, aria-label or button text contains it). */
  control(label: string, kind?: "button" | "field"): Promise<string>;
  click(selector: string): Promise<void>;
  /** Replaces the field's text by typing it, then leaves the field (so change events fire). */
  fill(selector: string, text: string, leave?: boolean): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  upload(selector: string, path: string): Promise<void>;
  press(key: string): Promise<void>;
  text(selector?: string): Promise<string>;
  /** Waits until the page text (or the selector's) matches. */
  waitForText(pattern: RegExp, selector?: string): Promise<string>;
}

let tag = 0;

const findControl = (label: string, kind: string, mark: string) => `(() => {
  const want = ${JSON.stringify(label)}.toLowerCase();
  const kind = ${JSON.stringify(kind)};
  const name = (el) => (el.getAttribute("aria-label") || "").toLowerCase();
  let el;
  if (kind === "button") {
    el = [...document.querySelectorAll("button, summary")].find((b) => !b.closest("[hidden]") && (name(b).includes(want) || (b.textContent || "").toLowerCase().includes(want)));
  } else {
    const label = [...document.querySelectorAll("label")].find((l) => (l.textContent || "").toLowerCase().includes(want));
    el = label ? (label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector("input, select, textarea")) : null;
    el = el || [...document.querySelectorAll("input, select, textarea, [role=region]")].find((c) => name(c).includes(want));
  }
  if (!el) return null;
  el.setAttribute("data-e2e", ${JSON.stringify(mark)});
  return true;
})()`;

function common(evaluate: (e: string) => Promise<unknown>) {
  const text = async (selector?: string) =>
    String(await evaluate(`(document.querySelector(${JSON.stringify(selector ?? "body")})?.innerText ?? "")`));
  return {
    evaluate,
    text,
    async control(label: string, kind: "button" | "field" = "field") {
      const mark = `c${++tag}`;
      await waitUntil(() => evaluate(findControl(label, kind, mark)), `a ${kind} labelled "${label}"`);
      return `[data-e2e="${mark}"]`;
    },
    async waitForText(pattern: RegExp, selector?: string) {
      let last = "";
      try {
        return await waitUntil(async () => {
          last = await text(selector);
          return pattern.test(last) ? last : undefined;
        }, `text ${pattern}`);
      } catch (e) {
        throw new Error(`${(e as Error).message}; last text: ${last.slice(0, 2000)}`);
      }
    },
  };
}

export function playwrightUi(page: PwPage): Ui {
  return {
    ...common((e) => page.evaluate(e)),
    click: (s) => page.click(s),
    async fill(s, text, leave = true) {
      await page.click(s);
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Backspace");
      await page.keyboard.type(text);
      if (leave) await page.keyboard.press("Tab");
    },
    select: async (s, v) => void (await page.selectOption(s, v)),
    upload: (s, p) => page.setInputFiles(s, p),
    press: (k) => page.keyboard.press(k),
  };
}

/**
 * `front`: bring the page's tab to the front before each click, as a person's click would (Firefox 140 can drop a
 * click dispatched to a tab behind another). Not for a popup opened as a tab: "Check this page" reads the tab in front.
 */
export function puppeteerUi(page: PpPage, { front = false } = {}): Ui {
  const toFront = () => (front ? page.bringToFront() : Promise.resolve());
  return {
    ...common((e) => page.evaluate(e)),
    async click(s) {
      await toFront();
      await page.click(s);
    },
    async fill(s, text, leave = true) {
      await toFront();
      await page.click(s, { count: 3 });
      await page.evaluate(`document.querySelector(${JSON.stringify(s)}).select?.()`);
      await page.keyboard.press("Backspace");
      await page.keyboard.type(text);
      if (leave) await page.keyboard.press("Tab");
    },
    select: async (s, v) => void (await page.select(s, v)),
    async upload(s, p) {
      const input = await page.$(s);
      if (!input) throw new Error(`no ${s}`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(p);
    },
    press: (k) => page.keyboard.press(k as Parameters<PpPage["keyboard"]["press"]>[0]),
  };
}
