/**
 * What leaves with a control: its form or dialog, else its nearest section or article, and, for a send in a dialog, the
 * record the dialog was opened from. The cues (cues.ts) are read there, and a dialog that shows only where a send goes
 * takes whom from that record (recipient.ts).
 */
import { attr, byIdInTree, DIALOG_SELECTOR, FORM_SELECTOR as FORM, HEADING_SELECTOR, parentAcrossShadow, smallDocument } from "./dom.ts";

const MAIN = "main,[role=main]";
const DOCUMENT = `article,[role=document],${DIALOG_SELECTOR}`;
/** Containers that bound what leaves with a control: the first BOUNDARY ends the search (a form's may widen to its DOCUMENT). */
const CONTAINER = `${FORM},${DOCUMENT},${MAIN},section,[role=region],aside`;
const BOUNDARY = `${FORM},${DOCUMENT},${MAIN}`;

/**
 * The part of the page that leaves with the control: its form or dialog, else its nearest section or
 * article (at most a few levels up, never the body). A form inside an article or dialog sends that
 * document: the search widens to it, but never to the page's main area. `titled` are the containers whose
 * titles name what is sent.
 */
export function scopeOf(control: Element): { root: Element; titled: Element[] } | undefined {
  const formId = attr(control, "form");
  const owner = formId ? byIdInTree(control, formId) : null;
  const titled: Element[] = owner ? [owner] : [];
  let root: Element | undefined = owner ?? undefined;
  let fallback: Element | undefined;
  for (let el = parentAcrossShadow(owner ?? control), depth = 0; el && titled.length < 6; el = parentAcrossShadow(el), depth++) {
    if (el.localName === "body" || el.localName === "html" || (root && el.matches(MAIN))) {
      // A small document's Send outside its one form (a referral in a frame, the action bar below it) sends it whole, as
      // does any control of a small document in a frame (a viewer's Download in its own form: CRISP's discharge summary).
      const body = el.ownerDocument.body;
      const view = el.ownerDocument.defaultView;
      if (body && smallDocument(body) && ((!root && !titled.length) || (view && view !== view.top))) root = body;
      break;
    }
    if (!root && depth < 3) fallback = el;
    if (!el.matches(CONTAINER)) continue;
    titled.push(el);
    if (root || el.matches(BOUNDARY)) {
      // Past a form, only the document around it widens the search.
      if (root && !el.matches(DOCUMENT)) continue;
      root = el;
      if (!el.matches(FORM)) break;
    } else if (titled.length === 4) return { root: el, titled };
  }
  root ??= titled.at(-1) ?? fallback;
  return root ? { root, titled } : undefined;
}

/** The containers to search, nearest first: those around the control inside the scope, then the scope itself. */
export function nearestFirst({ root, titled }: { root: Element; titled: Element[] }): Element[] {
  return [...titled.filter((container) => container !== root && root.contains(container)), root];
}

/**
 * The record a dialog was opened from: the nearest container (short of the page's main area) around `openedFrom`, the
 * control pressed outside any dialog before it. A send in a dialog sends what that control sits on (Transmit ▸ By Direct
 * Message on a referral's preview, an icon-only Share on a result, Message on a session note): its notice, title and
 * lines are read too. Nothing when the control is in no dialog, or the opener is in it or gone.
 *
 * With no container around the opener, the block it sits in under a heading (headedBlock), which may hold the dialog
 * too: a reader of it leaves out the dialog it read already.
 */
export function openedRecord(control: Element, openedFrom: Element | undefined): Element | undefined {
  const dialog = control.closest(DIALOG_SELECTOR);
  if (!dialog || !openedFrom?.isConnected || dialog.contains(openedFrom)) return undefined;
  const record = scopeOf(openedFrom)?.titled.find((container) => !container.matches(MAIN));
  if (record) return record.contains(dialog) ? undefined : record;
  return headedBlock(openedFrom);
}

/** How far up from an opener a block of divs may start: past it, a heading titles the page, not the record. */
const MAX_BLOCK_LEVELS = 3;

/**
 * A view built of divs (PCC's Summary of Care: an h2, the document's sections, a toolbar with Send via Direct…): the
 * nearest block around the opener, a few levels up and short of the main area, that opens with a heading.
 */
function headedBlock(openedFrom: Element): Element | undefined {
  let el = parentAcrossShadow(openedFrom);
  for (let level = 0; el && level < MAX_BLOCK_LEVELS; el = parentAcrossShadow(el), level++) {
    if (el.localName === "body" || el.matches(MAIN)) return undefined;
    for (let child = el.firstElementChild, i = 0; child && i < 3; child = child.nextElementSibling, i++)
      if (child.matches(HEADING_SELECTOR)) return el;
  }
  return undefined;
}
