/**
 * Keyboard shortcuts that send: Ctrl+Enter (Cmd+Enter on a Mac) in a messaging composer. The page's own
 * key handler sends, so no control is activated; the action is the composer's send control, found from
 * the field the keys were pressed in: the nearest enclosing form, dialog or section that holds one. A
 * composer with no send control sends from the field itself when its words say the key sends ("(Ctrl+Enter
 * to send)", "press Enter to send"), and a one-line message box outside a form sends on Enter, as chats do.
 * Enter alone in a text field of a form is left to the browser: it submits through the form's default
 * button (a click or a submit event, caught as such), and holding the key would stop that.
 */
import { accessibleName, description, subtreeText } from "./accessible-name.ts";
import { type Classification, classifyKeySend } from "./classify.ts";
import { frameOf, isElement, openShadowRoot } from "./dom.ts";
import type { FoundAction } from "./find-control.ts";

/** Containers climbed from the field; a composer's send is rarely further out than this. */
const MAX_CLIMB = 12;
/** Controls classified per container, so a field inside a huge page costs little. */
const MAX_CONTROLS = 60;
const CONTROLS = "button,input[type=submit],input[type=button],input[type=image],a[href],[role=button],[role=link],[role=menuitem]";

/** A field's words that say a key sends from it; group 1 is the Ctrl or Cmd the key needs. */
const KEY_SENDS =
  /(?:(ctrl|control|strg|cmd|command|⌘)\s*\+?\s*)?(?:enter|entr[ée]e|eingabe(?:taste)?|intro)\b.{0,12}\b(?:send|enviar|envoyer|senden|versturen)/i;
/** A one-line box for a message ("Type a message", "Reply"). */
const MESSAGE_BOX = /\b(?:message|reply|mensaje|mensagem)\b/i;
/**
 * A chat's composer as its prompt names it ("Type a message", "Write a reply…"): a rich-text box that, with a Send
 * beside it, sends on Enter as chat applications do (TigerConnect). A letter's or e-mail's editor ("Message body",
 * "Letter text") is named otherwise, and Enter there starts a new line.
 */
const CHAT_PROMPT =
  /^(?:type|write|send|enter|compose|add) (?:a |an |your )?(?:new )?(?:message|reply|chat message)\b|^(?:message|reply)\b.{0,30}(?:…|\.\.\.)$/i;

type Classify = (el: Element) => Classification | null;

/** The field of a possible send key, Enter with or without Ctrl/Cmd (a textarea, a contenteditable, or a text field outside any form), or null. */
export function shortcutField(event: Event): Element | null {
  const e = event as KeyboardEvent;
  if (e.type !== "keydown" || e.key !== "Enter" || e.altKey || e.repeat || e.isComposing) return null;
  return composerField(event);
}

/** The field says the key sends from it (with Ctrl/Cmd exactly when it says so), or is a message box and the key is Enter alone. */
function keySends(field: Element, ctrl: boolean): boolean {
  const name = accessibleName(field);
  // Read bounded (subtreeText): this runs on every Enter in a text field, and a sibling may be a whole thread.
  const beside = (el: Element | null) => (el ? subtreeText(el).slice(0, 150) : "");
  const words = `${name} ${description(field).slice(0, 150)} ${beside(field.previousElementSibling)} ${beside(field.nextElementSibling)}`;
  const said = KEY_SENDS.exec(words);
  if (said) return !!said[1] === ctrl;
  return !ctrl && field.localName === "input" && MESSAGE_BOX.test(name) && !/search/i.test(words);
}

/** The event's target when it is a field a composer's shortcut can send from, or null. */
export function composerField(event: Event): Element | null {
  const target = (typeof event.composedPath === "function" ? event.composedPath()[0] : undefined) ?? event.target;
  if (!isElement(target)) return null;
  const tag = target.localName;
  if (tag === "textarea") return target;
  if ((target as HTMLElement).isContentEditable) return target;
  if (tag === "input" && !(target as HTMLInputElement).form) {
    const type = (target.getAttribute("type") ?? "text").toLowerCase();
    return /^(?:text|search|email|)$/.test(type) ? target : null;
  }
  return null;
}

/**
 * The send control of the composer holding `field`, with its classification: the first one classified as a
 * send, innermost container first.
 */
export function composerSendControl(field: Element, classify: Classify): FoundAction | null {
  // A frame's body is a compose window of its own (RamSoft's compose frame inside its app frame); a page's body is the
  // whole page, where the first send found may be anything's.
  let el: Element | null = field.parentElement;
  for (
    let i = 0;
    el && i < MAX_CLIMB && el.localName !== "html" && (el.localName !== "body" || frameOf(el.ownerDocument) !== null);
    i++, el = el.parentElement
  ) {
    if (el.firstElementChild === null) continue;
    const controls = [...el.querySelectorAll(CONTROLS), ...shadowControls(el)];
    for (let k = 0; k < controls.length && k < MAX_CONTROLS; k++) {
      const control = controls[k]!;
      const classification = classify(control);
      // A shortcut sends the message: a download or export nearby is not what it does.
      if (classification && !classification.opensPopup && classification.kind !== "export") return { element: control, classification };
    }
  }
  return null;
}

/** The controls a web component among the container's children draws in its shadow root (Kno2's send bar beside the message). */
function shadowControls(container: Element): Element[] {
  const found: Element[] = [];
  for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
    const root = child.localName.includes("-") ? openShadowRoot(child) : null;
    if (root) found.push(...root.querySelectorAll(CONTROLS));
  }
  return found;
}

function chatComposer(field: Element): boolean {
  return (field as HTMLElement).isContentEditable && field.localName !== "body" && CHAT_PROMPT.test(accessibleName(field));
}

/** The action a keydown stands for when it is a send shortcut, else null. */
export function findShortcutControl(event: Event, classify: Classify): FoundAction | null {
  try {
    const field = shortcutField(event);
    if (!field) return null;
    const ctrl = (event as KeyboardEvent).ctrlKey || (event as KeyboardEvent).metaKey;
    const found = ctrl || chatComposer(field) ? composerSendControl(field, classify) : null;
    if (found || !keySends(field, ctrl)) return found;
    return { element: field, classification: classifyKeySend(field) };
  } catch {
    return null;
  }
}
