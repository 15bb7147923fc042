/**
 * Cues of sensitive content, read off what will leave with one action, never off the page at large:
 * the documents chosen for it (checked boxes, selected rows and options, listed attachments), the type
 * and title of the note or document sent, where the records come from, and notices that travel with
 * them (the 42 CFR Part 2 redisclosure notice). The search stays inside the control's form or dialog,
 * or its nearest section or article; a recipient field is never content.
 * This is the DOM half, in the content script: it reports what it read with where it read it. Which
 * kinds the words name (and which mentions are negated) is decided by cues-match.ts, in the background
 * and the extension pages, so the vocabulary costs the page nothing.
 */
import { accessibleName, labelText, subtreeText } from "./accessible-name.ts";
import {
  ATTACHMENT_TITLE,
  DOCUMENT_FIELD_LABEL,
  LABEL_WORDS,
  NEGATION_BEFORE,
  NOTE_TYPE_LABEL,
  SOURCE_LABEL,
  type CueSource,
} from "./cues-vocabulary.ts";
import { attr, DIALOG_SELECTOR, FIELD_SELECTOR, HEADING_SELECTOR as TITLE, INLINE_LABEL_TAGS, isOwnHost, ROW_SELECTOR } from "./dom.ts";
import { DOCUMENTS } from "./context.ts";
import { nearestFirst, openedRecord, scopeOf } from "./send-scope.ts";
import { RECIPIENT_LABEL_RULES, RECIPIENT_SECTION_PATTERN } from "./recipient-labels.ts";
import { cleanText, matchText } from "./text.ts";
import { walk, type WalkVisitor } from "./walk.ts";

/** What was read and where: "notice" text counts only for the words of a notice (cues-match.ts). */
export interface CueText {
  source: CueSource;
  /** What the page shows (an attachment's name, the note type), for the verdict to name; never stored. */
  text: string;
}

const BEFORE = new RegExp(NEGATION_BEFORE);
/** Where a notice's legal words start: the long form's "protected by…" first, though a heading ("42 CFR part 2 notice:") may lead it. */
const NOTICE_START = [/protected by (?:federal|42)/i, /42\s*c\.?f\.?r/i];
const NOTE_TYPE = new RegExp(NOTE_TYPE_LABEL);
const SOURCE = new RegExp(SOURCE_LABEL);
const DOCUMENT_FIELD = new RegExp(DOCUMENT_FIELD_LABEL);
const ATTACHMENTS = new RegExp(ATTACHMENT_TITLE);
/**
 * Raw text that may hold a LABEL_WORDS word, before matchText (the walk meets a leaf text per element). Loose, so
 * it never drops a label: any case, a hyphen after the first letter (matchText joins "t-ype"), any text not plain ASCII.
 */
const LABEL_WORD = new RegExp(`${LABEL_WORDS.map((word) => `${word[0]}-?${word.slice(1)}`).join("|")}|[^\\x00-\\x7f]`, "i");
const RECIPIENT = new RegExp(
  [
    RECIPIENT_SECTION_PATTERN,
    ...RECIPIENT_LABEL_RULES.map((rule) => rule.pattern),
    "\\b(?:recipients?|npi|fax number|direct address)\\b",
  ].join("|"),
);

const LIST = "ul,ol,table,[role=list],[role=listbox],[role=grid],[role=table],[role=tree]";
const CHECKBOX = "input[type=checkbox],input[type=radio],[role=checkbox],[role=radio],[role=switch],[role=menuitemcheckbox]";
const SKIPPED = new Set(["script", "style", "template", "noscript", "button"]);
const MAX_ELEMENTS = 3_000;
/** What crosses to the background at most (DetectedAction allows 40 of 120 characters). */
const MAX_CUES = 40;
const TEXT_MAX = 120;
/** A message is read a sentence at a time, its first few: each kept to TEXT_MAX, as a title is. */
const SENTENCE_END = /(?<=[.;!?])\s+|\n+/;
const MAX_MESSAGE_SENTENCES = 6;

/** A container's own title: its label, or a heading among its first children. */
function titleOf(el: Element): string {
  if (attr(el, "aria-label") || attr(el, "aria-labelledby")) return accessibleName(el);
  const heading = headingOf(el);
  return heading ? subtreeText(heading) : "";
}

function headingOf(el: Element): Element | null {
  for (let child = el.firstElementChild, i = 0; child && i < 3; child = child.nextElementSibling, i++) {
    const heading = child.matches(TITLE) ? child : child.localName === "header" ? child.querySelector(TITLE) : null;
    if (heading) return heading;
  }
  return null;
}

/** The group an item (row, option, checkbox) belongs to: its list or table, else its parent. */
function groupOf(item: Element): Element | null {
  return item.closest(LIST) ?? item.parentElement;
}

/** What a list, table or group of items is called: its label, caption, legend, column headers or the heading just before it. */
function groupTitle(group: Element): string {
  let title = titleOf(group);
  const head = group.querySelector("thead,tr");
  if (head && group.localName === "table") title += ` ${subtreeText(head)}`;
  const previous = group.previousElementSibling;
  if (previous && !previous.querySelector(FIELD_SELECTOR)) title += ` ${subtreeText(previous).slice(0, 80)}`;
  const fieldset = group.closest("fieldset,[role=group]");
  if (fieldset) title += ` ${titleOf(fieldset)}`;
  return matchText(title);
}

function fieldLabel(field: Element): string {
  return matchText(accessibleName(field) || labelText(field) || attr(field, "name") || "").replace(/\s+$/, "");
}

function sourceForLabel(label: string): CueSource | undefined {
  if (NOTE_TYPE.test(label)) return "note-type";
  if (SOURCE.test(label)) return "program";
  if (DOCUMENT_FIELD.test(label)) return /attach/.test(label) ? "attached" : "document";
  return undefined;
}

/**
 * What the page shows of the record `control` would send. `deadline` (performance.now()): a read ahead of time (the
 * idle pre-warm) that passes it throws PastDeadline rather than answer from half the page, and a page that breaks the
 * reading throws too. `openedFrom`: the control last pressed outside any dialog (openedRecord).
 */
export function readCues(control: Element, deadline?: number, openedFrom?: Element): CueText[] {
  const found = new Map<string, CueText>();
  const add = (raw: string, source: CueSource) => {
    const text = cleanText(raw, TEXT_MAX);
    if (text && found.size < MAX_CUES && !found.has(text)) found.set(text, { source, text });
  };
  // A table's rows share its title: read it once per group, not once per row.
  const titles = new Map<Element | null, string>();
  const titleFor = (item: Element) => {
    const group = groupOf(item);
    let title = titles.get(group);
    if (title === undefined) titles.set(group, (title = group ? groupTitle(group) : ""));
    return title;
  };
  // No catch: half a reading is none. Ahead of time it would be asked under a key no click has; at a click it may miss
  // what makes the record sensitive (describeControl: could not decide).
  const scope = scopeOf(control);
  if (!scope) return [];
  // The control's own name can say what it sends ("Fax psychiatric evaluation"); so can the titles around it.
  add(accessibleName(control), "document");
  // A control in a row acts on the row's item: its text says what goes ("Hereditary cancer panel … .pdf" [Download]).
  const row = control.closest(ROW_SELECTOR);
  if (row) add(subtreeText(row, control), "document");
  for (const container of scope.titled) {
    add(titleOf(container), "document");
    // A send dialog's line under its title says what it sends ("HIV-1/2 Ag/Ab … Nonreactive", "Referral for … IUD").
    const line = container.closest(DIALOG_SELECTOR) && headingOf(container)?.nextElementSibling;
    if (line && line.localName === "p") add(subtreeText(line), "document");
  }
  // A small document read whole (a viewer in a frame) is the document sent: its headings say what it is.
  if (scope.root.localName === "body") for (const heading of scope.root.querySelectorAll(TITLE)) add(subtreeText(heading), "document");
  // A notice is long: keep it from its legal words on, so they survive the length limit.
  const addNotice = (text: string) => {
    const at = NOTICE_START.map((start) => text.search(start)).find((index) => index >= 0);
    if (at !== undefined) add(text.slice(at), "notice");
  };
  // A message or cover note goes with the record, and says what it is about ("transferring HIV care…"): each of its
  // first sentences, as the record's own titles are read. A notice written into it travels too (RingCentral's cover
  // page note). A recipient's box (a To line of chips) is no message.
  const addMessage = (text: string, label: string) => {
    if (RECIPIENT.test(label)) return;
    addNotice(text);
    for (const sentence of text.split(SENTENCE_END).slice(0, MAX_MESSAGE_SENTENCES)) add(sentence, "message");
  };
  const visitor: WalkVisitor = {
    element(el) {
      const tag = el.localName;
      if (SKIPPED.has(tag) || isOwnHost(el)) return false;
      // Cells, rows and spans often carry no attribute at all: one call then answers every attribute test below.
      const attributed = el.hasAttributes();
      // Hidden, or a dialog not open (TouchWorks' Send Chart, its boxes ticked, behind a toolbar's Download): nothing there goes.
      if (
        (tag === "dialog" && !el.hasAttribute("open")) ||
        (attributed && (el.hasAttribute("hidden") || attr(el, "aria-hidden") === "true"))
      )
        return false;
      const role = attributed ? attr(el, "role") : null;
      // Cheap tests first: the walk meets thousands of elements, few of them inputs or with a role.
      if ((tag === "input" || role !== null) && el.matches(CHECKBOX)) {
        const checked = tag === "input" ? (el as HTMLInputElement).checked : attr(el, "aria-checked") === "true";
        const row = el.closest(ROW_SELECTOR);
        if (checked && !RECIPIENT.test(titleFor(row ?? el))) add(row ? subtreeText(row) : accessibleName(el), "attached");
        return false;
      }
      if (tag === "select") {
        const label = fieldLabel(el);
        if (RECIPIENT.test(label)) return false;
        for (const option of Array.from((el as HTMLSelectElement).options)) {
          if (option.selected && attr(option, "value") !== "") add(option.textContent ?? "", sourceForLabel(label) ?? "attached");
        }
        return false;
      }
      if (tag === "input" || tag === "textarea") {
        const source = sourceForLabel(fieldLabel(el));
        if (source && attr(el, "type") !== "hidden") add(String((el as HTMLInputElement).value ?? ""), source);
        else if (tag === "textarea") addMessage(String((el as HTMLTextAreaElement).value ?? ""), fieldLabel(el));
        return false;
      }
      if (attributed && attr(el, "contenteditable") === "true" && role !== "combobox") {
        addMessage(subtreeText(el), fieldLabel(el));
        return false;
      }
      const isRow = tag === "tr" || tag === "li" || role === "row" || role === "listitem"; // el.matches(ROW_SELECTOR)
      const selected =
        attributed && (attr(el, "aria-selected") === "true" || (isRow && /\b(?:is-)?selected\b/.test(attr(el, "class") ?? "")));
      if (selected && role !== "tab") {
        if (!RECIPIENT.test(titleFor(el))) add(subtreeText(el), "attached");
        return false;
      }
      // The title first: it is read once per table, the row's own tests walk the row and its ancestors.
      if (isRow) {
        const title = titleFor(el);
        const listed = ATTACHMENTS.test(title) && !BEFORE.test(title) && !RECIPIENT.test(title);
        if (listed && !el.querySelector(CHECKBOX) && !el.closest("[aria-multiselectable=true]")) {
          add(subtreeText(el), "attached");
          return false;
        }
      }
      // An attachment chip or card ("attachment", "file-attachment", "uf-attach"), not a container of them ("attachments").
      if (attributed && /att(?:ach(?:ment)?)?(?![a-z])/i.test(attr(el, "class") ?? "") && !el.querySelector(CHECKBOX)) {
        add(subtreeText(el, el.querySelector("button,[role=button]")), "attached");
        return false;
      }
      // The block after an "Attachments:" label lists what goes, an item per child: a form's label (DataMotion's compose
      // form) or a label cell beside it (Intergy's "Attached"). A list of boxes is read by what is ticked.
      const label = el.previousElementSibling;
      const said =
        label && (label.localName === "label" || !(label.firstElementChild || label.matches(TITLE))) ? (label.textContent ?? "") : "";
      if (said.length < 30 && ATTACHMENTS.test(matchText(said)) && !el.querySelector(CHECKBOX)) {
        for (const item of Array.from(el.children).slice(0, 10)) add(subtreeText(item, item.querySelector("button")), "attached");
        return false;
      }
      let own = "";
      for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) own += (node as Text).data;
      if (!own) return;
      // A word alone before what it labels ("<span>Attachments</span> <span class=chip>…</span> …", eFax's): each item after
      // it, up to a heading or a choice (a legend's checkboxes are read one by one, checked or not).
      if (INLINE_LABEL_TAGS.has(tag) && !el.firstElementChild && own.length < 30 && ATTACHMENTS.test(matchText(own)))
        for (
          let item = el.nextElementSibling, n = 0;
          item && n < 10 && !item.matches(TITLE) && !item.querySelector(CHECKBOX);
          item = item.nextElementSibling, n++
        )
          add(subtreeText(item, item.querySelector("button")), "attached");
      addNotice(own);
      if (!el.firstElementChild && own.length < 200) labelled(el, own, add);
    },
  };
  // Nearest first: the control's own container, then each wider one without what was read already, so a
  // long page cannot push what sits beside the control past the element limit.
  let left = MAX_ELEMENTS;
  let read: Element | undefined;
  const record = openedRecord(control, openedFrom);
  if (record) add(titleOf(record), "document");
  for (const level of record ? [...nearestFirst(scope), record] : nearestFirst(scope)) {
    const skip = read;
    const counted = (el: Element) => {
      left--;
      return el === skip ? false : visitor.element(el);
    };
    walk(level, { element: counted }, undefined, left, deadline);
    read = level;
    if (left <= 0) break;
  }
  return [...found.values()];
}

/**
 * "Note type: Psychotherapy note", <dt>Program</dt><dd>…</dd>, or a send dialog's "Documents" beside what it sends
 * (a heading's list is read by its title instead): the value of a note-type, source or documents label written as text.
 */
function labelled(el: Element, own: string, add: (raw: string, source: CueSource) => void): void {
  if (!LABEL_WORD.test(own)) return;
  const colon = own.indexOf(":");
  const label = matchText(colon > 0 ? own.slice(0, colon) : own);
  const source =
    label &&
    label.length < 40 &&
    (NOTE_TYPE.test(label)
      ? "note-type"
      : SOURCE.test(label)
        ? "program"
        : DOCUMENTS.test(label) && !el.matches(TITLE)
          ? "document"
          : undefined);
  if (!source) return;
  // "Note type: Progress note", or the label alone ("<strong>Documents:</strong> <span>…</span>"): its value is the next
  // element, unless that is an attachments block, read item by item (the walk's ATTACHMENTS rule).
  const next = el.nextElementSibling;
  const value =
    (colon > 0 && own.slice(colon + 1).trim()) ||
    (next && !next.matches("input,select,textarea") && !ATTACHMENTS.test(label) ? subtreeText(next) : "");
  add(value, source);
}
