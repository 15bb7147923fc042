/**
 * Completing a held action exactly as the page would have done without us. The original event was
 * stopped (stopImmediatePropagation + preventDefault) at window capture, before any page handler on
 * document or elements saw it; the replay is dispatched while the interceptor lets everything
 * through, so the page's handlers run once and the default action (link with its target, form
 * submission with its submitter) happens once. A held key press (Enter or Space on a custom control, a
 * send shortcut in a composer) is replayed whole: keydown, the keypress a browser sends after an
 * uncancelled Enter or Space, and keyup, since page handlers act on any of the three. A control (or
 * form) the page re-rendered meanwhile as an identical fresh node is replayed on that node (stand-in.ts).
 */
import type { MessageRequest } from "../messaging/messages.ts";
import { PAGE_CLICK_ATTRIBUTE } from "../messaging/protocol.ts";
import { remember, standIn, type Remembered } from "./stand-in.ts";

/** A click's own properties, kept to give the replay: as the click-in-page message carries them (a type only, no schema). */
export type ClickInit = MessageRequest<"click-in-page">["init"];

/** Asks the background to click the element marked PAGE_CLICK_ATTRIBUTE=token in the page's world; true once it did. */
export type ClickInPage = (token: string, init: ClickInit) => Promise<boolean>;

export type HeldActivation =
  | { type: "click"; target: Element; control: Element; init: ClickInit; memo: Remembered }
  | { type: "submit"; form: HTMLFormElement; submitter: HTMLElement | null; memo: Remembered; submitterMemo?: Remembered }
  | { type: "keydown"; target: Element; control: Element; init: KeyboardEventInit; memo: Remembered };

/** Capture what is needed to replay an activation (the real target: composedPath pierces shadow roots). */
export function captureActivation(event: Event, control: Element): HeldActivation | undefined {
  const target = event.composedPath()[0];
  if (event.type === "submit") {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return undefined;
    const submitter = (event as SubmitEvent).submitter ?? null;
    return { type: "submit", form, submitter, memo: remember(form), ...(submitter ? { submitterMemo: remember(submitter) } : {}) };
  }
  const shared = { bubbles: true, cancelable: true, composed: true };
  if (event instanceof KeyboardEvent) {
    // Keys go to the focused element: the control itself, or the composer field of a send shortcut.
    const { key, code, location, repeat, ctrlKey, shiftKey, altKey, metaKey } = event;
    const origin = target instanceof Element ? target : control;
    return {
      type: "keydown",
      target: origin,
      control,
      init: { ...shared, key, code, location, repeat, ctrlKey, shiftKey, altKey, metaKey },
      memo: remember(origin),
    };
  }
  const origin = target instanceof Element && control.contains(target) ? target : control;
  if (event instanceof MouseEvent) {
    const { clientX, clientY, screenX, screenY, button, buttons, detail, ctrlKey, shiftKey, altKey, metaKey } = event;
    return {
      type: "click",
      target: origin,
      control,
      init: { ...shared, clientX, clientY, screenX, screenY, button, buttons, detail, ctrlKey, shiftKey, altKey, metaKey },
      memo: remember(control),
    };
  }
  return undefined;
}

/** Where the replay goes: the held element, or its identical stand-in; null when neither is in the page. */
function destination(held: HeldActivation): Element | null {
  if (held.type !== "click") return standIn(held.memo);
  return held.target.isConnected && held.control.isConnected ? held.target : standIn(held.memo);
}

export function canReplay(held: HeldActivation): boolean {
  return destination(held) !== null && (held.type !== "submit" || !held.submitterMemo || standIn(held.submitterMemo) !== null);
}

/** The link a click on `target` follows runs script (href="javascript:…", ASP.NET's __doPostBack). */
function followsScriptLink(target: Element): boolean {
  const link = target.closest("a[href]");
  return link !== null && /^\s*javascript:/i.test(link.getAttribute("href") ?? "");
}

/**
 * Clicks `target` in the page's own world: Chromium runs no javascript: link for a click dispatched from a content
 * script's world. The mark lets the interceptor pass the click; where the page's world did not click (no answer, or
 * none in time), the click is dispatched from here, still marked, and only while the mark is there: never twice.
 */
async function clickInPage(target: Element, init: ClickInit, ask: ClickInPage): Promise<void> {
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  target.setAttribute(PAGE_CLICK_ATTRIBUTE, token);
  const clicked = await ask(token, init).catch(() => false);
  const marked = target.getAttribute(PAGE_CLICK_ATTRIBUTE) === token;
  if (!clicked && marked) target.dispatchEvent(new MouseEvent("click", init));
  if (marked) target.removeAttribute(PAGE_CLICK_ATTRIBUTE);
}

/** Dispatch the activation again. Returns false when the control left the page (nothing done). */
export function replay(held: HeldActivation, ask?: ClickInPage): boolean {
  const target = destination(held);
  if (!target || !canReplay(held)) return false;
  switch (held.type) {
    case "click":
      // A dispatched click runs the page's handlers and the activation behaviour (links, submit buttons).
      if (ask && followsScriptLink(target)) void clickInPage(target, held.init, ask);
      else target.dispatchEvent(new MouseEvent("click", held.init));
      return true;
    case "submit": {
      const form = target as HTMLFormElement;
      const submitter = held.submitterMemo ? (standIn(held.submitterMemo) as HTMLElement | null) : null;
      try {
        form.requestSubmit(submitter ?? undefined);
      } catch {
        form.requestSubmit(); // the submitter is no longer a submit button of this form
      }
      return true;
    }
    case "keydown": {
      const init = held.init;
      const uncancelled = target.dispatchEvent(new KeyboardEvent("keydown", init));
      if (uncancelled && (init.key === "Enter" || init.key === " ") && !init.ctrlKey && !init.metaKey && !init.altKey) {
        const charCode = init.key === "Enter" ? 13 : 32;
        target.dispatchEvent(new KeyboardEvent("keypress", { ...init, charCode, keyCode: charCode } as KeyboardEventInit));
      }
      (target.isConnected ? target : held.control).dispatchEvent(new KeyboardEvent("keyup", init));
      return true;
    }
  }
}
