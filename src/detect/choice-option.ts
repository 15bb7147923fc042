/**
 * An option of a listbox picks a value; it acts only when nothing else would. An action chooser ("Select an action…
 * ▾" with Send to Doc Portal / Fax / Print, then ▶ Go, WebPT) is a listbox whose choice a Go beside its opener
 * carries out: the option is no send, and holding it would stop the page before the Go that opens the send's own
 * dialog. A listbox with no such control beside it may act on the choice itself, so its options are still read.
 */
import { accessibleName } from "./accessible-name.ts";
import { attr } from "./dom.ts";
import { matchText } from "./text.ts";

/** The names of a control that carries out a chosen action, as matchText spells them, or the arrow it shows instead. */
const APPLIES = /^(?:go|apply|run|ok|do it|execute|perform|continue|next)$/;
const ARROW = /^[▶►▸→»>]$/;
/** How far above the opener the Go may sit: a toolbar row holds both, a form's whole body does not. */
const MAX_CLIMB = 3;
const BUTTONS = "button,input[type=submit],input[type=button],[role=button]";

/** Whether `el` is an option of a listbox opened by a control beside which a Go carries the choice out. */
export function onlyChooses(el: Element): boolean {
  if (attr(el, "role")?.trim().toLowerCase() !== "option") return false;
  const listbox = el.closest("[role=listbox]");
  const opener = listbox && openerOf(listbox);
  if (!opener) return false;
  let row = opener.parentElement;
  for (let i = 0; row && i < MAX_CLIMB; i++, row = row.parentElement) {
    for (const button of row.querySelectorAll(BUTTONS)) {
      if (button !== opener && !listbox.contains(button) && applies(button)) return true;
    }
    if (row.matches("form,dialog,[role=dialog],[role=toolbar]")) break;
  }
  return false;
}

function applies(button: Element): boolean {
  const name = accessibleName(button);
  return APPLIES.test(matchText(name)) || ARROW.test((name || button.textContent || "").trim());
}

/** The control that opens `listbox`: it names it (aria-controls, aria-owns) or comes just before it saying it opens one. */
function openerOf(listbox: Element): Element | null {
  const id = attr(listbox, "id");
  if (id) {
    const named = listbox.ownerDocument.querySelector(`[aria-controls="${CSS.escape(id)}"],[aria-owns="${CSS.escape(id)}"]`);
    if (named) return named;
  }
  const previous = listbox.previousElementSibling;
  return previous && /^(?:listbox|true)$/i.test(attr(previous, "aria-haspopup")?.trim() ?? "") ? previous : null;
}
