/**
 * The value a recipient field or element shows: a text field's value, a dropdown's or combobox's chosen
 * option, the chips or tokens in a "To" field (without their remove buttons), or the name line of a
 * card. Bounded and cleaned: the page is untrusted.
 */
import { subtreeText } from "./accessible-name.ts";
import { attr, byIdInTree, isElement, TEXT_NODE } from "./dom.ts";
import { isField } from "./recipient-interpret.ts";
import { cleanText } from "./text.ts";

export const EMAIL = /[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}/i;
export const PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,6})?/i;
// React-Select shows its choice beside the input as single-value / multi-value blocks.
const CHIP_SELECTOR =
  '[role="option"], [class*="chip"], [class*="token"], [class*="pill"], [data-chip], [data-token], [class*="single-value"], [class*="singleValue"], [class*="multi-value__label"], [class*="multiValueLabel"]';
/** A BEM element of a chip ("tb-token__name", "chip__label"): a part of its chip, read with it, not a chip. */
const CHIP_PART = /(?:chip|token|pill)__/;
const CHIP_WORD = /chip|token|pill/;
const FIELD_SELECTOR = "input, select, textarea";
const MAX_CHIP_CLIMB = 3;
/** A line that is only a label and its value ("Fax: …"), an identifier or a number: not a name. */
const NOT_A_NAME = /^[^:]{1,30}:|^[\d\s().+-]+$|@/;
const MAX_LEAVES = 40;
/** Lines a card holds at most: name, specialty, practice, address, numbers. */
const MAX_CARD_LINES = 8;
/** Pieces of one line ("Bayview Digestive Health · 410 Harbor Blvd"), and a piece that is a fax ("Fax: (555) 010-2741"). */
export const PIECE_SEPARATOR = /\s+[·•|]\s+/;
export const FAX_PIECE = /^\s*(?:e?fax|f)\b/i;
/** A fax number said inside a line rather than as a piece of its own ("Lakeside Cardiology (fax 555-010-2233)", "… — Fax: …"). */
const FAX_MENTION = new RegExp(`(^|[\\s,;(\\[\u2013\u2014-])e?-?fax\\b(?:\\s*(?:no\\.?|number|#))?\\s*[:#]?\\s*(${PHONE.source})`, "i");

/** The fax a line mentions, and what the line says before it (the name it belongs to, or ""). */
export function inlineFax(line: string): { fax: string; before: string } | undefined {
  const match = FAX_MENTION.exec(line);
  if (!match) return undefined;
  const before = line.slice(0, match.index + match[1]!.length).replace(/[\s,;:(\[\u2013\u2014-]+$/, "");
  return { fax: match[2]!, before };
}

export function elementValue(el: Element): string {
  return readValue(el).value;
}

/** A field's value (the element's, or the one field's inside it), else the element read as a card, with the fax it shows. */
export function readValue(el: Element): { value: string; fax?: string | undefined } {
  if (isField(el)) return { value: fieldValue(el) };
  const field = el.querySelector("input, select, textarea, [role='combobox'], [contenteditable]");
  if (field && isField(field)) return { value: fieldValue(field) };
  const { name, fax } = readCard(el);
  return { value: name, fax };
}

export function fieldValue(field: Element): string {
  const tag = field.localName;
  if (tag === "select") return selectedText(field as HTMLSelectElement);
  if (attr(field, "role") === "combobox" && tag !== "input") return comboboxValue(field);
  const chips = chipTexts(field);
  let value = "";
  if (tag === "input" || tag === "textarea") value = propertyValue(field as HTMLInputElement);
  else value = chips.length ? ownText(field) : subtreeText(field);
  return cleanText([...chips, value].filter(Boolean).join("; "), 300);
}

export function propertyValue(input: HTMLInputElement): string {
  try {
    return String(input.value ?? "").slice(0, 2_000);
  } catch {
    return attr(input, "value") ?? "";
  }
}

function selectedText(select: HTMLSelectElement): string {
  const option = select.options?.[select.selectedIndex];
  if (!option) return "";
  const text = cleanText(option.textContent ?? "", 300);
  // "Select a provider…" placeholders carry no recipient, nor does "Other (type below)": the typed-in field does.
  if (attr(option, "value") === "" || /^(?:select|choose|pick|--|none)\b|^other\b\s*(?:$|[(\-–—:,.…])/i.test(text)) return "";
  return text;
}

function comboboxValue(combobox: Element): string {
  const input = combobox.querySelector("input");
  const typed = input ? propertyValue(input).trim() : "";
  if (typed) return cleanText(typed, 300);
  const active = attr(combobox, "aria-activedescendant");
  const option = active ? byIdInTree(combobox, active) : null;
  if (option) return cleanText(subtreeText(option), 300);
  return cleanText(subtreeText(combobox), 300);
}

/** Chips/tokens in or beside a "To" field (up to the widget around it, which holds no other field), each without its remove button. */
function chipTexts(field: Element): string[] {
  let container = field.localName !== "input" ? field : field.parentElement;
  for (let i = 0; container && field.localName === "input" && i < MAX_CHIP_CLIMB; i++) {
    const up: Element | null = container.parentElement;
    if (!up || up.querySelectorAll(FIELD_SELECTOR).length > 1) break;
    container = up;
  }
  if (!container) return [];
  const chips: string[] = [];
  const found = container.querySelectorAll(CHIP_SELECTOR);
  for (let i = 0; i < found.length && chips.length < 20; i++) {
    const chip = found[i]!;
    if (isChipPart(chip)) continue;
    const outer = chip.parentElement?.closest(CHIP_SELECTOR);
    // A chip inside a chip is read with it; the box around the field may be styled as "tokens".
    if (chip.contains(field) || (outer && !outer.contains(field) && container.contains(outer))) continue;
    const clean = cleanText(ownText(chip), 300);
    if (clean) chips.push(clean);
  }
  return chips;
}

/** An element's text without its buttons (a chip's ×) and without the chips inside it (read apart). */
function ownText(el: Element): string {
  let text = "";
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) text += (node as Text).data;
    else if (isElement(node) && node.localName !== "button" && attr(node, "role") !== "button" && !(el !== node && isChip(node)))
      text += ` ${subtreeText(node)} `;
  }
  return text;
}

function isChip(el: Element): boolean {
  try {
    return el.matches(CHIP_SELECTOR) && attr(el, "role") !== "option" && !isChipPart(el);
  } catch {
    return false;
  }
}

/**
 * Every chip-like class of the element names a part of a chip: a BEM element ("token__name"), or a class the chip
 * around it extends ("ux-token-name" in "ux-token"); and nothing else makes it a chip.
 */
function isChipPart(el: Element): boolean {
  const words = chipWords(el);
  if (words.length === 0 || attr(el, "role") === "option" || el.hasAttribute("data-chip") || el.hasAttribute("data-token")) return false;
  if (words.every((word) => CHIP_PART.test(word))) return true;
  const outer = el.parentElement?.closest(CHIP_SELECTOR);
  const blocks = outer ? chipWords(outer) : [];
  return blocks.length > 0 && words.every((word) => blocks.some((block) => word.startsWith(`${block}-`) || word.startsWith(`${block}_`)));
}

function chipWords(el: Element): string[] {
  return (attr(el, "class") ?? "").split(/\s+/).filter((word) => CHIP_WORD.test(word));
}

/** A card (a chosen option, a side-panel card) read once: its name line and the fax it shows. */
export function readCard(el: Element): { name: string; fax?: string | undefined } {
  const lines: string[] = [];
  collectLines(el, lines);
  return { name: nameLine(el, lines), fax: faxLine(lines) };
}

/** The name line of a card: its first line of text that is not a "Label: value" line, a number or an address. A one-line element is its own text. */
function nameLine(el: Element, lines: readonly string[]): string {
  const line = lines.length <= 1 ? cleanText(subtreeText(el), 300) : (lines.find((line) => !NOT_A_NAME.test(line)) ?? "");
  // "Lakeside Cardiology — Fax (555) 010-2233": the name without the number it is reached at.
  return inlineFax(line)?.before || line;
}

/**
 * The fax a card shows beside its name, on a line or piece of its own that says so ("Phone: … · Fax: (555) 010-2741").
 * Only a card's: a longer block may hold other people's numbers.
 */
function faxLine(lines: readonly string[]): string | undefined {
  if (lines.length > MAX_CARD_LINES) return undefined;
  for (const line of lines) {
    for (const piece of line.split(PIECE_SEPARATOR)) {
      const fax = FAX_PIECE.test(piece) ? piece.match(PHONE)?.[0] : undefined;
      if (fax) return fax;
    }
  }
  for (const line of lines) {
    const fax = inlineFax(line)?.fax;
    if (fax) return fax;
  }
  return undefined;
}

const BLOCK = /^(?:div|p|li|ul|ol|dl|dt|dd|section|article|header|footer|table|tbody|tr|td|th|h[1-6]|br|label)$/;

/** Lines of text: a block element with block children is split into them; anything else is one line. */
function collectLines(el: Element, lines: string[]): void {
  for (let node = el.firstChild; node && lines.length < MAX_LEAVES; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      const text = cleanText((node as Text).data, 300);
      if (text) lines.push(text);
    } else if (isElement(node) && node.localName !== "button" && node.localName !== "input" && attr(node, "aria-hidden") !== "true") {
      if (Array.from(node.children).some((child) => BLOCK.test(child.localName))) collectLines(node, lines);
      else {
        const text = subtreeText(node);
        if (text) lines.push(text);
      }
    }
  }
}
