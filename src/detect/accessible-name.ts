/**
 * The accessible name of a control, close to what a screen reader announces (a pragmatic subset of
 * accname 1.2), computed from attributes and textContent only: no layout, no computed style.
 * Visually hidden text (sr-only, clip patterns) counts because it is there for screen readers;
 * aria-hidden, `hidden` and inline display:none subtrees do not.
 */
import { attr, byIdInTree, cssString, ELEMENT_NODE, HEADING_SELECTOR, isElement, shownContent, TEXT_NODE } from "./dom.ts";
import { cleanText, NAME_MAX, words } from "./text.ts";

const SKIPPED_TAGS = new Set(words("script style template noscript head title meta link select textarea datalist"));
// Block-level tags separate words even when the markup has no whitespace between them.
const BLOCK_TAGS = new Set(
  words(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul",
  ),
);
const MAX_NODES = 400;
const MAX_DEPTH = 32;
const MAX_RAW = NAME_MAX * 8;
const MAX_LABELLEDBY_IDS = 16;

interface Budget {
  nodes: number;
  text: string;
  exclude: Element | null;
}

export function accessibleName(el: Element): string {
  try {
    return cleanText(computeName(el));
  } catch {
    return "";
  }
}

/**
 * A form's or dialog's own title: its label, else its first heading, else the bold line it opens with (an older
 * page's <form><strong>Signature Request</strong>…).
 */
export function containerTitle(container: Element): string {
  const named = attr(container, "aria-labelledby") || attr(container, "aria-label") ? accessibleName(container) : "";
  if (named) return named;
  const heading = container.querySelector(HEADING_SELECTOR) ?? leadingBold(container);
  return heading ? cleanText(heading.textContent ?? "") : "";
}

const MAX_BOLD_TITLE = 60;

/** The bold line a block opens with, nothing before it: an older page's title. */
export function leadingBold(container: Element): Element | null {
  const first = container.firstElementChild;
  if (!first || (first.localName !== "strong" && first.localName !== "b")) return null;
  for (let node = container.firstChild; node && node !== first; node = node.nextSibling) if (node.textContent?.trim()) return null;
  return (first.textContent?.length ?? 0) <= MAX_BOLD_TITLE ? first : null;
}

/** The text a subtree contributes to a name, for callers that read labels and values (same rules as names). */
export function subtreeText(el: Element, exclude: Element | null = null): string {
  try {
    const budget: Budget = { nodes: 0, text: "", exclude };
    appendChildren(shownContent(el), budget, 0);
    return cleanText(budget.text);
  } catch {
    return "";
  }
}

function computeName(el: Element): string {
  const labelledby = attr(el, "aria-labelledby");
  if (labelledby) {
    const fromRefs = labelledbyText(el, labelledby);
    if (fromRefs) return fromRefs;
  }
  const ariaLabel = attr(el, "aria-label");
  if (ariaLabel?.trim()) return ariaLabel;

  const tag = el.localName;
  if (tag === "input") return inputName(el as HTMLInputElement);
  if (tag === "img" || tag === "area") return attr(el, "alt") || attr(el, "title") || "";
  if (tag === "select") return labelText(el) || attr(el, "title") || "";
  // A message box named only by its placeholder ("Add a cover note — Enter to send", Spruce): as for a text field.
  if (tag === "textarea") return labelText(el) || attr(el, "title") || attr(el, "placeholder") || "";
  if (tag === "svg") return svgTitle(el) || "";

  const budget: Budget = { nodes: 0, text: "", exclude: null };
  // A web component's visible text lives in its own shadow root, with the light DOM it slots in.
  appendChildren(shownContent(el), budget, 0);
  // An icon glyph ("⭳", "📠") names nothing: its tooltip does.
  return LETTER.test(budget.text) ? budget.text : attr(el, "title") || tooltip(el) || budget.text;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Tooltip libraries' attributes: Ext JS, Bootstrap (after it moves title), Tippy, Angular Material, generic. */
const TOOLTIP_ATTRIBUTES = words("data-qtip data-original-title data-bs-original-title data-tippy-content mattooltip data-tooltip");

/**
 * An icon-only control's tooltip, which is all that names it for a sighted user: a tooltip library's attribute,
 * or the description it points at (Angular CDK moves the tooltip text into an aria-describedby message).
 */
function tooltip(el: Element): string {
  for (const name of TOOLTIP_ATTRIBUTES) {
    const text = attr(el, name);
    if (text?.trim()) return text;
  }
  return description(el);
}

/** The text an element's aria-describedby points at ("Ctrl+Enter to send" under a message box). */
export function description(el: Element): string {
  const described = attr(el, "aria-describedby");
  return described ? cleanText(labelledbyText(el, described)) : "";
}

function inputName(input: HTMLInputElement): string {
  const type = (attr(input, "type") || "text").toLowerCase();
  const value = attr(input, "value");
  if (type === "submit") return value || "Submit";
  if (type === "reset") return value || "Reset";
  if (type === "button") return value || attr(input, "title") || "";
  if (type === "image") return attr(input, "alt") || value || attr(input, "title") || "";
  return labelText(input) || attr(input, "title") || attr(input, "placeholder") || "";
}

/** Text of <label for=id> or a wrapping <label>, without the control's own text. */
export function labelText(el: Element): string {
  const parts: string[] = [];
  const id = attr(el, "id");
  if (id) {
    try {
      const root = el.getRootNode() as Document | ShadowRoot;
      const label = root.querySelector(`label[for=${cssString(id)}]`);
      if (label) parts.push(subtreeText(label, el));
    } catch {
      // Malformed id: no label.
    }
  }
  const wrapping = el.parentElement?.closest("label");
  if (wrapping && (!id || attr(wrapping, "for") === null)) parts.push(subtreeText(wrapping, el));
  return parts.join(" ").trim();
}

/**
 * Names of the referenced elements, each from its aria-label or its content. The references are not
 * followed further, as accname prescribes, so aria-labelledby cycles cannot recurse.
 */
function labelledbyText(el: Element, ids: string): string {
  const parts: string[] = [];
  for (const id of ids.trim().split(/\s+/).slice(0, MAX_LABELLEDBY_IDS)) {
    const ref = byIdInTree(el, id);
    if (!ref) continue;
    const label = attr(ref, "aria-label");
    if (label?.trim()) {
      parts.push(label);
      continue;
    }
    if (ref.localName === "input") {
      parts.push(attr(ref, "value") || "");
      continue;
    }
    const budget: Budget = { nodes: 0, text: "", exclude: null };
    appendChildren(ref, budget, 0);
    parts.push(budget.text);
  }
  return parts.join(" ").trim();
}

function svgTitle(svg: Element): string {
  for (let child = svg.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === "title") return child.textContent ?? "";
  }
  return "";
}

/** Hidden by its own markup (hidden, aria-hidden, an inline display:none or visibility:hidden), without asking for styles. */
export function hiddenFromAccessibility(el: Element): boolean {
  if (attr(el, "aria-hidden") === "true" || el.hasAttribute("hidden")) return true;
  const style = attr(el, "style");
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function appendChildren(parent: Node, budget: Budget, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (++budget.nodes > MAX_NODES || budget.text.length > MAX_RAW) return;
    if (node.nodeType === TEXT_NODE) {
      budget.text += (node as Text).data;
    } else if (node.nodeType === ELEMENT_NODE) {
      appendElement(node as Element, budget, depth);
    }
  }
}

function appendElement(el: Element, budget: Budget, depth: number): void {
  if (el === budget.exclude) return;
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag) || hiddenFromAccessibility(el)) return;
  const block = BLOCK_TAGS.has(tag);
  if (block) budget.text += " ";
  const ariaLabel = attr(el, "aria-label");
  if (ariaLabel?.trim()) {
    budget.text += ` ${ariaLabel} `;
  } else if (tag === "img") {
    budget.text += ` ${attr(el, "alt") ?? ""} `;
  } else if (tag === "svg") {
    budget.text += ` ${svgTitle(el)} `;
  } else if (tag === "input") {
    const type = (attr(el, "type") || "text").toLowerCase();
    if (type === "submit" || type === "button" || type === "image") budget.text += ` ${inputName(el as HTMLInputElement)} `;
  } else if (tag === "slot") {
    appendSlot(el as HTMLSlotElement, budget, depth);
  } else {
    appendChildren(shownContent(el), budget, depth + 1);
  }
  if (block) budget.text += " ";
}

function appendSlot(slot: HTMLSlotElement, budget: Budget, depth: number): void {
  const assigned = slot.assignedNodes({ flatten: true });
  if (assigned.length === 0) {
    appendChildren(slot, budget, depth + 1);
    return;
  }
  for (const node of assigned.slice(0, MAX_NODES)) {
    if (node.nodeType === TEXT_NODE) budget.text += (node as Text).data;
    else if (isElement(node)) appendElement(node, budget, depth + 1);
  }
}
