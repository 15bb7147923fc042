/**
 * The action control an event is about: the nearest control on the event's composed path (so clicks on
 * an inner <span> or <svg>, and inside open shadow roots, count), or the submitter of a submitted form.
 */
import { accessibleName } from "./accessible-name.ts";
import { classifyControl, hasClickHandler, isControlElement, type Classification } from "./classify.ts";
import { isElement, parentAcrossShadow } from "./dom.ts";

const MAX_PATH = 64;
const MAX_BUTTONS = 40;
/** How near the target an icon made clickable by script may be: the glyph, its <i>, a wrapper. */
const MAX_ICON_DEPTH = 3;

/** The control an event is about, with its classification (so the caller need not classify it again). */
export type FoundAction = { element: Element; classification: Classification };

export function findActionControl(event: Event): Element | null {
  return findAction(event)?.element ?? null;
}

export function findAction(event: Event): FoundAction | null {
  try {
    if (event.type === "submit") return submitControl(event);
    const path = eventPath(event);
    for (const node of path) {
      if (!isElement(node)) continue;
      const classification = classifyControl(node);
      if (classification) return { element: node, classification };
      // The first named control is the one being activated; a "Cancel" inside a clickable "Share" card is a cancel.
      if (isControlElement(node) && accessibleName(node) !== "") return null;
    }
    return clickableIcon(path);
  } catch {
    return null;
  }
}

/**
 * With no control on the path, an icon the page made clickable by script alone, with no role or tabindex (Bahmni's
 * <i class="fa fa-download" title="Download"> and its ng-click): near the target, named by its title or with an inline
 * handler, and showing the pointer, as a person sees a control.
 */
function clickableIcon(path: readonly EventTarget[]): FoundAction | null {
  for (const node of path.slice(0, MAX_ICON_DEPTH)) {
    if (!isElement(node) || !(node.hasAttribute("title") || hasClickHandler(node))) continue;
    if (node.ownerDocument.defaultView?.getComputedStyle(node).cursor !== "pointer") continue;
    const classification = classifyControl(node, { clickable: true });
    if (classification) return { element: node, classification };
  }
  return null;
}

/** composedPath() while the event is dispatching; afterwards (or for a removed target) the parent chain. */
export function eventPath(event: Event): EventTarget[] {
  const path = typeof event.composedPath === "function" ? event.composedPath() : [];
  if (path.length > 0) return path.slice(0, MAX_PATH);
  const chain: EventTarget[] = [];
  let node = event.target as Node | null;
  while (node && chain.length < MAX_PATH) {
    chain.push(node);
    node = isElement(node) ? parentAcrossShadow(node) : null;
  }
  return chain;
}

function submitControl(event: Event): FoundAction | null {
  // The person chose this button: if it is "Save draft", the submit is not a send, whatever else the form holds.
  const target = event.target;
  const form = isElement(target) && target.localName === "form" ? (target as HTMLFormElement) : null;
  // A page's requestSubmit() names no submitter: the button of the form just pressed (it has the focus) is the one chosen.
  const pressed = form?.ownerDocument.activeElement as HTMLButtonElement | null | undefined;
  const element =
    (event as SubmitEvent).submitter ??
    (pressed?.form === form && isControlElement(pressed) ? pressed : null) ??
    (form ? defaultButton(form) : null);
  if (!element) return form ? sendButton(form) : null;
  const classification = classifyControl(element);
  return classification ? { element, classification } : null;
}

/**
 * A form with no submit button that is submitted all the same (a page's Enter handler calling requestSubmit(), its
 * "Send" a type=button): it sends what its first send button would.
 */
function sendButton(form: HTMLFormElement): FoundAction | null {
  const buttons = form.querySelectorAll("button,input[type=button],[role=button]");
  for (let i = 0; i < buttons.length && i < MAX_BUTTONS; i++) {
    const element = buttons[i]!;
    const classification = classifyControl(element);
    if (classification && !classification.opensPopup) return { element, classification };
  }
  return null;
}

/** The form's default button: the first submit button in tree order, including those associated with form=. */
function defaultButton(form: HTMLFormElement): Element | null {
  const elements = form.elements;
  for (let i = 0; i < elements.length && i < 1000; i++) {
    const el = elements[i];
    if (!el) continue;
    const type = (el.getAttribute("type") ?? (el.localName === "button" ? "submit" : "")).toLowerCase();
    if ((el.localName === "button" || el.localName === "input") && (type === "submit" || type === "image")) return el;
  }
  return null;
}
