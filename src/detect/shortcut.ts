/**
 * Keyboard shortcuts that send: Ctrl+Enter (Cmd+Enter on a Mac) in a messaging composer. The page's own
 * key handler sends, so no control is activated; the action is the composer's send control, found from
 * the field the keys were pressed in: the nearest enclosing form, dialog or section that holds one.
 * Enter alone in a text field of a form is left to the browser: it submits through the form's default
 * button (a click or a submit event, caught as such), and holding the key would stop that.
 */
import type { Classification } from "./classify.ts";
import { isElement } from "./dom.ts";
import type { FoundAction } from "./find-control.ts";

/** Containers climbed from the field; a composer's send is rarely further out than this. */
const MAX_CLIMB = 12;
/** Controls classified per container, so a field inside a huge page costs little. */
const MAX_CONTROLS = 60;
const CONTROLS = "button,input[type=submit],input[type=button],input[type=image],a[href],[role=button],[role=link],[role=menuitem]";

type Classify = (el: Element) => Classification | null;

/** The field of a send shortcut (a textarea, a contenteditable, or a text field outside any form), or null. */
export function shortcutField(event: Event): Element | null {
  const e = event as KeyboardEvent;
  if (e.type !== "keydown" || e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.altKey || e.repeat || e.isComposing) return null;
  return composerField(event);
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
    return type === "text" || type === "search" || type === "email" || type === "" ? target : null;
  }
  return null;
}

/**
 * The send control of the composer holding `field`, with its classification: the first one classified as a
 * send, innermost container first.
 */
export function composerSendControl(field: Element, classify: Classify): FoundAction | null {
  let el: Element | null = field.parentElement;
  for (let i = 0; el && i < MAX_CLIMB && el.localName !== "body" && el.localName !== "html"; i++, el = el.parentElement) {
    if (el.firstElementChild === null) continue;
    const controls = el.querySelectorAll(CONTROLS);
    for (let k = 0; k < controls.length && k < MAX_CONTROLS; k++) {
      const control = controls[k]!;
      const classification = classify(control);
      // A shortcut sends the message: a download or export nearby is not what it does.
      if (classification && !classification.opensPopup && classification.kind !== "export") return { element: control, classification };
    }
  }
  return null;
}

/** The action a keydown stands for when it is a send shortcut, else null. */
export function findShortcutControl(event: Event, classify: Classify): FoundAction | null {
  try {
    const field = shortcutField(event);
    return field ? composerSendControl(field, classify) : null;
  } catch {
    return null;
  }
}
