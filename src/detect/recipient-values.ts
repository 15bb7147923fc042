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
/** A chip-like class that names the box around the chips ("k2-tokens", "chip-list", "token-field"), not a chip. */
const CHIP_BOX = /(?:chips|tokens|pills|list|container|field|wrapper|input|group|area|box|set)$/;
const FIELD_SELECTOR = "input, select, textarea";
const MAX_CHIP_CLIMB = 3;
/** A line that is only a label and its value ("Fax: …"), an identifier or a number: not a name. */
const NOT_A_NAME = /^[^:]{1,30}:|^[\d\s().+-]+$|@/;
const MAX_LEAVES = 40;
/** Lines a card holds at most: name, specialty, practice, address, numbers. */
const MAX_CARD_LINES = 8;
/** Pieces of one line ("Bayview Digestive Health · 410 Harbor Blvd", "Dr. Rosa Lindqvist — Neurology"), and a piece that is a fax ("Fax: (555) 010-2741"). */
export const PIECE_SEPARATOR = /\s+[·•|\u2013\u2014]\s+/;
export const FAX_PIECE = /^\s*(?:e?fax|f)\b/i;
/** A fax number said inside a line rather than as a piece of its own ("Lakeside Cardiology (fax 555-010-2233)", "… — Fax: …"). */
const FAX_MENTION = new RegExp(`(^|[\\s,;(\\[\u2013\u2014-])e?-?fax\\b(?:\\s*(?:no\\.?|number|#))?\\s*[:#]?\\s*(${PHONE.source})`, "i");

/** The fax a line mentions, and what the line says before it (the name it belongs to, or ""). */
/**
 * A piece of a card that names an organisation beside the person: two words or more with one a practice
 * or service would call itself by ("Lakeshore Counseling Group", "Bayview Digestive Health"). A bare
 * specialty ("Dermatology") is one word, and an address starts with its number.
 */
const ORGANIZATION_WORD =
  /\b(?:clinics?|hospitals?|health|healthcare|medical|medicine|center|centre|associates|partners|group|practice|physicians|specialists|institute|network|services|pllc|llc|inc|counseling|therapy|rehabilitation|rehab|imaging|laboratory|laboratories|labs|pharmacy|care|cardiology|orthopedics|orthopaedics|dermatology|pediatrics|oncology|neurology|gastroenterology|radiology|urology|pulmonology|nephrology|endocrinology|rheumatology|psychiatry|surgery|surgical|dental|hospice|agency|department|university|clinica|centro|salud)\b/i;

export function organizationPiece(piece: string): boolean {
  const text = organizationText(piece);
  return /\S\s+\S/.test(text) && !/^\d|[:@]/.test(text) && !PHONE.test(text) && ORGANIZATION_WORD.test(text);
}

/** A piece without the dash or comma that joined it to the name ("— Gastroenterology"). */
export function organizationText(piece: string): string {
  return piece.replace(/^[\s,;\u2013\u2014-]+/, "").trim();
}

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
/** What a recipient element shows: its value, and the fax and organisation when it is a card. */
export type ValueRead = { value: string } & Omit<CardRead, "name">;

export function readValue(el: Element): ValueRead {
  if (isField(el)) return { value: fieldValue(el) };
  const field = el.querySelector("input, select, textarea, [role='combobox'], [contenteditable]");
  if (field && isField(field)) return { value: fieldValue(field) };
  const { name, ...beside } = readCard(el);
  return { value: name, ...beside };
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
    if (isChipPart(chip) || isChipBox(chip)) continue;
    const outer = chipAround(chip);
    // A chip inside a chip is read with it; the box around the field may be styled as "tokens".
    if (chip.contains(field) || (outer && !outer.contains(field) && container.contains(outer))) continue;
    // Its parts ("Priya Natarajan, MD", "Lakeshore Cardiology · …@direct…") as pieces of one line, without its ×.
    const lines: string[] = [];
    collectLines(chip, lines);
    const clean = cleanText(lines.join(" · "), 300);
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
    return el.matches(CHIP_SELECTOR) && attr(el, "role") !== "option" && !isChipPart(el) && !isChipBox(el);
  } catch {
    return false;
  }
}

/** The chip around `el`, past any box of chips. */
function chipAround(el: Element): Element | null {
  let outer = el.parentElement?.closest(CHIP_SELECTOR) ?? null;
  for (let i = 0; outer && i < MAX_CHIP_CLIMB && isChipBox(outer); i++) outer = outer.parentElement?.closest(CHIP_SELECTOR) ?? null;
  return outer && isChipBox(outer) ? null : outer;
}

/** A box of chips ("k2-tokens", "chip-list"): every chip-like class of it says so, and nothing marks it a chip. */
function isChipBox(el: Element): boolean {
  const words = chipWords(el);
  return words.length > 0 && !el.hasAttribute("data-chip") && !el.hasAttribute("data-token") && words.every((word) => CHIP_BOX.test(word));
}

/**
 * Every chip-like class of the element names a part of a chip: a BEM element ("token__name"), or a class the chip
 * around it extends ("ux-token-name" in "ux-token"); and nothing else makes it a chip.
 */
function isChipPart(el: Element): boolean {
  const words = chipWords(el);
  if (words.length === 0 || attr(el, "role") === "option" || el.hasAttribute("data-chip") || el.hasAttribute("data-token")) return false;
  if (words.every((word) => CHIP_PART.test(word))) return true;
  const outer = chipAround(el);
  const blocks = outer ? chipWords(outer) : [];
  return blocks.length > 0 && words.every((word) => blocks.some((block) => word.startsWith(`${block}-`) || word.startsWith(`${block}_`)));
}

function chipWords(el: Element): string[] {
  return (attr(el, "class") ?? "").split(/\s+/).filter((word) => CHIP_WORD.test(word));
}

export interface CardRead {
  name: string;
  fax?: string | undefined;
  /** The practice a line below the name names ("Lakeshore Counseling Group"), when the card shows one apart. */
  organization?: string | undefined;
}

/** A card (a chosen option, a side-panel card) read once: its name line, the fax and the organisation it shows. */
export function readCard(el: Element): CardRead {
  const lines: string[] = [];
  collectLines(el, lines);
  const at = lines.length <= 1 ? 0 : lines.findIndex((line) => !NOT_A_NAME.test(line));
  const line = lines.length <= 1 ? cleanText(subtreeText(el), 300) : (lines[at] ?? "");
  // "Lakeside Cardiology — Fax (555) 010-2233": the name without the number it is reached at.
  const name = inlineFax(line)?.before || line;
  const organization = lines.length > MAX_CARD_LINES || at < 0 ? undefined : organizationAfter(lines.slice(at + 1));
  return { name, fax: faxLine(lines), organization };
}

/** The first piece of the lines after a card's name that names an organisation. */
function organizationAfter(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const piece = line.split(PIECE_SEPARATOR).find(organizationPiece);
    if (piece) return cleanText(organizationText(piece), 300);
  }
  return undefined;
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

/** An option the person did not choose: an unselected item, or a card holding an unchecked radio. */
export function notChosen(el: Element): boolean {
  if (attr(el, "aria-selected") === "false" || attr(el, "aria-checked") === "false") return true;
  if (el.localName !== "label") return false;
  const input = el.querySelector("input[type=radio], input[type=checkbox]") as HTMLInputElement | null;
  return input !== null && !input.checked;
}

/** Parts a component laid out apart: two or more children, each with a class of its own ("__name", "__meta"). */
function classedParts(el: Element): boolean {
  const children = el.children;
  if (children.length < 2) return false;
  const classes = new Set<string>();
  for (let i = 0; i < children.length; i++) {
    const name = attr(children[i]!, "class");
    if (!name) return false;
    classes.add(name);
  }
  return classes.size === children.length;
}

const BLOCK = /^(?:div|p|li|ul|ol|dl|dt|dd|section|article|header|footer|table|tbody|tr|td|th|h[1-6]|br|label)$/;

/** Lines of text: a block element with block children is split into them; anything else is one line. */
function collectLines(el: Element, lines: string[]): void {
  for (let node = el.firstChild; node && lines.length < MAX_LEAVES; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      const text = cleanText((node as Text).data, 300);
      if (text) lines.push(text);
    } else if (
      isElement(node) &&
      node.localName !== "button" &&
      node.localName !== "input" &&
      attr(node, "role") !== "button" &&
      attr(node, "aria-hidden") !== "true" &&
      // A group of cards shows the chosen one: the others are options, not lines of it.
      !notChosen(node)
    ) {
      if (Array.from(node.children).some((child) => BLOCK.test(child.localName)) || classedParts(node)) collectLines(node, lines);
      else {
        const text = subtreeText(node);
        if (text) lines.push(text);
      }
    }
  }
}
