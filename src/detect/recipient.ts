/**
 * Reads who a record is going to off the page near the control: the nearest field labelled "To",
 * "Refer to", "Recipient", "Fax number", "Direct address"..., a chosen row, card or token, searching the
 * control's form, then its dialog, then successive ancestors. Never the sender or the patient.
 * The parts: what labels mean (recipient-interpret.ts, data in recipient-labels.ts), values
 * (recipient-values.ts), what a scope holds (recipient-entries.ts), the result (recipient-build.ts).
 */
import { accessibleName } from "./accessible-name.ts";
import type { DetectedRecipient } from "./action.ts";
import { attr, byIdInTree, DIALOG_SELECTOR, HEADING_SELECTOR, isShadowRoot, smallDocument } from "./dom.ts";
import { build } from "./recipient-build.ts";
import { readCard, samePerson } from "./recipient-card.ts";
import { type Entry, readScope, type ScopeMemo } from "./recipient-entries.ts";
import { isShortLabel } from "./recipient-interpret.ts";
import { queuedTo } from "./recipient-queued.ts";
import { namedByRole } from "./recipient-role.ts";
import { cleanText, matchText } from "./text.ts";
import { NATIONAL_RECORD, NOT_OUTSIDE, RECORD_CONTEXT, SEND_TO_VERB } from "./vocabulary.ts";
import { openedRecord } from "./send-scope.ts";
import { PastDeadline } from "./walk.ts";

const MAX_ANCESTOR_SCOPES = 6;

/**
 * `deadline` (performance.now()): a read ahead of time that passes it throws PastDeadline rather than answer from
 * half the page.
 */
export function readRecipient(
  control: Element,
  { deadline, openedFrom }: { deadline?: number | undefined; openedFrom?: Element | undefined } = {},
): DetectedRecipient | undefined {
  try {
    const read = readAround(control, deadline);
    return read && !read.name ? (namedInRecord(control, openedFrom, read, deadline) ?? read) : read;
  } catch (error) {
    if (error instanceof PastDeadline) throw error;
    // A page that breaks the search gets no recipient; the panel asks instead.
  }
  return undefined;
}

/**
 * A send dialog that shows only where it goes (CharmHealth's Transmit by Direct Message: the Direct ID alone) sends to
 * whom the record it was opened from names under a recipient's label ("Referral To: Daniel Okoye · Cedar Ridge
 * Addiction Medicine"), when that record shows no other address or number for them than the dialog's.
 */
function namedInRecord(
  control: Element,
  openedFrom: Element | undefined,
  read: DetectedRecipient,
  deadline: number | undefined,
): DetectedRecipient | undefined {
  const record = openedRecord(control, openedFrom);
  if (!record) return undefined;
  const entries = readScope(record, deadline).filter(addressed);
  const named = build(entries);
  if (!named?.name) return undefined;
  const conflicts = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== b;
  if (
    conflicts(named.directAddress?.toLowerCase(), read.directAddress?.toLowerCase()) ||
    conflicts(digitsOf(named.fax), digitsOf(read.fax))
  )
    return undefined;
  return { ...named, ...read, text: named.name, label: named.label, name: named.name };
}

const digitsOf = (fax: string | undefined) => fax?.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");

/** The recipient the page shows around the control: its form, dialog, then ancestors outward. */
function readAround(control: Element, deadline: number | undefined): DetectedRecipient | undefined {
  // The control's own name may say where it goes, whatever the page shows around it: a role, a shared record.
  const byLabel = namedByRole(control) ?? sharedRecordNamed(control);
  if (byLabel) return byLabel;
  const memo: ScopeMemo = new Map();
  let department: { recipient: DetectedRecipient; scope: Element } | undefined;
  for (const scope of scopesOf(control)) {
    // Past a department, what named it is left out: the department's page names whom it belongs to.
    const entries = readScope(scope, deadline, control, memo).filter(
      (entry) => !department || addressed(entry) || !department.scope.contains(entry.element),
    );
    const recipient = build(entries);
    if (!recipient || (department && !entries.some(addressed))) continue;
    // A one-word choice under a weak label ("Clinic: Gastroenterology") is a department of someone the page names
    // around the form ("To: Bayside Health — Gastroenterology Specialist Clinic"): that, if it is there.
    if (!department && !entries.some(addressed) && recipient.name && !/\s/.test(recipient.name)) {
      department = { recipient, scope };
      continue;
    }
    return recipient;
  }
  if (department) return department.recipient;
  return namedByLabel(control) ?? conversationWith(control) ?? ownCard(control) ?? queuedTo(control);
}

/** How far up a card may start from a control inside it: past it, a list of cards. */
const MAX_CARD_CLIMB = 3;
/** What a person acts on in a block: a card holds no control but the send. */
const CONTROLS = "button,a[href],input,select,textarea,[role=button],[role=link],[role=checkbox],[role=combobox],[contenteditable=true]";

/**
 * A send inside a card that shows an address, with no label naming anyone (NextGen's Care Team card: "PCP of record",
 * "Nora Whitfield, MD", her practice, her Direct address, [Transmit]): it goes to whom the card names. A card holds no
 * heading and no control but the send: a block with either is a page's header (its own fax beside its h1), a note
 * signed by the sender, a list of cards or a confirmation, where the address is not this send's to say.
 */
function ownCard(control: Element): DetectedRecipient | undefined {
  for (let el = control.parentElement, i = 0; el && i < MAX_CARD_CLIMB; el = el.parentElement, i++) {
    if (el.matches(`form,body,${DIALOG_SELECTOR}`) || el.querySelector(HEADING_SELECTOR)) return undefined;
    const controls = el.querySelectorAll(CONTROLS);
    for (let c = 0; c < controls.length && c < 20; c++) {
      const other = controls[c]!;
      if (!other.contains(control) && !control.contains(other)) return undefined;
    }
    const { name, organization, directAddress, fax } = readCard(el);
    if (!directAddress && !fax) continue;
    if (!name) return undefined;
    return {
      text: name,
      name,
      ...(organization ? { organization } : {}),
      ...(directAddress ? { directAddress } : {}),
      ...(fax ? { fax } : {}),
    };
  }
  return undefined;
}

/**
 * A shared record or exchange a control sends to by its own name: a national one (Italy's FSE, Germany's ePA, France's
 * DMP) or a named network. An HIE, unnamed, is a kind of recipient, not one.
 */
const SHARED_RECORD = new RegExp(
  `\\b(?:to|al|a|au|an|in|ins|ao|til|do|dans le) (?:the )?(${NATIONAL_RECORD}|care everywhere|carequality|commonwell)$`,
);

/**
 * A control that sends to a shared record by name ("Invia al FSE") sends there, not to whom the letter beside it is
 * addressed (Millewin's Destinatari): the record it names is the recipient.
 */
function sharedRecordNamed(control: Element): DetectedRecipient | undefined {
  const label = cleanText(accessibleName(control), 120);
  const named = SHARED_RECORD.exec(matchText(label))?.[1];
  if (!named) return undefined;
  // As the label writes it ("FSE", "Care Everywhere"), when its last characters are the words read.
  const tail = label.slice(-named.length);
  const name = matchText(tail) === named ? tail : named;
  return { text: name, label, name, organization: name };
}

const SENDS_TO_NAMED = new RegExp(`^(${SEND_TO_VERB}) (?!${NOT_OUTSIDE})`);
/** Whom a label names by role or department, not by name: "Send to Specialist", "Fax to PCP", "Send to Billing". */
const ROLE_ONLY =
  /^(?:the |a |an )?(?:provider|physician|specialist|consultant|clinician|doctor|facility|practice|hospital|clinic|lab|laboratory|pharmacy|payer|insurer|insurance|registry|hie|pcp|referring provider|care team|contact|recipient|billing|coding|scheduling|nursing|triage|front desk|(?:medical )?records|admin|staff|team)s?$/;

/**
 * With no one named around it, the control's own name may name where it goes ("Skicka till Försäkringskassan", "Send to
 * Dr. Lee"): a proper name after its verb, as the page writes it, not a role ("Send to Specialist") or an abbreviation.
 */
function namedByLabel(control: Element): DetectedRecipient | undefined {
  const label = cleanText(accessibleName(control), 120);
  const lead = SENDS_TO_NAMED.exec(matchText(label))?.[1];
  if (!lead) return undefined;
  const name = label.split(/\s+/).slice(lead.split(" ").length).join(" ");
  if (!/^\p{Lu}/u.test(name) || /^[\p{Lu}\d]{1,5}$/u.test(name) || ROLE_ONLY.test(matchText(name))) return undefined;
  return { text: name, label, name };
}

/** A pane named for whom its messages go to: "Conversation with Coastal Home Health", "Chat with Dr. Lee". */
const CONVERSATION_WITH =
  /^(?:(?:conversation|chat|thread|messages?) with|(?:conversation|discussion) avec|(?:unterhaltung|gespr(?:ä|a)ch|chat) mit|(?:conversaci[oó]n|chat) con) (\S.*)$/i;
const CONVERSATION = /^(?:conversation|chat|thread|discussion|unterhaltung)$/i;
const MAX_PANE_CLIMB = 12;

/**
 * With no one named around it, a composer's send goes to whom its conversation pane is named for (Spruce's "Conversation with
 * Coastal Home Health"); the pane's header card naming them shows their fax.
 */
function conversationWith(control: Element): DetectedRecipient | undefined {
  for (let el = control.parentElement, i = 0; el && i < MAX_PANE_CLIMB; el = el.parentElement, i++) {
    const named = attr(el, "aria-label") || attr(el, "aria-labelledby") ? accessibleName(el) : "";
    const said = named ? CONVERSATION_WITH.exec(named) : null;
    // A pane named only "Conversation" is headed by whom it is with (TigerConnect's role "Cardiology Consult On-Call").
    const heading = !said && CONVERSATION.test(named) ? el.querySelector(HEADING_SELECTOR)?.textContent : undefined;
    const name = cleanText(said?.[1] ?? heading ?? "", 120);
    if (!name || (heading && (isShortLabel(name) || RECORD_CONTEXT.test(matchText(name))))) continue;
    const head = el.querySelector("header");
    const card = head ? readCard(head) : undefined;
    const fax = card && samePerson(card.name, name) ? card.fax : undefined;
    return { text: name, label: said ? "Conversation with" : named, name, ...(fax ? { fax } : {}) };
  }
  return undefined;
}

/** An entry under a label that says it is the recipient ("To", "Refer to", "Fax number"), not only what it is ("Clinic"). */
const addressed = (entry: Entry) => entry.priority >= 3;

function isModal(dialog: Element): boolean {
  return attr(dialog, "aria-modal") === "true" || dialog.matches(":modal");
}

/** The form, then the dialog, then ancestors outward (stepping out of shadow roots, never out of a modal dialog), each searched once. */
function scopesOf(control: Element): Element[] {
  const scopes: Element[] = [];
  const add = (el: Element | null | undefined) => {
    if (el && !scopes.includes(el)) scopes.push(el);
  };
  const formId = attr(control, "form");
  add(formId ? byIdInTree(control, formId) : null);
  add(control.closest("form"));
  const dialog = control.closest(DIALOG_SELECTOR);
  add(dialog);
  // A modal dialog makes the page behind it inert: whoever is named there is not this send's recipient.
  const modal = dialog && isModal(dialog) ? dialog : null;
  let el: Element | null = control.parentElement;
  let ancestors = 0;
  while (ancestors < MAX_ANCESTOR_SCOPES) {
    if (!el) {
      // Step from a shadow root's top to its host.
      const root = (scopes.at(-1) ?? control).getRootNode();
      if (!isShadowRoot(root) || scopes.includes(root.host)) break;
      el = root.host;
    }
    // A small document is one card: its body is the last scope.
    if (el.localName === "body" && !modal && smallDocument(el)) add(el);
    if (el.localName === "body" || el.localName === "html" || (modal && !modal.contains(el))) break;
    // Ancestors inside the form or dialog were covered by it.
    if (!scopes.slice(0, 2).some((scope) => scope !== el && scope.contains(el!))) {
      add(el);
      ancestors++;
    }
    el = el.parentElement;
  }
  return scopes;
}
