/**
 * What a label means for the recipient search: which elements are fields, their candidate labels, the
 * group (legend, labelled group, section heading, table caption) they sit in, and whether a label names
 * the recipient, someone else (the sender, the patient), or nothing we know.
 */
import { accessibleName, containerTitle, labelText, leadingBold, subtreeText } from "./accessible-name.ts";
import {
  attr,
  DIALOG_SELECTOR,
  ELEMENT_NODE,
  FIELD_SELECTOR,
  FORM_SELECTOR,
  HEADING_SELECTOR,
  INLINE_LABEL_TAGS,
  TEXT_NODE,
} from "./dom.ts";
import {
  ACTION_TITLE_PATTERN,
  EXCLUDED_LABEL_PATTERN,
  EXCLUDED_SECTION_PATTERN,
  FIELD_ONLY_NAME_PATTERN,
  PATIENT_WORD_PATTERN,
  RECIPIENT_LABEL_RULES,
  RECIPIENT_SECTION_PATTERN,
  SECTION_NAME_PATTERN,
  SECTION_ORGANIZATION_PATTERN,
  SENDER_FIELD_PATTERN,
  type RecipientRole,
} from "./recipient-labels.ts";
import { cleanText, matchText, words } from "./text.ts";
import { REFERRAL_CONTEXT_PATTERN } from "./vocabulary.ts";

const EXCLUDED = new RegExp(EXCLUDED_LABEL_PATTERN);
const SENDS_TO = /^(?:send|e ?mail|fax|share|forward)\b.* to$/;
const EXCLUDED_SECTION = new RegExp(EXCLUDED_SECTION_PATTERN);
export const ACTION_TITLE = new RegExp(ACTION_TITLE_PATTERN);
const RULES = RECIPIENT_LABEL_RULES.map((rule) => ({ ...rule, re: new RegExp(rule.pattern) }));
const RECIPIENT_SECTION = new RegExp(RECIPIENT_SECTION_PATTERN);
const SECTION_NAME = new RegExp(SECTION_NAME_PATTERN);
const SECTION_ORGANIZATION = new RegExp(SECTION_ORGANIZATION_PATTERN);
const FIELD_ONLY_NAME = new RegExp(FIELD_ONLY_NAME_PATTERN);

/** Containers titled by what is being done, not by whose fields they hold. */
const PAGE_AREA = "main,[role=main],body";
const ACTION_CONTAINER = `${FORM_SELECTOR},${DIALOG_SELECTOR},${PAGE_AREA},article,[role=document]`;
const SKIPPED_INPUT_TYPES = new Set(
  words("hidden password checkbox radio submit button image reset file date datetime-local month week time color range"),
);
export const MAX_LABEL_CHARS = 60;
export const MAX_CLIMB = 12;

export interface LabelMatch {
  role: RecipientRole;
  priority: number;
  label: string;
}

export function isField(el: Element): boolean {
  const tag = el.localName;
  if (tag === "input")
    return !SKIPPED_INPUT_TYPES.has((attr(el, "type") || "text").toLowerCase()) && !el.closest("[role=combobox]:not(input)");
  if (tag === "select" || tag === "textarea") return true;
  const role = attr(el, "role");
  if (role === "combobox" || role === "textbox") return true;
  const editable = attr(el, "contenteditable");
  return editable !== null && editable !== "false" && !el.parentElement?.closest("[contenteditable]:not([contenteditable=false])");
}

/**
 * A label as compared: cleaned, without a required mark, a trailing colon, an aside in parentheses after it or the
 * verb that asks for it ("To:", "* Provider", "To (referral contact):" and "Select a recipient" are "To" and "recipient").
 */
function cleanLabel(raw: string): string {
  return cleanText(raw, MAX_LABEL_CHARS * 2).replace(/^[\s*]+|^select (?:an? )?|[\s:*]+$|\s*\([^()]*\)[\s:*]*$/gi, "");
}

export type Section = "recipient" | "excluded" | null;

/**
 * A label's meaning for an element: a recipient role, "excluded" (sender/patient), or null (unrelated). `at`: the
 * element, whose section is read only when the label means something, or the section itself when the caller has it
 * (the cells of one table row share theirs).
 */
export function interpret(rawLabel: string, at: Element | Section): LabelMatch | "excluded" | null {
  const label = cleanLabel(rawLabel);
  if (!label || label.length > MAX_LABEL_CHARS) return null;
  const text = matchText(label);
  if (!text) return null;
  // "Send PDF note to" names who receives what it says it sends: the note is no field of its own (Therabyte's Email panel).
  if (SENDS_TO.test(text)) return { role: "name", priority: 3, label };
  if (EXCLUDED.test(text)) return "excluded";
  const section = at && typeof at === "object" ? sectionOf(at) : at;
  if (section === "excluded") return "excluded";
  for (const rule of RULES)
    if (rule.re.test(text)) return { role: rule.role, priority: rule.priority + (section === "recipient" ? 1 : 0), label };
  if (section === "recipient") {
    if (SECTION_NAME.test(text)) return { role: "name", priority: 3, label };
    if (SECTION_ORGANIZATION.test(text)) return { role: "organization", priority: 3, label };
  }
  return null;
}

const REFERRAL_TITLE = new RegExp(REFERRAL_CONTEXT_PATTERN);
const PATIENT_WORD = new RegExp(PATIENT_WORD_PATTERN, "g");

/** A referral's own title that names no one but the patient it is for ("Patient Referral Form", "Hasta Sevk Formu"). */
function patientsReferral(text: string): boolean {
  return REFERRAL_TITLE.test(text) && !EXCLUDED_SECTION.test(text.replace(PATIENT_WORD, ""));
}

/** A text of at most three words that is a label, the recipient's or someone else's ("Refer To", "Referring Provider", "Patient"). */
export function isShortLabel(raw: string): boolean {
  const text = matchText(raw);
  return text.split(" ").length <= 3 && (EXCLUDED.test(text) || RULES.some((rule) => rule.re.test(text)));
}

/** The title of the group an element sits in (fieldset legend, labelled group or region, section heading). */
export function sectionOf(el: Element): Section {
  let node = el.parentElement;
  for (let i = 0; node && i < MAX_CLIMB; i++, node = node.parentElement) {
    // The page's main area is titled by the page ("Patient chart"), which says nothing of whose a field is.
    if (node.matches(PAGE_AREA)) break;
    // A title that says neither whose nor to whom ("Address Book results") leaves it to the groups around it.
    const title = groupTitle(node);
    const kind = title ? sectionKind(title) : null;
    if (kind) return kind;
    // A card named by aria-labelledby or aria-label ("Referral From" / "Referral To") decides only when its name
    // says whose it is: a name that says neither ("Actions") must not hide a section above it. Not a dialog or
    // form: theirs is the action's title ("Refer patient"), which says nothing of whose its fields are.
    const named =
      (attr(node, "aria-labelledby") || attr(node, "aria-label")) && !node.matches(ACTION_CONTAINER)
        ? sectionKind(accessibleName(node))
        : null;
    if (named) return named;
    // A field led by a word that says whose it is ("<span>Referred By</span> Dr. Alex Rivera <small>Direct: …</small>",
    // Eyefinity's): the sender's lines, address and all.
    const lead = node.firstElementChild;
    if (lead && !lead.firstElementChild && INLINE_LABEL_TAGS.has(lead.localName) && sectionKind(lead.textContent ?? "") === "excluded")
      return "excluded";
    // A dialog or form is the action's own: the chart around it ("Client: Test Patient, Jane — Program: …") is no group.
    if (node.matches(DIALOG_SELECTOR) || node.localName === "form") break;
  }
  return null;
}

export function sectionKind(title: string): Section {
  const text = matchText(title);
  if (EXCLUDED_SECTION.test(text) && !ACTION_TITLE.test(text) && !patientsReferral(text)) return "excluded";
  return RECIPIENT_SECTION.test(text) ? "recipient" : null;
}

/** Blocks a label of their own may title: groups, and lists one is chosen from. */
const GROUP = "fieldset,section,aside,table,[role=group],[role=radiogroup],[role=listbox],[role=region]";

export function groupTitle(node: Element): string {
  if (node.matches(GROUP)) {
    const named = attr(node, "aria-label") || attr(node, "aria-labelledby") ? accessibleName(node) : "";
    if (named) return named;
  }
  const first = node.firstElementChild;
  if (first?.matches(HEADING_SELECTOR)) return cleanText(first.textContent ?? "", MAX_LABEL_CHARS * 2);
  // A label that labels no field titles the group it leads (Bootstrap's form-group over a table or static text).
  if (first?.localName === "label" && !attr(first, "for") && !first.querySelector("input,select,textarea")) {
    const text = cleanText(first.textContent ?? "", MAX_LABEL_CHARS * 2);
    if (text.length <= MAX_LABEL_CHARS) return text;
  }
  // The bold line a form or panel opens with ("Add Recipient", an older page's pop-up).
  const bold = leadingBold(node);
  if (bold) return cleanText(bold.textContent ?? "", MAX_LABEL_CHARS * 2);
  // A section's own <header> that only says what it holds ("Referrer Information", Ocean's panels): a site or
  // patient banner is a header too, but longer, and holds links and controls.
  if (first?.localName === "header" && node.matches(GROUP) && !first.querySelector("a,button,input,select")) {
    const text = cleanText(first.textContent ?? "", MAX_LABEL_CHARS * 2);
    if (text.length <= MAX_LABEL_CHARS) return text;
  }
  return "";
}

/** Candidate labels of a field, most explicit first; the first one with a meaning decides. */
export function fieldLabels(field: Element): string[] {
  const labels: string[] = [];
  if (attr(field, "aria-labelledby")) labels.push(accessibleName(field));
  labels.push(attr(field, "aria-label") ?? "", labelText(field));
  labels.push(precedingText(field));
  if (field.parentElement) labels.push(precedingText(field.parentElement));
  labels.push(attr(field, "placeholder") ?? "", attr(field, "title") ?? "");
  for (const name of ["name", "id", "data-field"]) {
    const value = attr(field, name);
    // A one-letter id is no word ("a"): as a label it would read as French "À".
    if (value && value.length > 1) labels.push(value.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_.[\]]+/g, " "));
  }
  return labels.filter((label) => label.trim() !== "");
}

/** Short text just before an element: a previous sibling label, "To:" text node, or the row's header cell. */
function precedingText(el: Element): string {
  for (let node = el.previousSibling, i = 0; node && i < 4; node = node.previousSibling, i++) {
    if (node.nodeType === TEXT_NODE) {
      const text = (node as Text).data.trim();
      if (text) return text;
    } else if (node.nodeType === ELEMENT_NODE) {
      const prev = node as Element;
      if (isField(prev) || prev.querySelector(FIELD_SELECTOR)) return "";
      const text = subtreeText(prev);
      return text.length <= MAX_LABEL_CHARS ? text : "";
    }
  }
  return "";
}

/**
 * A dialog or form titled by the send it makes ("Share Document", "Fax Document", Therabill's "Signature Request"): it
 * asks for the one it goes to, in fields not after its "From".
 */
function sendDialog(field: Element): boolean {
  const dialog = field.closest(DIALOG_SELECTOR) ?? field.closest("form");
  const title = dialog ? matchText(containerTitle(dialog)) : "";
  return ACTION_TITLE.test(title) && !title.startsWith("export") && !afterSender(field);
}

/**
 * Whether the last field before `field` that says whose it is, in its form or dialog, is the sender's: a bare
 * "Provider" beside "Send From" and "Facility" is the sending clinician (Athelas's Send Fax panel), one after "To" the
 * recipient's.
 */
function afterSender(field: Element): boolean {
  const form = field.closest(DIALOG_SELECTOR) ?? field.closest("form");
  const fields = form ? form.querySelectorAll(FIELD_SELECTOR) : [];
  let sender = false;
  for (let i = 0; i < fields.length && i < MAX_SENDER_FIELDS && fields[i] !== field; i++) {
    const labels = fieldLabels(fields[i]!).map((label) => matchText(cleanLabel(label)));
    if (labels.some((label) => SENDER_FIELD.test(label))) sender = true;
    else if (labels.some((label) => RULES.some((rule) => rule.priority >= 3 && rule.re.test(label)))) sender = false;
  }
  return sender;
}

const SENDER_FIELD = new RegExp(SENDER_FIELD_PATTERN);
const MAX_SENDER_FIELDS = 40;

/** The first label of a field (or `labels`: a list's title) that means something for the recipient. */
export function fieldMeaning(field: Element, labels = fieldLabels(field)): LabelMatch | "excluded" | null {
  for (const label of labels) {
    const match = interpret(label, field);
    // A bare "Provider" or "Facility" after the form's "Send From" is the sender's, as one after its "To" is the recipient's.
    // Priority 2 is such a label outside a recipient section (interpret raises it to 3 in one).
    if (match && match !== "excluded" && match.priority === 2 && afterSender(field)) return null;
    if (match) return match;
  }
  // "Attention": the person at the recipient (below a To or organisation field), as is a plain "Name" in a send's own
  // dialog (IntakeQ's Share Document: Name, Email), unless the group is someone else's.
  const attention = labels.find((label) => {
    const text = matchText(cleanLabel(label));
    return FIELD_ONLY_NAME.test(text) || (SECTION_NAME.test(text) && sendDialog(field));
  });
  if (!attention) return null;
  return sectionOf(field) === "excluded" ? "excluded" : { role: "name", priority: 2, label: cleanText(attention, MAX_LABEL_CHARS) };
}
