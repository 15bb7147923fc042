/**
 * The value a recipient field or element shows: a text field's value, a dropdown's or combobox's chosen
 * option, the chips or tokens in a "To" field (without their remove buttons), or a card (recipient-card.ts).
 * Bounded and cleaned: the page is untrusted.
 */
import { subtreeText } from "./accessible-name.ts";
import {
  attr,
  byIdInTree,
  DIALOG_SELECTOR,
  EDITABLE_SELECTOR,
  FIELD_SELECTOR,
  isElement,
  POSITION_FOLLOWING,
  POSITION_PRECEDING,
  TEXT_NODE,
} from "./dom.ts";
import { EMAIL, NUMBER_ONLY } from "./address.ts";
import { type CardRead, collectLines, notChosen, readCard } from "./recipient-card.ts";
import { isField } from "./recipient-interpret.ts";
import { cleanText } from "./text.ts";

// React-Select shows its choice beside the input as single-value / multi-value blocks.
// Component libraries capitalise their classes (MUI's "MuiChip-root", Mantine's "mantine-Pill-root"); a tags input's chip is
// "tag", Ext JS's tag field's "x-tagfield-item", Select2's "select2-selection__choice", Zimbra's address "addrBubble".
// Whatever its class, a rich-text field's token is an island the caret cannot enter: contenteditable=false (MaxMD's "md-tok").
const CHIP_SELECTOR =
  '[contenteditable=false],[role=option],[class*="chip" i],[class*="token" i],[class*="pill" i],[class*="bubble" i],[class~="tag" i],[class*=tagfield-item],[class*=__choice],[data-chip],[data-token],[class*=single-value],[class*=singleValue],[class*=multi-value__label],[class*=multiValueLabel]';
/** A BEM element of a chip ("tb-token__name", "chip__label"): a part of its chip, read with it, not a chip. */
const CHIP_PART = /(?:chip|token|pill|bubble)__/i;
const CHIP_WORD = /chip|token|pill|bubble|^tag$/i;
/** A chip-like class that names the box around the chips ("k2-tokens", "chip-list", "token-field"), not a chip. */
const CHIP_BOX = /(?:chips|tokens|pills|list|container|field|wrapper|input|group|area|box|set)$/i;
const MAX_CHIP_CLIMB = 3;

export function elementValue(el: Element): string {
  return readValue(el).value;
}

/** What a recipient element shows: its value, and the fax and organisation when it is a card. */
export type ValueRead = { value: string } & Omit<CardRead, "name">;

/** A field's value (the element's, or the one field's inside it), else the element read as a card, with what the card shows. */
export function readValue(el: Element): ValueRead {
  if (isField(el)) return { value: fieldValue(el) };
  const field = el.querySelector(`${EDITABLE_SELECTOR},[role=combobox]`);
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
  // One chip and the number typed beside it are one recipient's (Simuwave's "Dr. Kwame Boateng · Hillcrest Sleep Center"
  // over its fax number): a piece of the chip's line. Chips of several recipients stay apart.
  const typed = value.trim();
  if (chips.length === 1 && typed.length >= 7 && NUMBER_ONLY.test(typed)) return cleanText(`${chips[0]} · ${value}`, 300);
  return cleanText([...chips, value].filter(Boolean).join("; "), 300);
}

export function propertyValue(input: HTMLInputElement): string {
  try {
    return String(input.value ?? "").slice(0, 2_000);
  } catch {
    return attr(input, "value") ?? "";
  }
}

/** A note in parentheses, all there is: "(patient contacts)", "(optional)". */
export const NOTE_ONLY = /^\(.*\)$/;
/**
 * A line that points to where the recipient is chosen ("Selected in the patient's health network →", CareRight) or only
 * notes what the list below holds ("Send To (patient contacts)", Valant): no one's name.
 */
export const POINTS_ELSEWHERE = new RegExp(
  `[→⇒➔➜›»]\\s*$|^(?:selected|chosen|picked|shown|listed) (?:in|on|from|below|above)\\b|${NOTE_ONLY.source}`,
  "i",
);
/** A choice not made yet: "Select a provider…", "— choose from your address book", "Seleccione…", "-- none --"; whole words ("Pickett" is a name). */
export const PROMPT = /^[\s\-–—]*(?:select|choose|pick|seleccion\w*|selecione|escolh\w*|elij\w*|choisi\w*|s[eé]lectionn\w*|none)\b/i;

function selectedText(select: HTMLSelectElement): string {
  const option = select.options?.[select.selectedIndex];
  if (!option) return "";
  const text = cleanText(option.textContent ?? "", 300);
  // "Select a provider…" placeholders carry no recipient, nor does "Other (type below)": the typed-in field does.
  if (attr(option, "value") === "" || PROMPT.test(text) || /^other\b\s*(?:$|[(\-–—:,.…])/i.test(text)) return "";
  return text;
}

function comboboxValue(combobox: Element): string {
  const input = combobox.querySelector("input");
  const typed = input ? propertyValue(input).trim() : "";
  if (typed) return cleanText(typed, 300);
  const active = attr(combobox, "aria-activedescendant");
  const option = active ? byIdInTree(combobox, active) : null;
  if (option) return cleanText(subtreeText(option), 300);
  // Select2, Angular Material and react-select show "Search contacts…" in a placeholder element until a choice is made.
  const shown = combobox.querySelector("[class*=placeholder]") ? "" : cleanText(subtreeText(combobox), 300);
  return PROMPT.test(shown) ? "" : shown;
}

/** Chips/tokens in or beside a "To" field (up to the widget around it, which holds no other field), each without its remove button. */
function chipTexts(field: Element): string[] {
  let container = field.localName !== "input" ? field : field.parentElement;
  // A rich-text To box may hold its chips, or have them beside it (NextGen's chips before the typing area); a list has none.
  // One that holds its own is read alone: chips further up are another field's (eFax's attachments under its To).
  const climbs = container !== field || !field.querySelector(CHIP_SELECTOR);
  for (let i = 0; climbs && container && field.localName !== "select" && i < MAX_CHIP_CLIMB; i++) {
    const up: Element | null = container.parentElement;
    // Never out of the field's form or dialog, nor to the page's body: a chip there is another part of the page's.
    if (!up || up.localName === "body" || container.matches(`form,${DIALOG_SELECTOR}`) || up.querySelectorAll(FIELD_SELECTOR).length > 1)
      break;
    container = up;
  }
  if (!container) return [];
  const chips: string[] = [];
  const found = container.querySelectorAll(CHIP_SELECTOR);
  const stretch = fieldStretch(field, container);
  // A combobox's suggestions (its popup may stay in the page) are not tokens, nor is an option not chosen.
  const suggestions = Array.from(container.querySelectorAll("[role=listbox]")).filter(notChosen);
  for (let i = 0; i < found.length && chips.length < 20; i++) {
    const chip = found[i]!;
    // A closed popup (hidden) shows no one, whatever it holds.
    if (
      isChipPart(chip) ||
      isChipBox(chip) ||
      notChosen(chip) ||
      suggestions.some((list) => list.contains(chip)) ||
      chip.closest("[hidden]") ||
      !stretch(chip)
    )
      continue;
    const outer = chipAround(chip);
    // A chip inside a chip is read with it; the box around the field may be styled as "tokens".
    if (chip.contains(field) || (outer && !outer.contains(field) && container.contains(outer))) continue;
    // Its parts ("Priya Natarajan, MD", "Lakeshore Cardiology · …@direct…") as pieces of one line, without its ×.
    const lines: string[] = [];
    collectLines(chip, lines);
    const clean = cleanText(lines.join(" · "), 300);
    if (clean) chips.push(clean);
  }
  return chips.length ? chips : addressedBeside(field);
}

/**
 * In a block of several fields (a grid of To, Subject, Attached), the stretch that is the field's own: between the
 * fields before and after it. A chip past the next field is that field's or another line's (RamSoft's attached CCDA).
 */
function fieldStretch(field: Element, container: Element): (chip: Element) => boolean {
  const fields = Array.from(container.querySelectorAll(FIELD_SELECTOR));
  const at = fields.indexOf(field);
  if (fields.length < 2 || at < 0) return () => true;
  const before = fields[at - 1];
  const after = fields[at + 1];
  return (chip) =>
    (!after || (chip.compareDocumentPosition(after) & POSITION_FOLLOWING) !== 0) &&
    (!before || (chip.compareDocumentPosition(before) & POSITION_PRECEDING) !== 0);
}

/**
 * Chips no class of ours names (AgendaPro's "ap-ficha"), known by what they show: a name and e-mail address, or an
 * address alone, in an element just beside the field in its box, the field left empty after the pick. A combobox
 * shows its pick itself, a card below it shows the one picked (shownAfter).
 */
function addressedBeside(field: Element): string[] {
  const typed = field.localName === "input" ? propertyValue(field as HTMLInputElement) : subtreeText(field);
  if (attr(field, "role") === "combobox" || typed.trim()) return [];
  const chips: string[] = [];
  for (let el = field.parentElement?.firstElementChild, i = 0; el && i < 20; el = el.nextElementSibling, i++) {
    if (
      el === field ||
      isField(el) ||
      el.querySelector(FIELD_SELECTOR) ||
      el.matches("ul,ol,[role=listbox],button") ||
      el.closest("[hidden]")
    )
      continue;
    const text = cleanText(subtreeText(el), 300);
    // A line that says what it is ("From: arivera@…", MaxMD's sender over its To) is no chip.
    if (EMAIL.test(text) && text.length < 160 && !/^[^:@]{1,30}:/.test(text)) chips.push(text);
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
  return el.matches(CHIP_SELECTOR) && attr(el, "role") !== "option" && !isChipPart(el) && !isChipBox(el);
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
