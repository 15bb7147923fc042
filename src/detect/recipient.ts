/**
 * Reads who a record is going to off the page near the control: the nearest field labelled "To",
 * "Refer to", "Recipient", "Fax number", "Direct address"..., searching the control's form, then its
 * dialog, then successive ancestors. Never the sender or the patient. Everything read is bounded and
 * cleaned: the page is untrusted.
 */
import type { DetectedRecipient } from "./action.ts";
import { accessibleName, labelText, subtreeText } from "./accessible-name.ts";
import { matchesAny } from "./adapters/match.ts";
import type { SiteAdapter } from "./adapters/schema.ts";
import { attr, byIdInTree, ELEMENT_NODE, isElement, isShadowRoot, PANEL_TAG, TEXT_NODE } from "./dom.ts";
import {
  EXCLUDED_LABEL_PATTERN,
  EXCLUDED_SECTION_PATTERN,
  RECIPIENT_LABEL_RULES,
  RECIPIENT_SECTION_PATTERN,
  SECTION_NAME_PATTERN,
  type RecipientRole,
} from "./recipient-labels.ts";
import { cleanText, matchText } from "./text.ts";
import { walk } from "./walk.ts";

const EXCLUDED = new RegExp(EXCLUDED_LABEL_PATTERN);
const EXCLUDED_SECTION = new RegExp(EXCLUDED_SECTION_PATTERN);
const RULES = RECIPIENT_LABEL_RULES.map((rule) => ({ ...rule, re: new RegExp(rule.pattern) }));
const RECIPIENT_SECTION = new RegExp(RECIPIENT_SECTION_PATTERN);
const SECTION_NAME = new RegExp(SECTION_NAME_PATTERN);

const EMAIL = /[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}/i;
const PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,6})?/i;
const NPI_BESIDE = /\bNPI\b\W{0,5}(\d{10})\b/i;
const TIN_BESIDE = /\b(?:TIN|Tax\s*ID|EIN)\b\W{0,5}(\d{2}-?\d{7})\b/i;
const PATIENT_BANNER = /patient[-_ ]?(?:banner|header|demographics|context|bar|info|summary)/i;

const DIALOG_SELECTOR = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
const SECTION_TITLE_SELECTOR = 'h1, h2, h3, h4, h5, h6, legend, [role="heading"]';
const CHIP_SELECTOR = '[role="option"], [class*="chip"], [class*="token"], [class*="pill"], [data-chip], [data-token]';
const SKIPPED_INPUT_TYPES = new Set(["hidden", "password", "checkbox", "radio", "submit", "button", "image", "reset", "file", "date", "datetime-local", "month", "week", "time", "color", "range"]);
const MAX_ANCESTOR_SCOPES = 6;
const MAX_SCOPE_ELEMENTS = 3_000;
const MAX_LABEL_CHARS = 60;
const MAX_CLIMB = 12;

interface Entry {
  role: RecipientRole;
  priority: number;
  label: string;
  value: string;
  element: Element;
}

export function readRecipient(control: Element): DetectedRecipient | undefined {
  return readRecipientWith(control, undefined);
}

export function readRecipientWith(control: Element, adapter: SiteAdapter | undefined): DetectedRecipient | undefined {
  try {
    if (adapter?.recipientFields?.length) {
      const adapted = fromAdapterFields(control, adapter.recipientFields);
      if (adapted) return adapted;
    }
    for (const scope of scopesOf(control)) {
      const recipient = build(readScope(scope));
      if (recipient) return recipient;
    }
  } catch {
    // A page that breaks the search gets no recipient; the panel asks instead.
  }
  return undefined;
}

/** An adapter's recipient fields, most specific selector first; within one selector the field nearest the control. */
function fromAdapterFields(control: Element, selectors: readonly string[]): DetectedRecipient | undefined {
  const root = control.getRootNode() as Document | ShadowRoot;
  const scopes = scopesOf(control);
  for (const selector of selectors) {
    let fields: Element[];
    try {
      fields = Array.from(root.querySelectorAll(selector)).slice(0, 200);
    } catch {
      continue; // Invalid selector from configuration.
    }
    const nearest = scopes.map((scope) => fields.find((field) => scope.contains(field))).find(Boolean) ?? fields[0];
    if (!nearest) continue;
    const value = elementValue(nearest);
    if (!value) continue;
    // The field's own label when it reads as a recipient label; otherwise the adapter's word for it is "Recipient".
    const labelled = fieldLabels(nearest).map((text) => interpret(text, nearest)).find((match) => match && match !== "excluded");
    const label = labelled && labelled !== "excluded" ? labelled.label : "Recipient";
    const role: RecipientRole = EMAIL.test(value) ? "direct" : /^[\d\s().+-]+$/.test(value) && PHONE.test(value) ? "fax" : "name";
    const recipient = build([{ role, priority: 3, label, value, element: nearest }]);
    if (recipient) return recipient;
  }
  return undefined;
}

/** The form, then the dialog, then ancestors outward (stepping out of shadow roots), each searched once. */
function scopesOf(control: Element): Element[] {
  const scopes: Element[] = [];
  const add = (el: Element | null | undefined) => {
    if (el && !scopes.includes(el)) scopes.push(el);
  };
  const formId = attr(control, "form");
  add(formId ? byIdInTree(control, formId) : null);
  add(control.closest("form"));
  add(control.closest(DIALOG_SELECTOR));
  let el: Element | null = control.parentElement;
  let ancestors = 0;
  while (ancestors < MAX_ANCESTOR_SCOPES) {
    if (!el) {
      // Step from a shadow root's top to its host.
      const root = (scopes.at(-1) ?? control).getRootNode();
      if (!isShadowRoot(root) || scopes.includes(root.host)) break;
      el = root.host;
    }
    if (el.localName === "body" || el.localName === "html") break;
    // Ancestors inside the form or dialog were covered by it.
    if (!scopes.slice(0, 2).some((scope) => scope !== el && scope.contains(el!))) {
      add(el);
      ancestors++;
    }
    el = el.parentElement;
  }
  return scopes;
}

function readScope(scope: Element): Entry[] {
  const entries: Entry[] = [];
  walk(
    scope,
    {
      element(el) {
        if (el.localName === PANEL_TAG) return false;
        if (isField(el)) fieldEntry(el, entries);
        else if (el.localName === "table") tableEntries(el, entries);
        else if (!el.firstElementChild) leafLabelEntry(el, entries);
      },
    },
    undefined,
    MAX_SCOPE_ELEMENTS,
  );
  return entries.filter((entry) => entry.value && !inPatientBanner(entry.element, scope));
}

function isField(el: Element): boolean {
  const tag = el.localName;
  if (tag === "input") return !SKIPPED_INPUT_TYPES.has((attr(el, "type") || "text").toLowerCase()) && !el.closest('[role="combobox"]:not(input)');
  if (tag === "select" || tag === "textarea") return true;
  const role = attr(el, "role");
  if (role === "combobox" || role === "textbox") return true;
  const editable = attr(el, "contenteditable");
  return editable !== null && editable !== "false" && !el.parentElement?.closest('[contenteditable]:not([contenteditable="false"])');
}

// ---------- labels ----------

interface LabelMatch {
  role: RecipientRole;
  priority: number;
  label: string;
}

/** A label's meaning for an element: a recipient role, "excluded" (sender/patient), or null (unrelated). */
function interpret(rawLabel: string, el: Element, scope?: Element): LabelMatch | "excluded" | null {
  const label = cleanText(rawLabel, MAX_LABEL_CHARS * 2).replace(/[\s:*]+$/, "");
  if (!label || label.length > MAX_LABEL_CHARS) return null;
  const text = matchText(label);
  if (!text) return null;
  if (EXCLUDED.test(text)) return "excluded";
  const section = sectionOf(el, scope);
  if (section === "excluded") return "excluded";
  for (const rule of RULES) if (rule.re.test(text)) return { role: rule.role, priority: rule.priority + (section === "recipient" ? 1 : 0), label };
  if (section === "recipient" && SECTION_NAME.test(text)) return { role: "name", priority: 3, label };
  return null;
}

/** The title of the group an element sits in (fieldset legend, labelled group or region, section heading). */
function sectionOf(el: Element, scope?: Element): "recipient" | "excluded" | null {
  let node = el.parentElement;
  for (let i = 0; node && i < MAX_CLIMB; i++, node = node.parentElement) {
    const title = groupTitle(node);
    if (title) {
      const text = matchText(title);
      if (EXCLUDED_SECTION.test(text)) return "excluded";
      if (RECIPIENT_SECTION.test(text)) return "recipient";
      return null;
    }
    if (node === scope) break;
  }
  return null;
}

function groupTitle(node: Element): string {
  const role = attr(node, "role");
  if (node.localName === "fieldset" || role === "group" || role === "region" || node.localName === "section") {
    const named = attr(node, "aria-label") || attr(node, "aria-labelledby") ? accessibleName(node) : "";
    if (named) return named;
  }
  const first = node.firstElementChild;
  if (first && first.matches(SECTION_TITLE_SELECTOR)) return cleanText(first.textContent ?? "", MAX_LABEL_CHARS * 2);
  return "";
}

/** Candidate labels of a field, most explicit first; the first one with a meaning decides. */
function fieldLabels(field: Element): string[] {
  const labels: string[] = [];
  if (attr(field, "aria-labelledby")) labels.push(accessibleName(field));
  labels.push(attr(field, "aria-label") ?? "", labelText(field));
  labels.push(precedingText(field));
  if (field.parentElement) labels.push(precedingText(field.parentElement));
  labels.push(attr(field, "placeholder") ?? "", attr(field, "title") ?? "");
  for (const name of ["name", "id", "data-field"]) {
    const value = attr(field, name);
    if (value) labels.push(value.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_.[\]]+/g, " "));
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
      if (isField(prev) || prev.querySelector("input, select, textarea")) return "";
      const text = subtreeText(prev);
      return text.length <= MAX_LABEL_CHARS ? text : "";
    }
  }
  return "";
}

// ---------- entries ----------

function fieldEntry(field: Element, entries: Entry[]): void {
  for (const label of fieldLabels(field)) {
    const match = interpret(label, field);
    if (match === "excluded") return;
    if (match) {
      entries.push({ ...match, value: fieldValue(field), element: field });
      return;
    }
  }
}

/** "Refer to: Dr. Bob Jones", "<dt>To</dt><dd>…</dd>", "<th>Fax</th><td>…</td>", "<span>To</span><input>". */
function leafLabelEntry(el: Element, entries: Entry[]): void {
  const tag = el.localName;
  // A legend titles its fieldset (see sectionOf); what follows it is not necessarily one value.
  if (tag === "script" || tag === "style" || tag === "option" || tag === "button" || tag === "legend") return;
  if (tag === "label" && attr(el, "for")) return; // Read with its field.
  if (tag === "th" && !el.parentElement?.querySelector("td")) return; // A column header: see tableEntries.
  const own = cleanText(el.textContent ?? "", 300);
  if (!own || own.length > 300) return;
  const colon = own.indexOf(":");
  if (colon > 0 && colon < own.length - 1) {
    const match = interpret(own.slice(0, colon), el);
    if (match && match !== "excluded") entries.push({ ...match, value: cleanText(own.slice(colon + 1), 300), element: el });
    if (match) return;
  }
  if (own.length > MAX_LABEL_CHARS) return;
  const match = interpret(own, el);
  if (!match || match === "excluded") return;
  const value = valueAfter(el);
  if (value) entries.push({ ...match, value, element: el });
}

/** The value beside a label: following text, the next sibling (field or text), or the next cell/column. */
function valueAfter(label: Element): string {
  for (let node = label.nextSibling, i = 0; node && i < 4; node = node.nextSibling, i++) {
    if (node.nodeType === TEXT_NODE) {
      const text = cleanText((node as Text).data, 300);
      if (text) return text;
    } else if (isElement(node)) {
      return elementValue(node);
    }
  }
  const parent = label.parentElement;
  if (parent && parent.firstElementChild === label && parent.children.length === 1) {
    const next = parent.nextElementSibling;
    if (next) return elementValue(next);
  }
  return "";
}

function elementValue(el: Element): string {
  if (isField(el)) return fieldValue(el);
  const field = el.querySelector("input, select, textarea, [role='combobox'], [contenteditable]");
  return field && isField(field) ? fieldValue(field) : cleanText(subtreeText(el), 300);
}

/** A provider table: column headers name the cells of the chosen row (the selected one, or the only one). */
function tableEntries(table: Element, entries: Entry[]): void {
  const headerRow = table.querySelector("thead tr") ?? table.querySelector("tr");
  if (!headerRow || headerRow.querySelector("td")) return;
  const headers = Array.from(headerRow.children).map((cell) => subtreeText(cell));
  const bodyRows = Array.from(table.querySelectorAll("tbody tr, tr")).filter((row) => row !== headerRow && row.querySelector("td")).slice(0, 500);
  const chosen =
    bodyRows.find((row) => attr(row, "aria-selected") === "true" || /\b(?:selected|active|is-selected)\b/.test(attr(row, "class") ?? "") || row.querySelector("input:checked")) ??
    (bodyRows.length === 1 ? bodyRows[0] : undefined);
  if (!chosen) return;
  Array.from(chosen.children).forEach((cell, i) => {
    const header = headers[i];
    const match = header ? interpret(header, cell) : null;
    if (match && match !== "excluded") entries.push({ ...match, value: cleanText(subtreeText(cell), 300), element: cell });
  });
}

// ---------- values ----------

function fieldValue(field: Element): string {
  const tag = field.localName;
  if (tag === "select") return selectedText(field as HTMLSelectElement);
  if (attr(field, "role") === "combobox" && tag !== "input") return comboboxValue(field);
  let value = "";
  if (tag === "input" || tag === "textarea") value = propertyValue(field as HTMLInputElement);
  else value = subtreeText(field);
  const chips = chipTexts(field);
  return cleanText([...chips, value].filter(Boolean).join("; "), 300);
}

function propertyValue(input: HTMLInputElement): string {
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

/** Chips/tokens beside an input in a "To" field, each without its remove button. */
function chipTexts(field: Element): string[] {
  const container = field.parentElement;
  if (!container) return [];
  const chips: string[] = [];
  const found = container.querySelectorAll(CHIP_SELECTOR);
  for (let i = 0; i < found.length && chips.length < 20; i++) {
    const chip = found[i]!;
    if (chip.contains(field) || chip.parentElement?.closest(CHIP_SELECTOR)) continue;
    let text = "";
    for (let node = chip.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) text += (node as Text).data;
      else if (isElement(node) && node.localName !== "button" && attr(node, "role") !== "button") text += ` ${subtreeText(node)} `;
    }
    const clean = cleanText(text, 300);
    if (clean) chips.push(clean);
  }
  return chips;
}

function inPatientBanner(el: Element, scope: Element): boolean {
  let node: Element | null = el;
  for (let i = 0; node && i < MAX_CLIMB; i++, node = node.parentElement) {
    if (PATIENT_BANNER.test(`${attr(node, "class") ?? ""} ${attr(node, "id") ?? ""} ${attr(node, "aria-label") ?? ""}`)) return true;
    if (node === scope) break;
  }
  return false;
}

// ---------- result ----------

function build(entries: Entry[]): DetectedRecipient | undefined {
  const best = (roles: RecipientRole[]) =>
    entries.filter((entry) => roles.includes(entry.role)).reduce<Entry | undefined>((top, entry) => (!top || entry.priority > top.priority ? entry : top), undefined);
  const primary = best(["name", "direct", "fax"]);
  if (!primary) return undefined;

  const directEntry = entries.find((entry) => entry.role === "direct" && EMAIL.test(entry.value));
  const directAddress = (directEntry?.value ?? (primary.role === "name" ? primary.value : "")).match(EMAIL)?.[0];
  const faxEntry = entries.find((entry) => entry.role === "fax" && PHONE.test(entry.value));
  const fax = faxEntry?.value.match(PHONE)?.[0];
  const name = primary.role === "name" && !(directAddress && primary.value === directAddress) ? primary.value : undefined;

  const near = nearbyText(primary.element);
  const npi = digits(best(["npi"])?.value, /^\d{10}$/) ?? near.match(NPI_BESIDE)?.[1];
  const tinRaw = best(["tin"])?.value.match(/\b\d{2}-?\d{7}\b/)?.[0] ?? near.match(TIN_BESIDE)?.[1];

  const text = name ?? directAddress ?? fax;
  if (!text) return undefined;
  const recipient: DetectedRecipient = { text: cleanText(text, 300), label: cleanText(primary.label, 300) };
  if (name) recipient.name = cleanText(name, 300);
  if (directAddress) recipient.directAddress = cleanText(directAddress, 300);
  if (fax) recipient.fax = cleanText(fax, 40);
  if (npi) recipient.npi = npi;
  if (tinRaw) recipient.tin = tinRaw;
  return recipient;
}

function digits(value: string | undefined, shape: RegExp): string | undefined {
  const only = value?.replace(/[\s-]/g, "");
  return only && shape.test(only) ? only : undefined;
}

/** The text of the row or small container around the recipient, where an NPI or TIN is shown beside the name. */
function nearbyText(el: Element): string {
  const row = el.closest('tr, [role="row"], li');
  const container = row ?? el.parentElement?.parentElement ?? el.parentElement;
  return container ? subtreeText(container).slice(0, 500) : "";
}
