/**
 * A card a recipient is shown on (a chosen option, a side-panel card, a token, a radio's label) read as lines:
 * the name, the fax and the organisation it shows apart, and the numbers and addresses a line holds. Options
 * not chosen are never read. Bounded and cleaned: the page is untrusted.
 */
import { subtreeText } from "./accessible-name.ts";
import { attr, EDITABLE_SELECTOR, FIELD_SELECTOR, isElement, shownContent, TEXT_NODE } from "./dom.ts";
import { DIRECT_DOMAIN, EMAIL, NUMBER_ONLY, PHONE } from "./address.ts";
import { ACTION_TITLE, interpret, isShortLabel } from "./recipient-interpret.ts";
import { cleanText, matchText } from "./text.ts";

/** A line that is only a label and its value ("Fax: …"), an identifier or a number: not a name. */
const NOT_A_NAME = new RegExp(`^[^:]{1,30}:|${NUMBER_ONLY.source}|@`);
const MAX_LEAVES = 40;
/**
 * A line that can name the card's person or practice: not a "Label: value", a number or an address, nor a role ("Refer
 * To · Mohs Surgery"), nor the title of the send ("Send to Referring Provider" over ModMed's card).
 */
const nameLine = (line: string) =>
  !NOT_A_NAME.test(line) && !isShortLabel(line.split(PIECE_SEPARATOR)[0]!) && !ACTION_TITLE.test(matchText(line));
/**
 * A line of words a name does not have: a lower-case word longer than a particle ("Co-managing doctor", "on call").
 * "Ana de la Cruz" and "Center for Sight" are names.
 */
export const NOT_A_NAME_WORD = /(?:^|\s)\p{Ll}{4,}/u;
/** An avatar's initials ("CL" in a circle before Doctolib's "Dr Camille Laurent"): the card's name is on a line after it. */
const AVATAR = /^\p{Lu}{1,3}$/u;
/** Lines a card holds at most: name, specialty, practice, address, numbers. */
const MAX_CARD_LINES = 8;

/**
 * Pieces of one line ("Bayview Digestive Health · 410 Harbor Blvd", "Dr. Rosa Lindqvist — Neurology", "Priya
 * Natarajan, MD - (555) 010-4471": a dash or hyphen with a space on each side), and a piece that is a fax ("Fax: …").
 */
export const PIECE_SEPARATOR = /\s+[·•|\u2013\u2014-]\s+/;
export const FAX_PIECE = /^\s*(?:e?fax|f)\b/i;

/** A line's pieces, apart where a separator stands outside parentheses ("Daniel Reyes (External Agent · Brightwater) · Alex Rivera"). */
export function splitPieces(line: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const match of line.matchAll(new RegExp(PIECE_SEPARATOR.source, "g"))) {
    const before = line.slice(0, match.index);
    if (count(before, "(") > count(before, ")")) continue;
    pieces.push(line.slice(from, match.index));
    from = match.index + match[0].length;
  }
  pieces.push(line.slice(from));
  return pieces;
}

/** How many times `char` occurs in `text`. */
function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** A fax number said inside a line rather than as a piece of its own ("Lakeside Cardiology (fax 555-010-2233)", "… — Fax: …"). */
const FAX_MENTION = new RegExp(
  `(^|[\\s,;(\\[\u2013\u2014-])e?-?fa(?:x|ks)\\b(?:\\s*(?:no\\.?|number|numaras\\S*|#))?\\s*[:#]?\\s*(${PHONE.source})`,
  "i",
);

/**
 * A piece of a card that names an organisation beside the person: two words or more with one a practice
 * or service would call itself by ("Lakeshore Counseling Group", "Bayview Digestive Health"). A bare
 * specialty ("Dermatology") is one word, and an address starts with its number; a practice named by its specialty is two
 * ("Bayview Infectious Disease", "Riverside Endodontics"). Practices name themselves in their
 * own languages too: "Gemeinschaftspraxis Kardiologie Neustadt", "Huisartsenpraktijk De Linde", "CH de Castres-Mazamet",
 * "Fjordby sykehus HF", "Nemocnice Na Homolce", and in compounds and with the Scandinavian article ("Länssjukhuset
 * Vättersund, Medicinkliniken").
 */
const ORGANIZATION_WORD =
  /\b(?:clinics?|hospitals?|health|healthcare|medical|medicine|center|centre|associates|partners|group|practice|physicians|specialists|institute|network|services|pllc|llc|llp|inc|counseling|therapy|rehab(?:ilitation)?|imaging|laborator(?:y|ies)|labs|pharmacy|care|[a-z]*olog(?:y|ia)|ortho[a-z]*|pediatrics|[a-z]*iatr(?:y|ia)|surg(?:ery|ical)|dental|dentistry|\w*odontics|optometry|vision|eye|chiropractic|hospice|agency|department|university|schools?|\w*clinica|centro|salud|sanatorio|instituto|consultorio|laboratorio|\w*praxis|\w*klinik(?:um|k|a|en)?|\w*krankenhaus|\w*sykehus(?:et)?|\w*sygehus(?:et)?|\w*sjukhus(?:et)?|\w*sairaala|nemocnice|szpital|przychodnia|\w*legesenter(?:et)?|legekontor|helse|vardcentral(?:en)?|\w*mottagning(?:en)?|laegehus|praksis|terveyskeskus|laakariasema|hf|\w*zentrum|mvz|[a-z]*ologie|\w*praktijk|ziekenhuis|\w*kliniek|\w*centrum|maatschap|cabinet|\w*clinique|hopital|chu?(?= de )|ospedale|\w*ambulatorio|insurance|compensation|physio(?:therapy)?|respiratory|pulmonary|renal|cardiac|vascular|sleep|wound|genetics|genomics|diseases?|allergy|asthma|dialysis|fertility|obstetrics|midwifery|hearing|nutrition|\w*hastanesi|hastane|\w*klinigi|saglik|merkezi|[a-z]*oloji|korhaz|bolni(?:sni)?ca|zdravstveni dom|dom zdravlja|ambulanta|\w*rendel(?:o|es)|intezet|kozpont|[a-z]*ologiai)\b/i;

const MAX_ORGANIZATION_WORDS = 8;

/** A person's job title ("Consultant Orthopaedic Surgeon", "Clinical Psychologist"): ends in what a person is, not a practice. */
const PERSON_ROLE = /\b(?:surgeon|physician|nurse|practitioner|therapist|consultant|[a-z]*ologist|[a-z]*iatrist)$/;

/** Words that describe rather than name: every word but the first in lower case ("Acute rehab", "Another practice"). */
export const DESCRIBES = /^\S+(?:\s+\p{Ll}+)+$/u;

/**
 * A kind of recipient, not one: "External Recipient", "Practitioner outside your group (secure message)" (Halaxy's
 * Share with, the practitioner chosen in the Send to group below it).
 */
const KIND_OF_RECIPIENT =
  /^(?:(?:external|internal|outside|other|new|existing|another|any|referring|primary care|attending|ordering) )?(?:recipients?|providers?|practitioners?|contacts?|users?|locations?|hosts?|facilit(?:y|ies)|clinicians?|physicians?|administrators?|organi[sz]ations?|practices?)(?: (?:in|inside|outside|out of|within|from) (?:your|our|the|this|my) (?:group|organi[sz]ation|practice|network|clinic|team))?$/;

export function kindOfRecipient(value: string): boolean {
  return KIND_OF_RECIPIENT.test(matchText(value.replace(/\([^)]*\)/g, " ")));
}

export function organizationPiece(piece: string): boolean {
  const text = organizationText(piece);
  // matchText folds accents: "Clínica San Rafael" names a clinic.
  const words = matchText(text);
  // A practice's name is a few words: a sentence ("Documents emailed to healthcare providers are not…") is a note.
  return (
    /\S\s+\S/.test(text) &&
    !/^\d|[:@]/.test(text) &&
    // A kind of place on a card ("Acute rehab · 9 mi", "Inpatient psychiatry") describes; a practice has a name.
    !DESCRIBES.test(text) &&
    text.split(/\s+/).length <= MAX_ORGANIZATION_WORDS &&
    !PHONE.test(text) &&
    ORGANIZATION_WORD.test(words) &&
    !PERSON_ROLE.test(words)
  );
}

/**
 * What is shown just after a name field's widget for the contact chosen in it, read once: a card naming that same
 * person gives what it shows apart (CureMD's "Referred to" combobox, its pick's card below: "Hassan Farouk, MD" /
 * "Gulf Coast Spine & Pain Center · Fax …"); a short line right after the field naming a practice gives the practice
 * (GNU Health's "Sanatorio del Sur — Cardiología"). Someone else's card (the referring provider's), a hint ("Search by
 * practice name"), a closed list of suggestions or a block holding a field of its own give nothing. An address typed in
 * the field ("dra.moreno@…" over "Dra. Lucía Moreno · Clínica Alameda", Clinic Cloud) reaches the person a card below
 * names in it: that card gives the name too.
 */
export function shownAfter(field: Element, value: string): Partial<CardRead> {
  for (
    let el: Element | null = field, i = 0;
    el && i < 3 && el.querySelectorAll(EDITABLE_SELECTOR).length < 2;
    el = el.parentElement, i++
  ) {
    let next = el.nextElementSibling;
    while (next?.hasAttribute("hidden")) next = next.nextElementSibling;
    if (next && !next.querySelector(EDITABLE_SELECTOR) && !notChosen(next)) {
      const { name, ...card } = readCard(next);
      if (samePerson(name, value)) return card;
      // A role chosen ("Referring provider", PatientStudio's recipient select): the card after it shows who holds it.
      if (kindOfRecipient(value) && name && !kindOfRecipient(name)) return { name, ...card };
      if (reaches(value, name)) return { name, ...card };
      if (i > 0 || !organizationPiece(name)) return {};
      const piece = cleanText(subtreeText(next), 120).split(PIECE_SEPARATOR)[0]!;
      return !NOT_A_NAME_WORD.test(piece) && organizationPiece(piece) ? { organization: organizationText(piece) } : {};
    }
  }
  return {};
}

/** A piece without the dash, dot or comma that joined it to the name ("— Gastroenterology", a chip's "· Fjordby sykehus HF"). */
export function organizationText(piece: string): string {
  // Its street address after it is where it is, not its name ("Riverside Surgery, 12 Mill Lane, Kingsgate").
  return piece
    .replace(/^[\s,;·•|\u2013\u2014-]+/, "")
    .replace(/,\s*\d+[a-z]?\s+\D.*$/i, "")
    .trim();
}

/**
 * "Dr. Ana Ruiz (Summit Orthopedics)": the name, and the organisation in parentheses after it when it names one, also
 * among a role's words there ("Dr Ben Carter (Referrer (GP), Northside Medical Clinic)", Nookal); or the organisation
 * written first, as Odoo shows a contact of a company ("Clínica San Rafael, Dra. Lucía Méndez"), or after a comma
 * ("Dr Tom Whitfield, Harbourside Medical Centre", Halaxy).
 */
export function organizationBeside(text: string): { name: string; organization: string } | undefined {
  const trimmed = text.trim();
  const aside = lastParenthesized(trimmed);
  if (aside) {
    const pieces = aside.inside.split(/,\s+|\s+[·•|\u2013\u2014-]\s+/);
    const organization =
      pieces.length > 1 ? pieces.reverse().find(organizationPiece) : organizationPiece(aside.inside) ? aside.inside : undefined;
    if (organization) return { name: aside.before, organization: organization.trim() };
  }
  const comma = /^(.+?), ([^\d,]+)$/.exec(trimmed);
  if (!comma) return undefined;
  const [, first = "", second = ""] = comma;
  // "Dr Claire Lefèvre — Cardiologie, Clinique du Parc": a titled person first is the name, her specialty no practice.
  // One word after it is a department of the organisation ("Evergreen Mutual Health Plan, Claims"), not a person.
  if (organizationPiece(first) && !PERSON_TITLED.test(first)) return { name: /\s/.test(second) ? second : trimmed, organization: first };
  // After the name, only a whole rest that is one piece ("… · Pinecrest Cardiology" is read piece by piece). The name
  // stays as written, practice and all: one field shows them together.
  const apart = !PIECE_SEPARATOR.test(second) && organizationPiece(second) && !PERSON_TITLED.test(second);
  return apart ? { name: trimmed, organization: second.trim() } : undefined;
}

/** The parenthesized end of a text, its parentheses balanced ("Referrer (GP), Northside…"), and what comes before it. */
function lastParenthesized(text: string): { before: string; inside: string } | undefined {
  if (!text.endsWith(")")) return undefined;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ")") depth++;
    else if (text[i] === "(" && --depth === 0) {
      const before = text.slice(0, i).trim();
      const inside = text.slice(i + 1, -1).trim();
      return before && inside.length >= 3 && inside.length <= 120 ? { before, inside } : undefined;
    }
  }
  return undefined;
}

/** A name as a line shows it: without the fax it mentions ("… — Fax (555) 010-2233") and the practice in parentheses after it. */
export function nameWithAsides(line: string): CardRead {
  const inline = inlineFax(line);
  const named = inline?.before || line;
  const aside = organizationBeside(named);
  return { name: aside?.name ?? named, fax: inline?.before ? inline.fax : undefined, organization: aside?.organization };
}

/** The fax a line mentions, and what the line says before it (the name it belongs to, or ""). */
function inlineFax(line: string): { fax: string; before: string } | undefined {
  const match = FAX_MENTION.exec(line);
  if (!match) return undefined;
  const before = line.slice(0, match.index + match[1]!.length).replace(/[\s,;:([\u2013\u2014-]+$/, "");
  return { fax: match[2]!, before };
}

export interface CardRead {
  name: string;
  fax?: string | undefined;
  /** The practice a line below the name names ("Lakeshore Counseling Group"), when the card shows one apart. */
  organization?: string | undefined;
  /** The Direct address the card shows (an address at a Direct domain). */
  directAddress?: string | undefined;
}

/** A card (a chosen option, a side-panel card) read once: its name line, the fax and the organisation it shows. */
export function readCard(card: Element): CardRead {
  const el = chosenItem(card);
  const lines: string[] = [];
  collectLines(el, lines);
  for (let i = 0; i < lines.length; i++) lines[i] = addressedTo(lines[i]!);
  // The first line that reads as a name; else the first that can name one (a role line only when nothing else does).
  let at = 0;
  if (lines.length > 1) {
    at = lines.findIndex((line) => !NOT_A_NAME_WORD.test(line) && !AVATAR.test(line) && nameLine(line));
    if (at < 0) at = lines.findIndex(nameLine);
  }
  // One line is the card's whole text, read without the options not chosen around it (a group's unchecked cards).
  const line = cleanText(lines.length ? (lines[at] ?? "") : subtreeText(el), 300);
  const person = at >= 0 ? personBelow(line, lines.slice(at + 1, at + 3)) : undefined;
  if (person) return { name: person, fax: faxLine(lines), organization: organizationText(line), directAddress: directLine(lines) };
  const { name, organization: aside } = nameWithAsides(line);
  const organization = aside ?? (lines.length > MAX_CARD_LINES || at < 0 ? undefined : organizationAfter(lines.slice(at + 1), name));
  return { name, fax: faxLine(lines), organization, directAddress: directLine(lines) };
}

/** A line that starts with a person's title ("Dr.", "dr.", "Prof.", "Mevr.", "Frau"). */
export const PERSON_TITLED = /^(?:dra?|drs|prof|mr|mrs|ms|herr|frau|mevr|dhr|mme|uzm|op)\.?\s+\S/i;

/**
 * A person as a line names one: a title before the name ("Dr. Céline Moreau"), an initial ("M. Jansen"), or a
 * credential or a role in lower case after a comma ("Priya Natarajan, MD", "M. Jansen, fysiotherapeut").
 */
function namesPerson(text: string): boolean {
  return PERSON_TITLED.test(text) || /^\p{Lu}\.\s*\p{Lu}/u.test(text) || /,\s*(?:(?:\p{Lu}\.?){2,5}|\p{Ll}+)$/u.test(text.trim());
}

/** A proper name: capitalised words, but for the small words that join them ("Lakeshore Retina Consultants", "Fysiotherapie Oudegracht"). */
const PROPER_NAME =
  /^\p{Lu}[\p{L}'’.&-]*(?:\s+(?:\p{Lu}[\p{L}'’.&-]*|&|and|of|the|at|de|del|la|le|du|des|van|von|der|den|di|da|do|y|et|und|en|och|i|e))+$/u;

/**
 * A piece after a person's name that names a practice though no word of it says so ("Dr. Céline Moreau — Lakeshore
 * Retina Consultants", "M. Jansen, fysiotherapeut — Fysiotherapie Oudegracht"): a proper name of a few words beside a
 * person is where they work. A role ("Referring Provider") or a second person is not.
 */
export function practiceBesidePerson(person: string, piece: string): boolean {
  const text = organizationText(piece);
  return (
    namesPerson(person) &&
    PROPER_NAME.test(text) &&
    text.split(/\s+/).length <= MAX_ORGANIZATION_WORDS &&
    !PERSON_TITLED.test(text) &&
    !PERSON_ROLE.test(matchText(text)) &&
    !kindOfRecipient(text)
  );
}

/**
 * A card headed by its practice names the person under it ("Rivierenland Ziekenhuis" over "dr. Sanne de Vries,
 * dermatoloog · Tiel", ZorgDomein's care offer): the person is the recipient, without the role after the name.
 */
function personBelow(head: string, below: readonly string[]): string | undefined {
  if (!organizationPiece(head.split(PIECE_SEPARATOR)[0]!)) return undefined;
  const line = below.find((text) => PERSON_TITLED.test(text));
  if (!line) return undefined;
  return line
    .split(PIECE_SEPARATOR)[0]!
    .split(/,\s*(?=\p{Ll})/u)[0]!
    .trim();
}

/** A line that says whom the card sends to ("Para: Dra. Lucía Ferrer · Dermatología", Medesk's pick): the name it gives. */
function addressedTo(line: string): string {
  const said = /^([^:]{1,30}):\s*(\S.*)$/.exec(line);
  const match = said && interpret(said[1]!, null);
  return match && match !== "excluded" && match.role === "name" ? said[2]! : line;
}

/** The Direct address on a line of the card, unless the line's label says it is someone else's ("From: …@direct…"). */
export function directLine(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    // Most lines hold no Direct domain, found by its "@": the address pattern is tried only on a line that does.
    const address = DIRECT_DOMAIN.test(line) ? line.match(EMAIL)?.[0] : undefined;
    const label = /^([^:@]{1,30}):/.exec(line)?.[1];
    if (address && DIRECT_DOMAIN.test(address) && (!label || /direct|mss|kim/i.test(label))) return address;
  }
  return undefined;
}

/** A class that marks the chosen row or item of a list (jQuery UI's "ui-selected", "active", "is-selected", GWT's "cellTableSelectedRow"). */
const CHOSEN_CLASS = /\b(?:selected|active|checked)\b|[a-z]Selected/;

/** A row or list item marked as the one chosen: aria-selected, or a class that says so. */
export function markedChosen(el: Element): boolean {
  return attr(el, "aria-selected") === "true" || CHOSEN_CLASS.test(attr(el, "class") ?? "");
}

/** The item picked in a list of recipients (jQuery UI's selectable, a list group); any other element is read as it is. */
function chosenItem(el: Element): Element {
  const items = el.children;
  if (!/^(?:ul|ol)$/.test(el.localName) || items.length < 2) return el;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (markedChosen(item)) return item;
  }
  return el;
}

/**
 * The first piece of the lines after a card's name that names an organisation, other than the name's own words: a service
 * named again under itself ("Trauma & Orthopaedics Referrals" over "Trauma & Orthopaedics · Northbank General Hospital
 * NHS Trust", Accurx's directory) is not the organisation it is part of.
 */
function organizationAfter(lines: readonly string[], name: string): string | undefined {
  const named = matchText(name);
  for (const line of lines) {
    const piece = line.split(PIECE_SEPARATOR).find((part) => organizationPiece(part) && !named.includes(matchText(part)));
    if (piece) return cleanText(organizationText(piece), 300);
  }
  return undefined;
}

/**
 * The fax and Direct address on the lines after a card's name line, its siblings in the same block ("Release to" /
 * "Brightwater Disability Determination Services" / "Attn: Medical Evidence Unit" / "Fax (555) 010-7781", ICANotes'
 * release panel): a card's few lines, ending at a field, a control or a heading.
 */
export function belowName(nameLine: Element): Pick<CardRead, "fax" | "directAddress"> {
  const lines: string[] = [];
  for (let el = nameLine.nextElementSibling; el && lines.length <= MAX_CARD_LINES; el = el.nextElementSibling) {
    if (el.matches(CARD_END) || el.querySelector(CARD_END)) break;
    collectLines(el, lines);
  }
  return { fax: faxLine(lines), directAddress: directLine(lines) };
}

const CARD_END = `${FIELD_SELECTOR},button,[role=button],h1,h2,h3,h4,h5,h6,fieldset,table`;

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
  // The label and the number may be pieces of their own ("· Fax <span>(555) 014-2290</span>").
  return inlineFax(lines.join(" "))?.fax;
}

/** Block siblings a details list may follow in its card: the name line, the practice, a specialty. */
const MAX_HEAD_LINES = 3;

/**
 * The lines a card shows above the details list a label sits in ("Priya Natarajan, MD" / "Lakeshore Cardiology" over
 * <dl>Direct address … Fax …</dl>): the name and organisation those details belong to. None when the list is not at the
 * head of a small card, or what is above it holds a field or a control.
 */
export function cardHead(label: Element): CardRead | undefined {
  // The details are a list, or the label's line; or the label is itself a line of the card ("Fax: <span>…").
  return headAbove(label.closest("dl, table, ul, ol") ?? label.parentElement) ?? headAbove(label);
}

const HEAD_STOP = `${FIELD_SELECTOR},button,[role=button]`;

function headAbove(details: Element | null): CardRead | undefined {
  const card = details?.parentElement;
  if (!details || !card || card.children.length > MAX_HEAD_LINES + 2) return undefined;
  const lines: string[] = [];
  // Text before the label in its own line is read too ("Lavoie, Marc-André — Polyclinique…, <b>Fax No:</b> …", OSCAR's list).
  for (let node = details.previousSibling; node; node = node.previousSibling) {
    if (lines.length === MAX_HEAD_LINES) return undefined;
    if (node.nodeType === TEXT_NODE) {
      // A separator between the parts (" · ") is no line.
      const text = cleanText((node as Text).data, 300);
      if (/[\p{L}\p{N}]/u.test(text)) lines.unshift(text);
      continue;
    }
    if (!isElement(node)) continue;
    // A field or control above the details (OSCAR's provider select) is no head: its options are choices, not this card's name.
    if (node.matches(HEAD_STOP) || node.querySelector(HEAD_STOP)) return undefined;
    const text = cleanText(subtreeText(node), 300);
    if (text) lines.unshift(text);
  }
  const at = lines.findIndex(nameLine);
  if (at < 0) return undefined;
  // The name line may show the practice beside the name ("Camille Reyes, MD — Harborview Gynecology Associates"); the
  // name itself is not its practice ("Riverside Adult Mental Health Triage Service" over "Northbank Healthcare NHS Trust").
  const [name, ...beside] = lines[at]!.split(PIECE_SEPARATOR);
  return { name: name!, organization: organizationAfter([beside.join(" · "), ...lines.slice(at + 1)], name!) };
}

/**
 * An option the person did not choose: an unselected item, a card holding an unchecked radio, or a combobox's list
 * of suggestions: the one highlighted there while the person types is not chosen yet.
 */
export function notChosen(el: Element): boolean {
  if (attr(el, "aria-selected") === "false" || attr(el, "aria-checked") === "false") return true;
  // Asked of the list, once: the walk does not go into a list it skips (asking for each option would search the
  // page for the list's combobox once per option).
  if (attr(el, "role") === "listbox") {
    const id = attr(el, "id");
    // A list a combobox pops up; not one a plain search box only filters (TigerConnect's Forward picker, whose ticked rows are chosen).
    const popup = "[role=combobox],[aria-autocomplete],[aria-expanded],[aria-haspopup]";
    return !!el.closest("[role=combobox]") || !!(id && el.ownerDocument.querySelector(`[aria-controls~="${CSS.escape(id)}"]:is(${popup})`));
  }
  if (el.localName !== "label") return false;
  const input = el.querySelector("input[type=radio],input[type=checkbox]") as HTMLInputElement | null;
  return input !== null && !input.checked;
}

/** Parts a component laid out apart: two or more children, each with a class of its own ("__name", "__meta"), or with nothing between them. */
function classedParts(el: Element): boolean {
  const children = el.children;
  if (children.length < 2) return false;
  // Laid out apart by style alone: not even a space between the parts (a row built by script: <strong>name</strong><span>practice</span>).
  if (el.childNodes.length === children.length) return true;
  const classes = new Set<string>();
  for (let i = 0; i < children.length; i++) {
    const name = attr(children[i]!, "class");
    if (!name) return false;
    classes.add(name);
  }
  return classes.size === children.length;
}

/** Elements that start a line of their own; `small` is a sub-line (a chip's practice and address under its name). */
const BLOCK = /^(?:div|p|li|ul|ol|dl|dt|dd|section|article|header|footer|table|tbody|tr|td|th|h[1-6]|br|label|small)$/;
/** Not lines of a card: its controls and fields (a select's options are choices, not what it shows), and a component's styles and templates. */
/** Classes of help text under a field: GOV.UK's and NHS's "-hint", Bootstrap's "form-text", MUI's "FormHelperText". */
const HELP_TEXT = /\bhint\b|help(?:er)?[-_ ]?(?:text|block)|\bform-text\b/i;
const UNREAD: ReadonlySet<string> = new Set(["button", "input", "select", "textarea", "style", "script", "template"]);

/** Lines of text: a block element with block children is split into them; anything else is one line. */
export function collectLines(el: Element, lines: string[]): void {
  for (let node = shownContent(el).firstChild; node && lines.length < MAX_LEAVES; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      const text = cleanText((node as Text).data, 300);
      if (text) lines.push(text);
    } else if (isElement(node) && attr(node, "aria-haspopup") === "listbox" && !node.hasAttribute("hidden")) {
      // A button that opens a list of choices shows the one chosen (Prognocis's To: "Referred to Provider — Ana Lucero, MD ▾").
      const text = subtreeText(node);
      if (text) lines.push(text);
    } else if (
      isElement(node) &&
      !UNREAD.has(node.localName) &&
      attr(node, "role") !== "button" &&
      attr(node, "aria-hidden") !== "true" &&
      !node.hasAttribute("hidden") &&
      // Help under a field ("Search the directory: name, town or KIM address") says how to choose, not who was chosen.
      !HELP_TEXT.test(attr(node, "class") ?? "") &&
      // A group of cards shows the chosen one: the others are options, not lines of it.
      !notChosen(node)
    ) {
      if (Array.from(shownContent(node).children).some((child) => BLOCK.test(child.localName)) || classedParts(node))
        collectLines(node, lines);
      else {
        // A chip's remove button ("×", named "Remove recipient") is no part of whom it shows.
        const text = subtreeText(node, node.querySelector("button"));
        if (text) lines.push(text);
      }
    }
  }
}

/** Two displays of one person's name: the words of one (titles and two-letter credentials aside) all in the other, in any order. */
/** An address whose mailbox is named for the person ("dra.moreno", "lferrer" for Lucía Ferrer): a surname of three letters or more in it. */
function reaches(address: string, name: string): boolean {
  const mailbox = EMAIL.test(address) ? matchText(address.split("@")[0]!).replace(/ /g, "") : "";
  return (
    mailbox !== "" &&
    matchText(name)
      .split(" ")
      .slice(1)
      .some((word) => word.length > 2 && mailbox.includes(word))
  );
}

export function samePerson(a: string, b: string): boolean {
  const words = (name: string) =>
    name
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length > 2);
  const [shorter, longer] = [words(a), words(b)].sort((x, y) => x.length - y.length);
  return shorter!.length > 1 && shorter!.every((word) => longer!.includes(word));
}
