/**
 * Small DOM helpers that work across realms (frames, happy-dom windows): node types are checked by number,
 * never by instanceof, and every read of page-controlled state is allowed to throw.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** A tree walker's filter for elements and text (NodeFilter.SHOW_ELEMENT | SHOW_TEXT; NodeFilter is not in every world). */
export const SHOW_ELEMENTS_AND_TEXT = 1 | 4;
export const DOCUMENT_NODE = 9;
/** compareDocumentPosition's bits (Node.DOCUMENT_POSITION_*): the other node comes before, or after. */
export const POSITION_PRECEDING = 2;
export const POSITION_FOLLOWING = 4;
export const FRAGMENT_NODE = 11;

/** A dialog surface, native or ARIA: what the recipient, its section and the cues never look out of. */
export const DIALOG_SELECTOR = "dialog,[role=dialog],[role=alertdialog],[aria-modal=true]";
/** What titles a group: a heading, a fieldset's legend, a table's caption, a GWT DialogBox's Caption. */
export const HEADING_SELECTOR = "h1,h2,h3,h4,h5,h6,legend,caption,[role=heading],.Caption";
export const FORM_SELECTOR = "form,[role=form]";
/** The elements a person types or chooses a value in. */
export const FIELD_SELECTOR = "input,select,textarea";
/** …and those whose text a person edits in place (a To field of tokens, a composer). */
export const EDITABLE_SELECTOR = `${FIELD_SELECTOR},[contenteditable]`;
/** A row of a table or list: what a control in it acts on. */
export const ROW_SELECTOR = "tr,li,[role=row],[role=listitem]";
const SELECTED_ROW = "tr[aria-selected=true],[role=row][aria-selected=true],tr.selected";

/** The selected row of a table beside a control, in its block or the one around it: what a toolbar's Send acts on. */
export function selectedRowNear(el: Element): Element | null {
  return el.parentElement?.parentElement?.querySelector(SELECTED_ROW) ?? null;
}

/** A word alone in text markup that labels what follows it ("<span>Referred By</span> …", "<b>Attachments</b> …"). */
export const INLINE_LABEL_TAGS: ReadonlySet<string> = new Set(["span", "strong", "b"]);

/**
 * A document small enough to be one card or one form (a print preview's pop-up, a frame holding one referral), read
 * whole. Asking for the element just past the limit stops there: a large page's body is not counted through.
 */
export const smallDocument = (body: Element): boolean => !body.getElementsByTagName("*")[150];

export function isElement(node: unknown): node is Element {
  return typeof node === "object" && node !== null && (node as Node).nodeType === ELEMENT_NODE;
}

export function isShadowRoot(node: unknown): node is ShadowRoot {
  return typeof node === "object" && node !== null && (node as Node).nodeType === FRAGMENT_NODE && "host" in node;
}

/** The element's open shadow root, or null (closed roots are invisible to us by design). */
export function openShadowRoot(el: Element): ShadowRoot | null {
  try {
    return el.shadowRoot ?? null;
  } catch {
    return null;
  }
}

export function attr(el: Element, name: string): string | null {
  try {
    return el.getAttribute(name);
  } catch {
    return null;
  }
}

/** The parent element as shown: a slotted element's slot, and a shadow root's host from its top. */
export function parentAcrossShadow(node: Node): Element | null {
  // A slotted element is shown where its slot is (a design system's dialog around a page's buttons): climb as it is shown.
  const slot = (node as Partial<Element>).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  if (!parent) return null;
  if (isElement(parent)) return parent;
  if (isShadowRoot(parent)) return parent.host;
  return null;
}

/** Element by id in the element's own tree (document or shadow root). */
export function byIdInTree(el: Element, id: string): Element | null {
  try {
    return (el.getRootNode() as Document | ShadowRoot).getElementById(id);
  } catch {
    return null;
  }
}

/** A quoted CSS attribute value; CSS.escape is not everywhere (node, happy-dom). */
export function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&").replace(/[\n\r\f]/g, " ")}"`;
}

/** ShareCheck's own panel host (src/content): never scanned or read as page content. */
export const PANEL_TAG = "sharecheck-verdict";
/** Marks the fallback `<div>` host ShareCheck uses when a page has taken PANEL_TAG's name; its data-* attributes follow the same contract. */
export const FALLBACK_HOST_ATTR = "data-sharecheck-host";

/**
 * What an element shows: a web component's open shadow root in place of its children (ZorgDomein's care-offer card),
 * as the accessibility tree reads it; never ShareCheck's own hosts.
 */
export function shownContent(el: Element): ParentNode {
  return isOwnHost(el) ? el : (openShadowRoot(el) ?? el);
}

/** ShareCheck's own panel host, or its fallback: never scanned or read as page content. */
export function isOwnHost(el: Element): boolean {
  return el.localName === PANEL_TAG || el.hasAttribute(FALLBACK_HOST_ATTR);
}

/** The legend of the fieldset around an element, as written ("" without one). */
export function legendOf(el: Element): string {
  return el.closest("fieldset")?.querySelector(":scope > legend")?.textContent ?? "";
}

/** The element embedding `doc` when the frame is same-origin (null otherwise, and at the top). */
export function frameOf(doc: Document): Element | null {
  try {
    return doc.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}
