/**
 * Everything in one scope (a form, dialog or ancestor of the control) that may say who the recipient
 * is: labelled fields, "Label: value" text, label/value pairs, the chosen row of a table, the chosen
 * card of a recipient group, the card under a "Recipient" heading. Options that were not chosen are
 * never read.
 */
import { accessibleName, labelText, subtreeText } from "./accessible-name.ts";
import {
  attr,
  byIdInTree,
  DIALOG_SELECTOR,
  EDITABLE_SELECTOR,
  HEADING_SELECTOR,
  INLINE_LABEL_TAGS,
  isElement,
  isOwnHost,
  legendOf,
  SHOW_ELEMENTS_AND_TEXT,
  TEXT_NODE,
} from "./dom.ts";
import {
  ACTION_TITLE,
  fieldLabels,
  fieldMeaning,
  groupTitle,
  interpret,
  isField,
  type LabelMatch,
  MAX_CLIMB,
  MAX_LABEL_CHARS,
  sectionOf,
} from "./recipient-interpret.ts";
import type { RecipientRole } from "./recipient-labels.ts";
import { DIRECT_DOMAIN, EMAIL, NUMBER_ONLY, PHONE } from "./address.ts";
import {
  type CardRead,
  belowName,
  cardHead,
  collectLines,
  DESCRIBES,
  kindOfRecipient,
  directLine,
  markedChosen,
  NOT_A_NAME_WORD,
  notChosen,
  organizationPiece,
  readCard,
  shownAfter,
  splitPieces,
} from "./recipient-card.ts";
import { fieldValue, NOTE_ONLY, POINTS_ELSEWHERE, PROMPT, propertyValue, readValue, type ValueRead } from "./recipient-values.ts";
import { cleanText, matchText, words } from "./text.ts";
import { BARE_WAY, RECORD_CONTEXT, RESEND, SEND_WORD } from "./vocabulary.ts";
import { walk } from "./walk.ts";

export interface Entry {
  role: RecipientRole;
  priority: number;
  label: string;
  value: string;
  element: Element;
  /** The fax shown on the same card as the name, when the value came from a card. */
  fax?: string | undefined;
  /** The organisation shown on the same card, below the name. */
  organization?: string | undefined;
  /** The Direct address shown on the same card. */
  directAddress?: string | undefined;
  /** For a Direct address or fax in a card's details list: the name the card shows above it, with its organisation in `organization`. */
  cardName?: string | undefined;
}

const MAX_SCOPE_ELEMENTS = 3_000;
/** Leaves whose text is no label: code, a choice not made, a control's name, a group's title (see sectionOf). */
const NOT_LABELS: ReadonlySet<string> = new Set(words("script style option button legend caption"));
const PATIENT_BANNER = /patient[-_ ]?(?:banner|header|demographics|context|bar|info|summary)/i;
/**
 * Class, id or block label that says "this shows the recipient" (recipient-name, sendTo, receiver, CIMAR's chips "Sharing
 * with", a form header's "to-name", ZorgDomein's care provider "aanbieder"): the weakest evidence, used when no label says more.
 */
const RECIPIENT_HINT =
  /(?:^|[\s_-])(?:recipients?|send-?to|sendTo|to-?name|addressee|receiver|receiving|destinatario|destinataire|(?:zorg)?aanbieder|empf(?:ae|a)nger|mottaker|sharing[-\s]with)(?:[-_]?(?:name|card|display|info))?(?=$|[\s_-])/i;
/** Blocks whose aria-label may say they show the recipient ("Selected recipient"); a control's names what it does. */
const NAMED_BLOCKS: ReadonlySet<string> = new Set(words("div section article aside li span p"));

/**
 * What each element gave one read: the scopes searched outward nest, and what an element gives depends only on the
 * element and the control, so an outer scope replays it rather than read the inner scope's thousands of cells again.
 */
export type ScopeMemo = Map<Element, { entries: Entry[]; descend: boolean }>;

/**
 * `control`: the send control, whose own table row is the chosen one in an address book. Throws PastDeadline (walk.ts)
 * once past `deadline`. `memo`: shared by the scopes of one read (ScopeMemo).
 */
export function readScope(scope: Element, deadline?: number, control?: Element, memo: ScopeMemo = new Map()): Entry[] {
  const entries: Entry[] = [];
  walk(
    scope,
    {
      element(el) {
        const known = memo.get(el);
        if (known) {
          entries.push(...known.entries);
          return known.descend;
        }
        const from = entries.length;
        const descend = readElement(el, entries, control) !== false;
        memo.set(el, { entries: entries.slice(from), descend });
        return descend;
      },
    },
    undefined,
    MAX_SCOPE_ELEMENTS,
    deadline,
  );
  return entries.filter((entry) => entry.value && !inPatientBanner(entry.element, scope));
}

/** One element's entries; false when its subtree is not to be read (hidden, a search, a table read as a whole). */
function readElement(el: Element, entries: Entry[], control: Element | undefined): boolean | undefined {
  // A search box holds a query ("Cedar"), not the recipient: the result chosen from it is read elsewhere.
  // Nor is a hidden block (a closed dialog, a collapsed panel): no one there is on screen as the recipient.
  if (
    isOwnHost(el) ||
    el.localName === "search" ||
    attr(el, "role") === "search" ||
    el.hasAttribute("hidden") ||
    closedDialog(el, control) ||
    otherSend(el, control) ||
    notChosen(el)
  )
    return false;
  if (isField(el)) fieldEntry(el, entries);
  else if (el.localName === "table") return !tableEntries(el, entries, control);
  else if (el.localName === "input") chosenEntry(el, entries);
  else if (CHOICE_LISTS.has(attr(el, "role") ?? "") || pillBox(el)) chosenItemEntry(el, entries);
  else if (!el.firstElementChild || labelFirst(el)) leafLabelEntry(el, entries, control);
  const cls = attr(el, "class");
  const id = attr(el, "id");
  const named = NAMED_BLOCKS.has(el.localName) ? attr(el, "aria-label") : null;
  if (named && namedCardEntry(el, named, entries, control)) return;
  if ((cls || id || named) && RECIPIENT_HINT.test(`${cls ?? ""} ${id ?? ""} ${named ?? ""}`)) hintEntry(el, entries);
}

/**
 * A card whose aria-label is a recipient's label ("Avec" over Doctolib's practitioner card in its share panel, "Send
 * to"): the card it labels is that recipient, for a control in the same pane (the messaging pane's "Conversation avec"
 * card is no recipient of the appointment's Partager). True when it gave one.
 */
function namedCardEntry(el: Element, named: string, entries: Entry[], control: Element | undefined): boolean {
  const match = interpret(named, el);
  if (!match || match === "excluded" || (match.role !== "name" && match.role !== "organization")) return false;
  if (!inControlPane(el, control)) return false;
  // A list, tab list or toolbar so named holds choices, not the one card (lists are read as lists).
  if (attr(el, "role") || isField(el) || el.querySelector(EDITABLE_SELECTOR)) return false;
  const { name: value, ...card } = readCard(el);
  if (!value || value.length > 120 || interpret(value, null)) return false;
  entries.push(withCard({ ...match, value, element: el }, card));
  return true;
}

const MAX_FORM_BUTTONS = 10;

/**
 * Another send's form beside the control's (Feegow's "Enviar documentos por e-mail" beside its Encaminhamento card):
 * the recipient it names is that form's Send's, not this control's.
 */
function otherSend(el: Element, control: Element | undefined): boolean {
  if (!control || el.localName !== "form" || el.contains(control)) return false;
  const buttons = el.querySelectorAll("button,input[type=submit],[role=button]");
  for (let i = 0; i < buttons.length && i < MAX_FORM_BUTTONS; i++) if (SEND_WORD.test(matchText(accessibleName(buttons[i]!)))) return true;
  return false;
}

/** A dialog the control is not in, and that is not on screen (a Bootstrap modal between uses, a closed <dialog>). */
function closedDialog(el: Element, control: Element | undefined): boolean {
  return control !== undefined && el.matches(DIALOG_SELECTOR) && !el.contains(control) && !el.checkVisibility();
}

function fieldEntry(field: Element, entries: Entry[]): void {
  const match = fieldMeaning(field);
  if (!match) {
    // A Direct address alone in a field no label of ours names ("Or type a Direct address"): where the message goes.
    const typed = bareDirectAddress(field.localName === "input" ? propertyValue(field as HTMLInputElement) : "");
    if (typed) entries.push({ role: "direct", priority: 2, label: "Direct address", value: typed, element: field });
    else practiceInAddress(field, entries);
    return;
  }
  if (match === "excluded") return;
  const value = fieldValue(field);
  const naming = match.role === "name" || match.role === "organization";
  // An address-book search ("Recipient: [search…]") shows the contact chosen from it as a card just below: the box is
  // empty, or still holds the words searched for ("Bayside" over Halaxy's "Dr Priya Nair · … Bayside Psychology").
  const chosen = naming ? searchResultCard(field, value) : undefined;
  if (chosen) {
    const { name, ...card } = chosen;
    return void entries.push({ ...match, value: name, element: field, ...card });
  }
  // The words a directory was searched for ("Northbridge", Kno2's To): the result chosen below names the recipient.
  if (naming && searchBox(field, value)) return;
  // The chosen contact's card, or only their practice, may show just after a name field.
  const { name: reached, ...beside } = match.role === "name" && value ? shownAfter(field, value) : {};
  const directAddress = reached && EMAIL.test(value) ? value : naming && value ? chosenDirectAddress(field) : undefined;
  if (value || !naming)
    entries.push({ ...match, value: reached ?? value, element: field, ...beside, ...(directAddress ? { directAddress } : {}) });
}

/** The recipient's postal address, labelled as theirs ("Consultant Address", OSCAR's consultation request). */
const RECIPIENT_ADDRESS_LABEL =
  /^(?:consultant|consulting provider|recipient|receiving (?:provider|facility)|specialist|referred to|refer to)(?: mailing| postal| street)? address$/;

/** An address written after the practice it reaches ("Lakeside Cardiology Associates, 200 Shore Rd, …"): that practice. */
function practiceInAddress(field: Element, entries: Entry[]): void {
  const label = fieldLabels(field).find((text) => RECIPIENT_ADDRESS_LABEL.test(matchText(text)));
  const first = label ? fieldValue(field).split(/[,\n]/)[0]!.trim() : "";
  if (first && organizationPiece(first)) entries.push({ role: "organization", priority: 2, label: label!, value: first, element: field });
}

/** A contact list whose options carry their Direct address as the value (PointClickCare's To): the chosen one's. */
function chosenDirectAddress(field: Element): string | undefined {
  if (field.localName !== "select") return undefined;
  const select = field as HTMLSelectElement;
  const option = select.options?.[select.selectedIndex];
  return option ? bareDirectAddress(attr(option, "value") ?? "") : undefined;
}

/** A value that is a Direct address and nothing else. */
function bareDirectAddress(value: string): string | undefined {
  const address = value.trim();
  return DIRECT_DOMAIN.test(address) && !/\s/.test(address) ? address : undefined;
}

/** A search box's words: its type or role, or its prompt ("Search the directory…", "Rechercher dans l'annuaire", "Søk etter…"). */
const SEARCH_PROMPT =
  /^(?:search|find|look up|buscar|rechercher|suchen|zoeken|pesquisar|s[øöo][kg]|hae|etsi|szukaj|wyszukaj|cerca|hledat|iskanje|i[sš][cč]i|tra[zž]i|pretra[zž]i|検索)/i;

/**
 * A box a directory is searched with, holding only the words searched for: not a combobox or an input with
 * suggestions (its value is the choice), nor the typing box of a token field (the tokens beside it are).
 */
function searchBox(field: Element, value = fieldValue(field)): boolean {
  if (
    field.localName !== "input" ||
    attr(field, "role") === "combobox" ||
    field.hasAttribute("aria-autocomplete") ||
    field.hasAttribute("list")
  )
    return false;
  const type = (attr(field, "type") ?? "").toLowerCase();
  const searches = type === "search" || SEARCH_PROMPT.test(attr(field, "aria-label") ?? attr(field, "placeholder") ?? "");
  return searches && value === cleanText(propertyValue(field as HTMLInputElement), 300);
}

/**
 * The card just after a search box (or after the block holding only its label and it; blocks left empty or hidden
 * by the search skipped), when it holds no field, and the box is empty or its words are in the card.
 */
function searchResultCard(field: Element, value: string): CardRead | undefined {
  const type = (attr(field, "type") ?? "").toLowerCase();
  if (field.localName !== "input") return undefined;
  if (type !== "search" && attr(field, "role") !== "combobox" && !SEARCH_PROMPT.test(attr(field, "placeholder") ?? "")) return undefined;
  const wrapper = field.parentElement && field.parentElement.querySelectorAll(EDITABLE_SELECTOR).length === 1 ? field.parentElement : field;
  let card = wrapper.nextElementSibling;
  for (let i = 0; card && i < 3 && (card.hasAttribute("hidden") || !card.textContent?.trim()); i++) card = card.nextElementSibling;
  if (!card || isField(card) || card.querySelector(EDITABLE_SELECTOR) || notChosen(card)) return undefined;
  if (value && !matchText(subtreeText(card)).includes(matchText(value))) return undefined;
  const read = readCard(card);
  return read.name ? read : undefined;
}

/** A checked radio or checkbox in a recipient group ("Send to", or one titled by a way): its card names the recipient. */
function chosenEntry(input: Element, entries: Entry[]): void {
  const type = attr(input, "type");
  if ((type !== "radio" && type !== "checkbox") || !(input as HTMLInputElement).checked || input.closest("table")) return;
  // A group titled by the way alone its recipients go is theirs ("FAX": ☑ Dr. Vogel · … · Fax 0555 0104471, EMIL's Empfänger);
  // and in a send's own dialog a box ticked under someone's group is whom it goes to ("Referring doctors: ☑ Dr Priya Nair
  // · …", Hugo's Send report to patient / doctors).
  const section = sectionOf(input);
  const dialog = type === "checkbox" && section === "excluded" ? input.closest(DIALOG_SELECTOR) : null;
  const ticked = dialog !== null && ACTION_TITLE.test(matchText(accessibleName(dialog)));
  if (!ticked && section !== "recipient" && !BARE_WAY.test(matchText(legendOf(input)))) {
    // A box that says where it sends, or that its card is the one chosen (the two never say both), or a choice of
    // addresses.
    routeEntry(input, entries);
    addressedChoice(input, entries);
    return chosenCardEntry(input, entries);
  }
  const card = input.closest("label") ?? input.parentElement;
  const { name: value, ...read } = card ? readCard(card) : { name: "" };
  // A route rather than someone ("(•) Another practice", its practice chosen in the field below): every word but the first
  // in lower case; or a kind of recipient ("Recipient Type: (•) External Recipient", the person typed below).
  // Nor a way ("Delivery method: (•) Fax" in a "Send to Referring Provider" dialog).
  if (value && !DESCRIBES.test(value) && !kindOfRecipient(value) && !BARE_WAY.test(matchText(value)))
    entries.push({ role: "name", priority: 3, label: "Send to", value, element: input, ...read });
}

/**
 * A label whose field is hidden, a card of the one chosen shown in its place (CareRight's Professional Contact: the
 * search box gives way to the contact's card): the card is the value.
 */
function cardInPlace(label: Element, entries: Entry[]): void {
  const field = byIdInTree(label, attr(label, "for") ?? "");
  if (!field?.hasAttribute("hidden")) return;
  const match = interpret(label.textContent ?? "", label);
  if (!match || match === "excluded" || (match.role !== "name" && match.role !== "organization")) return;
  for (const card of [field.previousElementSibling, field.nextElementSibling]) {
    if (!card || card.hasAttribute("hidden") || card.querySelector(EDITABLE_SELECTOR) || notChosen(card)) continue;
    const { name: value, ...read } = readCard(card);
    if (value) return void entries.push({ ...match, value, element: card, ...read });
  }
}

/** A checked box that says where it sends ("Send to clinician or provider"), over the card of whom (MedicalDirector Helix). */
const ROUTE = /^(?:send|share|fax|e ?mail|deliver|release) to\b/;
const TYPED_FIELD = "input:not([type=radio]):not([type=checkbox]),select,textarea,[contenteditable=true]";

function routeEntry(input: Element, entries: Entry[]): void {
  const label = input.closest("label");
  if (!label || !ROUTE.test(matchText(label.textContent ?? ""))) return;
  // The card under the box, or above the choices of how (HENO's card over "(•) Fax to … ( ) Email to …"); a note
  // ("With Electronic Signature enabled, the provider can…") is no card.
  let below = label.nextElementSibling;
  while (below?.hasAttribute("hidden")) below = below.nextElementSibling;
  let above = label.previousElementSibling;
  while (above?.localName === "label") above = above.previousElementSibling;
  for (const card of [below, above]) {
    // The card may offer how it goes (Helix's "( ) Secure Message Delivery ( ) Email"), not a field of its own.
    if (!card || card.localName === "label" || card.querySelector(TYPED_FIELD) || notChosen(card)) continue;
    const { name: value, ...read } = readCard(card);
    if (value && !NOT_A_NAME_WORD.test(value))
      return void entries.push({ role: "name", priority: 3, label: "Send to", value, element: input, ...read });
  }
}

/**
 * A radio whose label shows a Direct address ("(•) Origin facility: Harborview Assisted Living records@kno2…", AngelTrack's
 * Kno2 destinations): the one chosen to send to, whatever the group's title. Before a colon, what the choice is.
 */
function addressedChoice(input: Element, entries: Entry[]): void {
  const label = attr(input, "type") === "radio" ? input.closest("label") : null;
  const text = label ? subtreeText(label) : "";
  const address = DIRECT_DOMAIN.test(text) ? text.match(EMAIL)?.[0] : undefined;
  if (!address || !DIRECT_DOMAIN.test(address)) return;
  const [, said, rest] = /^(?:([^:]{1,40}):)?(.*)$/.exec(text.replace(address, ""))!;
  const value = cleanText(rest!.replace(/[<>()[\]]/g, " "), 300);
  if (value && !NOT_A_NAME_WORD.test(value))
    entries.push({ role: "name", priority: 2, label: said?.trim() || "Send to", value, element: input, directAddress: address });
}

/** A box that says only that its card is the one chosen ("Selected", e-RS's service cards), in the languages we read. */
const CHOSEN_MARK = /^(?:selected|chosen|seleccionad[oa]|selecionad[oa]|ausgewahlt|geselecteerd|selectionne|valgt|vald|wybrany)$/;

/**
 * The card a "Selected" box marks among cards like it (e-RS's service options: name, provider, details): that service
 * or person, named by the card's head. The weakest evidence: any label that names the recipient wins.
 */
function chosenCardEntry(input: Element, entries: Entry[]): void {
  const label = input.closest("label");
  const card = input.closest("article,li,[role=listitem]");
  if (!label || !card || !CHOSEN_MARK.test(matchText(label.textContent ?? ""))) return;
  let alike = 0;
  for (let sibling = card.parentElement?.firstElementChild; sibling; sibling = sibling.nextElementSibling)
    if (sibling.localName === card.localName) alike++;
  if (alike < 2) return;
  const head = cardHead(card.querySelector("dl,ul,ol,table") ?? label);
  // A list of documents to send is chosen from the same way: a record's title is no one.
  if (head?.name && !RECORD_CONTEXT.test(matchText(head.name)))
    entries.push({ role: "name", priority: 1, label: "Selected", value: head.name, element: input, ...head });
}

const CHOICE_LISTS: ReadonlySet<string> = new Set(words("radiogroup listbox group"));
/** A block a label names by id that shows the option chosen in a lookup as a pill (SLDS's lookup: "Performer"). */
function pillBox(el: Element): boolean {
  return !!attr(el, "aria-labelledby") && !!el.querySelector(":scope > [role=option][aria-selected=true]");
}

/** A group's title that says its items are whom a case may go to ("Providers on this case", "Matched facilities", Owl's "Circle of Care"). */
const PROVIDERS_GROUP = /\b(?:providers|facilities|agencies|practices|clinicians|specialists|recipients|circle of care|care team)\b/;

/**
 * A list the person chose one contact from (Athelas' "Contacts" cards, ChartLogic's "Address Book"): its label says
 * whose, its checked or selected item who. A combobox's suggestions are not one (notChosen: the walk skips them).
 * Checkable cards in a group of providers (4Next's case: role=checkbox cards) are the weakest evidence, as a
 * "Selected" card is: the group's title says what its items are, not that they receive.
 */
function chosenItemEntry(list: Element, entries: Entry[]): void {
  const chosen = list.querySelector("[aria-checked=true],[aria-selected=true]");
  if (!chosen) return;
  const title = groupTitle(list) || accessibleName(list);
  const match = fieldMeaning(list, [title]);
  if (match === "excluded") return;
  const { name: value, ...card } = readCard(chosen);
  if (!value) return;
  if (match && (match.role === "name" || match.role === "organization")) entries.push({ ...match, value, element: list, ...card });
  else if (!match && PROVIDERS_GROUP.test(matchText(title)) && !RECORD_CONTEXT.test(matchText(value)))
    entries.push({ role: "name", priority: 1, label: title, value, element: list, ...card });
}

function hintEntry(el: Element, entries: Entry[]): void {
  if (isField(el) || el.querySelector(EDITABLE_SELECTOR)) return;
  const { name: value, ...card } = readCard(el);
  // The group's own label ("Send to", its id "sendto-lbl") names no one.
  if (value && value.length <= 120 && !interpret(value, null))
    entries.push({ role: "name", priority: 1, label: "Recipient", value, element: el, ...card });
}

/** A part of an application that works on its own: a form, a dialog, a region or section. */
const PANE = `form,${DIALOG_SELECTOR},section,aside,article,[role=region]`;
/** Whether `el` is in the pane the control is in (or nothing says otherwise: no control, or no pane around `el`). */
function inControlPane(el: Element, control: Element | undefined): boolean {
  return !control || el.closest(PANE)?.contains(control) !== false;
}
const PARTICIPANTS = /participants|conversation with/i;
/** The clinician among a thread's participants: "Alex Rivera (you, Maple Street Counseling)", "Me". */
const YOU = /\((?:you|me)\b|^(?:you|me)$/i;

/** "Fax: <span>(555) 010-6640</span>": a line whose own text is only its label, before the value's markup. */
function labelFirst(el: Element): boolean {
  const first = el.firstChild;
  return first?.nodeType === TEXT_NODE && /^[^:]{1,40}:\s*$/.test((first as Text).data);
}

/** "Refer to: Dr. Bob Jones", "<dt>To</dt><dd>…</dd>", "<th>Fax</th><td>…</td>", "<span>To</span><input>", a card under "Recipient". */
function leafLabelEntry(el: Element, entries: Entry[], control?: Element): void {
  const tag = el.localName;
  // A legend or caption titles its group (see sectionOf); what follows it is not necessarily one value.
  if (NOT_LABELS.has(tag)) return;
  if (tag === "label" && attr(el, "for")) return cardInPlace(el, entries); // Read with its field, unless a card took its place.
  if (tag === "th" && !el.parentElement?.querySelector("td")) return; // A column header: see tableEntries.
  const own = cleanText(el.textContent ?? "", 300);
  if (!own || own.length > 300) return;
  const colon = own.indexOf(":");
  if (colon > 0 && colon < own.length - 1) {
    const match = interpret(own.slice(0, colon), el);
    // A weak label written as text outside a send form or dialog ("Clinician: Alex Rivera" over a note) names its author.
    if (match && match !== "excluded" && ((match.priority > 2 && !oneLetter(own)) || el.closest(`form,${DIALOG_SELECTOR}`))) {
      // "To: <token>": the markup after the label read as a card, its parts apart (name, practice, address), not run together.
      const first = labelFirst(el) && el.firstElementChild;
      const read = first ? readValue(first) : { value: cleanText(own.slice(colon + 1), 300) };
      const { value, ...card } = first && read.value && !read.fax ? { ...read, ...numberAfter(first) } : read;
      // A thread's participants: a reply goes to the others, not to the one marked as the clinician ("(you, …)").
      const whom = PARTICIPANTS.test(match.label) ? splitPieces(value).find((one) => !YOU.test(one)) : value;
      if (whom) entries.push(withCard({ ...match, value: whom, element: el }, card));
    }
    if (match) return;
  }
  const match =
    (own.length > MAX_LABEL_CHARS ? null : (releaseRequester(own, el) ?? interpret(own, el))) ??
    (SAYS_SENT_TO.test(matchText(own)) ? { role: "name" as const, priority: 3, label: own } : null);
  if (!match) return directShown(el, own, entries);
  if (match === "excluded") return;
  // A weak label outside a send form or dialog, in another pane than the control's ("Clinic" in a case's details in the
  // sidebar, WebPT), says whose the record is, not to whom the control sends it.
  if (!el.closest(`form,${DIALOG_SELECTOR}`) && (oneLetter(own) || (match.priority <= 2 && !inControlPane(el, control)))) return;
  const { value, ...card } = valueAfter(el);
  // "To fax <strong>Lakeshore Sleep &amp; Lung</strong> · (555) 014-6620" (Spruce): a fax label over a name, its number
  // further along the line. The line is read as the recipient's, the name with its number.
  // Only in the control's own pane: Spruce's fax pane beside its chat composer addresses its own Send Fax.
  const line = match.role === "fax" && value && !PHONE.test(value) && inControlPane(el, control) ? restOfLine(el) : "";
  if (PHONE.test(line)) entries.push({ ...match, role: "name", value: line, element: el });
  else if (value && !POINTS_ELSEWHERE.test(value)) entries.push(withCard({ ...match, value, element: el }, card));
}

/** A sentence that ends in whom the record goes to, the card after it ("This discharge summary will be delivered electronically to:", iSOFT's confirmation). */
const SAYS_SENT_TO = /\b(?:will be|is being|are being) (?:\w+ )?(?:sent|delivered|faxed|shared|forwarded|released|disclosed)(?: \w+)? to$/;

const REQUESTER = /^(?:requested by|requester|requestor|requesting party)$/;
const RELEASE_TITLE = /\b(?:release of information|records? requests?|roi|disclosure requests?)\b/;

/**
 * Who asked for a release of the record gets it ("Requested by" over Dr. Samuel Okafor's card, Valant's ROI request),
 * where elsewhere "Requested by" is the sender of an order. A release says so in the first heading of a block around.
 */
function releaseRequester(label: string, el: Element): LabelMatch | null {
  if (!REQUESTER.test(matchText(label))) return null;
  for (let node = el.parentElement, i = 0; node && i < 6; node = node.parentElement, i++)
    if (RELEASE_TITLE.test(matchText(node.querySelector(HEADING_SELECTOR)?.textContent ?? ""))) return { role: "name", priority: 3, label };
  return null;
}

/**
 * A one-letter label ("A:", Italian and Portuguese for To) is one only in a send form or dialog: as text elsewhere it is
 * a SOAP note's Assessment ("A: Mechanical low back pain.").
 */
function oneLetter(label: string): boolean {
  return /^\s*\p{L}\s*:/u.test(label);
}

/** The text after a label up to the end of its block, bounded ("Lakeshore Sleep & Lung · Attn: … · (555) 014-6620"). */
function restOfLine(label: Element): string {
  let text = "";
  for (let node = label.nextSibling, i = 0; node && i < 8 && text.length < 300; node = node.nextSibling, i++) {
    if (node.nodeType === TEXT_NODE) text += (node as Text).data;
    else if (isElement(node)) text += ` ${subtreeText(node)} `;
  }
  return cleanText(text, 300);
}

/** The entry with what its card shows apart, else with the card head above it. */
function withCard(entry: Entry, card: Omit<CardRead, "name">): Entry {
  return card.fax || card.organization || card.directAddress ? { ...entry, ...card } : underHead(entry);
}

/**
 * A card in a send dialog or form showing a Direct address under no label, below a name ("Camille Reyes, MD —
 * Harborview Gynecology Associates" / "Direct creyes@direct.harborviewgyn.org", ModMed's chosen recipient): that
 * person, the weakest evidence, so any labelled field wins and lends this address to no one else. Not an item of a
 * list or table: an address book shows everyone's.
 */
function directShown(el: Element, own: string, entries: Entry[]): void {
  const address = directLine([own]);
  if (!address || !el.closest(`${DIALOG_SELECTOR},form`) || el.closest("li,tr,[role=option],[role=row]")) return;
  // The value of a label beside it that says whose it is ("From" | "Alex Rivera, MD <arivera@direct…>", NextGen's send window).
  const before = el.previousElementSibling;
  if (before && !before.firstElementChild && interpret(cleanText(before.textContent ?? "", MAX_LABEL_CHARS), before) === "excluded") return;
  const head = sectionOf(el) === "excluded" ? undefined : cardHead(el);
  if (head)
    entries.push({
      role: "name",
      priority: 1,
      label: "Direct address",
      value: head.name,
      element: el,
      directAddress: address,
      organization: head.organization,
    });
}

/** An address or number in a card's details list, with the name and organisation the card shows above the list. */
function underHead(entry: Entry): Entry {
  if (entry.role !== "direct" && entry.role !== "fax") return entry;
  const head = cardHead(entry.element);
  return head ? { ...entry, cardName: head.name, organization: head.organization } : entry;
}

/** The value beside a label: following text, the next sibling (field, text or card, with the card's fax), or the next cell/column. */
function valueAfter(label: Element): ValueRead {
  for (let node = label.nextSibling, i = 0; node && i < 8; node = node.nextSibling, i++) {
    if (node.nodeType === TEXT_NODE) {
      const text = cleanText((node as Text).data, 300);
      // "Share with (provider contacts)": an aside on the label, not a name; nor is a prompt ("— choose from your address book").
      if (text && !NOTE_ONLY.test(text) && !PROMPT.test(text)) return { value: text };
    } else if (isElement(node) && node.localName !== "br" && !notChosen(node) && !node.hasAttribute("hidden")) {
      // A picker's button still saying what to do ("Select an addressee", Nookal's): the one picked shows after it.
      if (node.localName === "button" && PROMPT.test(cleanText(node.textContent ?? "", 80))) continue;
      // A table with column headers is read by tableEntries, its chosen row under its headers; as a card it
      // would give its first line, a column header.
      return headerRowOf(node) ? { value: "" } : elementOrCard(node);
    }
  }
  const parent = label.parentElement;
  if (parent && parent.firstElementChild === label && parent.children.length === 1) {
    const next = parent.nextElementSibling;
    if (!next) return { value: "" };
    const read = elementOrCard(next);
    // A name line under its label line: the card goes on below it, its fax and address the name's.
    return read.value && !read.fax && !read.directAddress && !isField(next) ? { ...read, ...belowName(next) } : read;
  }
  return { value: "" };
}

/**
 * A line's words after its value ("To: <span>Harbourside…</span> — <span>Fax 0161 496 0732</span>"): a number alone, or
 * one that says it is the fax, is where it goes.
 */
function numberAfter(value: Element): { fax?: string } {
  let rest = "";
  for (let node = value.nextSibling; node && rest.length < 80; node = node.nextSibling) {
    if (isElement(node) && !INLINE_LABEL_TAGS.has(node.localName)) break;
    rest += node.textContent ?? "";
  }
  const number = rest.replace(/^[\s·•|,\u2013\u2014-]+(?:e?-?fax\b[\s:#.]*)?/i, "").trim();
  return NUMBER_ONLY.test(number) && PHONE.test(number) ? { fax: number } : {};
}

/**
 * A field's value, or a card's name with the fax it shows. A block of several fields is a section, not a value,
 * and a block whose field has a <label> of its own is that label's: both are read field by field.
 */
function elementOrCard(el: Element): ValueRead {
  // A directory's search box holds the words searched for, not the one chosen from its results.
  if (isField(el)) return searchBox(el) ? { value: "" } : readValue(el);
  const fields = el.querySelectorAll(EDITABLE_SELECTOR);
  if (fields.length > 1 || (fields[0] && (labelText(fields[0]) || searchBox(fields[0])))) return { value: "" };
  return readValue(el);
}

const TO_OR_CC = /^to (?:or )?cc$/;

/**
 * A provider table: column headers name the cells of the chosen row (the selected one, or the only one).
 * A send control in a row of an address book (a table with a Direct address or fax column) chooses its own row.
 * True when the table has a header row: its other rows are options not chosen, never read as label/value pairs.
 */
function tableEntries(table: Element, entries: Entry[], control?: Element): boolean {
  const headerRow = headerRowOf(table);
  if (!headerRow) return false;
  const headers = Array.from(headerRow.children).map((cell) => subtreeText(cell));
  const bodyRows = Array.from(table.querySelectorAll("tbody tr, tr"))
    .filter((row) => row !== headerRow && row.querySelector("td"))
    .slice(0, 500);
  const own = control ? bodyRows.find((row) => row.contains(control)) : undefined;
  // A lone row is the one chosen, unless the table is a log: a dated row is a send that went before, not this one's.
  const log = headers.some((header) => DATED.test(matchText(header)));
  // A column saying which rows are To and which Cc (OpenEyes' letter): the To row is whom it goes to.
  const marker = headers.findIndex((header) => TO_OR_CC.test(matchText(header)));
  const chosen =
    (marker >= 0 ? bodyRows.find((row) => matchText(cellText(row.children[marker] ?? row)) === "to") : undefined) ??
    bodyRows.find((row) => markedChosen(row) || row.querySelector("input:checked")) ??
    (bodyRows.length === 1 && !log ? bodyRows[0] : undefined);
  // An address book has an address column (a worklist of patient, physician, [Fax chart] has none), and a log of sends
  // a column saying to whom ("To", a fax log's, whose Resend repeats its row): the control in its row chooses that row,
  // and its plain Name and Organization columns are the recipient's.
  const headerSection = sectionOf(headerRow);
  const book = headers.some((header) => {
    const match = interpret(header, headerSection);
    return match !== null && match !== "excluded" && (match.role === "direct" || match.role === "fax" || SENT_TO.test(matchText(header)));
  });
  // So does a list of sends with a column naming whom each goes to ("Receiving clinic", "Refer to": ICE's referrals, a Send in each row).
  const addressed =
    book ||
    headers.some((header) => {
      const match = interpret(header, headerSection);
      return match !== null && match !== "excluded" && match.priority >= 3;
    });
  const row = (addressed && own) || chosen;
  // Every cell of the row climbs from the row itself, so they share one section.
  const section = row?.firstElementChild ? (sectionOf(row.firstElementChild) ?? (book ? "recipient" : null)) : null;
  // A log's row that came in names its sender in every cell: its fax number is theirs, and so is its "To/From".
  const logged = log || headers.some((header) => BOTH_PARTIES.test(matchText(header)) || DIRECTION_HEADER.test(matchText(header)));
  const direction = row && logged ? directionOf(row, control) : undefined;
  const read = Array.from((direction !== "in" && row?.children) || []).map((cell, i) => {
    const header = i === marker ? undefined : headers[i];
    const match = header
      ? BOTH_PARTIES.test(matchText(header))
        ? otherParty(header, direction === "out")
        : // "Recipient / address": the first of what the column holds names it.
          (interpret(header, section) ?? (header.includes("/") ? interpret(header.split("/")[0]!, section) : null))
      : null;
    return match && match !== "excluded" ? { ...match, value: cellText(cell), element: cell } : match;
  });
  const cellEntries = read.filter((entry): entry is Entry => typeof entry === "object" && entry !== null);
  entries.push(...cellEntries);
  if (row && (book || section === "recipient")) unnamedColumns(row, headers, read, cellEntries, entries);
  // A name in First and Last columns (MyFax's Fax Recipients), in a list of recipients or an address book: one name.
  const first = headers.findIndex((header) => FIRST_NAME.test(matchText(header)));
  const last = headers.findIndex((header) => LAST_NAME.test(matchText(header)));
  const cells = row?.children;
  if (cells && first >= 0 && last >= 0 && (book || section === "recipient")) {
    const value = cleanText(`${cellText(cells[first] ?? cells[0]!)} ${cellText(cells[last] ?? cells[0]!)}`, 300);
    if (value) entries.push({ role: "name", priority: 3, label: "Name", value, element: cells[first] ?? row! });
  }
  return true;
}

/**
 * A recipient's row names its practice, or shows its Direct address, under a column we have no word for ("Client", a
 * LIMS's; Kno2's "Organization / Address": the practice, its address below it): a cell's lines that read as one.
 */
function unnamedColumns(row: Element, headers: string[], read: ReadonlyArray<unknown>, named: Entry[], entries: Entry[]): void {
  let organization = named.some((entry) => entry.role === "organization");
  let direct = named.some((entry) => entry.role === "direct");
  Array.from(row.children).forEach((cell, at) => {
    if (read[at] !== null || (organization && direct)) return;
    const lines: string[] = [];
    collectLines(cell, lines);
    const label = headers[at] ?? "";
    const address = direct ? undefined : directLine(lines);
    if (address) {
      direct = true;
      entries.push({ role: "direct", priority: 2, label, value: address, element: cell });
    }
    const practice = organization ? undefined : lines.find((line) => line !== address && organizationPiece(line));
    if (practice) {
      organization = true;
      entries.push({ role: "organization", priority: 2, label, value: practice, element: cell });
    }
  });
}

/** A column that dates each row: the table is a log of what happened (PrognoCIS's Letters Out: Date, Letter, To, Via). */
const DATED = /^(?:(?:date|time) )?(?:sent|faxed|received|delivered)(?: (?:on|at|date))?$|^(?:date|time|timestamp|fecha|datum|data|dato)$/;
/** A column that says to whom each row went or goes, not who someone is ("Physician"): also French "À", German "An"/"Empfänger". */
const SENT_TO = /^(?:(?:sent |send |faxed )?to|recipients?|destination|destinatarios?|destinataires?|a|an|aan|para|empfanger|ontvanger)$/;

/** A log's column of whoever is at the other end of each row, either way: "Receiver / sender", "To/From" (Welkin's fax log). */
const BOTH_PARTIES =
  /^(?:(?:receiver|recipient|to|addressee|geadresseerde|ontvanger|empfanger|adressat|destinataire|destinatario|mottagare) (?:or |of |oder |ou |o |eller )?(?:sender|from|afzender|absender|expediteur|remitente|mittente|avsandare)|(?:sender|from|afzender|absender|expediteur|remitente|mittente|avsandare) (?:or |of |oder |ou |o |eller )?(?:receiver|recipient|to|addressee|geadresseerde|ontvanger|empfanger|adressat|destinataire|destinatario|mottagare))$/;
/** A log's column saying which way each row went. */
const DIRECTION_HEADER = /^(?:direction|richting|richtung|sens|direccion|riktning|direzione)$/;
/** A row's direction cell: the first group when it went out. */
const DIRECTION =
  /^(?:(outbound|outgoing|sent|out|uitgaand|verzonden|ausgehend|gesendet|sortant|envoye|saliente|enviado|utgaende|skickad|in uscita|inviato)|inbound|incoming|received|in|inkomend|ontvangen|eingehend|empfangen|entrant|recu|entrante|recibido|inkommande|mottagen|in entrata|ricevuto)$/;

/**
 * Which way the row went: its direction cell says ("Outbound", "Incoming"), or, with none, a control that repeats it
 * went out (Retry sending, Resend: only what was sent is sent again); undefined when nothing says.
 */
function directionOf(row: Element, control: Element | undefined): "out" | "in" | undefined {
  for (const cell of row.children) {
    const said = DIRECTION.exec(matchText(cellText(cell)));
    if (said) return said[1] !== undefined ? "out" : "in";
  }
  return control && RESEND.test(matchText(accessibleName(control))) ? "out" : undefined;
}

/** The other party's column read as the recipient's name in a row that went out from here; the sender's otherwise. */
function otherParty(header: string, outgoing: boolean): LabelMatch | "excluded" {
  return outgoing ? { role: "name", priority: 3, label: cleanText(header, MAX_LABEL_CHARS) } : "excluded";
}

/** A cell's value: what is typed in the field it holds (a row being filled in), else its text. */
function cellText(cell: Element): string {
  const field = cell.querySelector("input:not([type=hidden]),select,textarea");
  return cleanText(field ? fieldValue(field) : cell.querySelector("br") ? brokenLines(cell) : subtreeText(cell), 300);
}

/** A cell's lines apart: "<strong>Dr Helen Okafor</strong> (GP)<br>Riverside Surgery" is "Dr Helen Okafor (GP) · Riverside Surgery". */
function brokenLines(cell: Element): string {
  let text = "";
  const walker = cell.ownerDocument.createTreeWalker(cell, SHOW_ELEMENTS_AND_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.nodeType === TEXT_NODE) text += (node as Text).data;
    else if ((node as Element).localName === "br") text += " · ";
  return text;
}

const FIRST_NAME = /^(?:first|given) name$|^forename$/;
const LAST_NAME = /^(?:last|family) name$|^surname$/;

/**
 * A table's row of column headers (a first row with no data cell); null for anything else. A grid that scrolls its
 * body apart (Kendo's k-grid-header over k-grid-content, ExtJS, ag-Grid) keeps its headers in a table of their own,
 * in the block just before the body's: that row, when it has as many cells as the body's first row.
 */
function headerRowOf(el: Element): Element | null {
  if (el.localName !== "table") return null;
  const row = el.querySelector("thead tr") ?? el.querySelector("tr");
  if (!row) return null;
  if (!row.querySelector("td")) return row;
  for (let block: Element | null = el, i = 0; block && i < 2; block = block.parentElement, i++) {
    const above = block.previousElementSibling;
    const head = above?.localName === "table" ? above.querySelector("tr") : above?.querySelector("table tr");
    if (head && !head.querySelector("td") && head.children.length === row.children.length) return head;
    if (above) return null;
  }
  return null;
}

function inPatientBanner(el: Element, scope: Element): boolean {
  let node: Element | null = el;
  for (let i = 0; node && i < MAX_CLIMB; i++, node = node.parentElement) {
    if (PATIENT_BANNER.test(`${attr(node, "class") ?? ""} ${attr(node, "id") ?? ""} ${attr(node, "aria-label") ?? ""}`)) return true;
    if (node === scope) break;
  }
  return false;
}
