/**
 * From the entries of one scope to the recipient: the person or practice first (a phone or fax number
 * names no one), with its organisation, Direct address and fax when the page shows them apart, and an
 * NPI or TIN shown beside it.
 */
import type { DetectedRecipient } from "./action.ts";
import { EMAIL, NUMBER_ONLY, PHONE } from "./address.ts";
import { subtreeText } from "./accessible-name.ts";
import type { Entry } from "./recipient-entries.ts";
import type { RecipientRole } from "./recipient-labels.ts";
import {
  FAX_PIECE,
  kindOfRecipient,
  nameWithAsides,
  PERSON_TITLED,
  organizationPiece,
  organizationText,
  organizationBeside,
  practiceBesidePerson,
  splitPieces,
  samePerson,
} from "./recipient-card.ts";
import { isShortLabel } from "./recipient-interpret.ts";
import { cleanText, matchText } from "./text.ts";

const NPI_BESIDE = /\bNPI\b\W{0,5}(\d{10})\b/i;
const TIN_BESIDE = /\b(?:TIN|Tax\s*ID|EIN)\b\W{0,5}(\d{2}-?\d{7})\b/i;
/** A piece that is a phone line: says so and holds a number ("Office of the Medical Examiner" is a name). */
const PHONE_PIECE = /^\s*(?:phone|tel|telephone|ph|cell|mobile|office)\b/i;
/** A name and a number after it, apart. */
const NAME_THEN_NUMBER = new RegExp(`^(.*\\S)\\s+(${PHONE.source})$`, "i");

export function build(entries: Entry[]): DetectedRecipient | undefined {
  const best = (role: RecipientRole, accept: (value: string) => boolean = () => true) =>
    entries
      .filter((entry) => entry.role === role && accept(entry.value))
      .reduce<Entry | undefined>((top, entry) => (!top || entry.priority > top.priority ? entry : top), undefined);
  // A kind of recipient ("Practitioner outside your group") names no one: the one chosen is named elsewhere.
  const named = (value: string) => !NUMBER_ONLY.test(value) && !kindOfRecipient(value) && nameOf(value) !== "";
  const person = best("name", named);
  const org = best("organization", named);
  const directEntry = best("direct", (value) => EMAIL.test(value));
  const faxEntry = best("fax", (value) => PHONE.test(value));
  const primary = person ?? org ?? directEntry ?? faxEntry ?? best("name");
  if (!primary) return undefined;

  // A "To" field may hold the address or number itself.
  const addressed = entries.find((entry) => (entry.role === "name" || entry.role === "organization") && EMAIL.test(entry.value));
  const numbered = entries.find((entry) => entry.role === "name" && NUMBER_ONLY.test(entry.value) && PHONE.test(entry.value));
  const line = person ? pieces(person.value) : org ? pieces(org.value) : undefined;
  // A card of the same person beside the chosen name (the one a combobox's choice shows, Tebra's "Receiving
  // provider") shows their address, fax and practice apart.
  const twin = person && entries.find((entry) => entry !== person && entry.role === "name" && samePerson(entry.value, person.value));
  const directAddress = (directEntry ?? addressed)?.value.match(EMAIL)?.[0] ?? (person ?? org)?.directAddress ?? twin?.directAddress;
  const fax = (faxEntry ?? numbered)?.value.match(PHONE)?.[0] ?? line?.fax ?? person?.fax ?? twin?.fax;
  const written = line && nameOf(line.name);
  // The card whose details list gave the Direct address or fax shows this same person above it (a combobox says
  // "Natarajan, Priya, MD", the card "Priya Natarajan, MD" and "Lakeshore Cardiology"): its practice is theirs.
  // With no name field at all, the card names whose address or number it is.
  const card = [directEntry, faxEntry].find((entry) => entry?.cardName && (written ? person && samePerson(entry.cardName, written) : true));
  // The name as written first-name first when the card writes it so: the form people and participant lists use.
  const name = card?.cardName && (!written || (INVERTED.test(written) && !INVERTED.test(card.cardName))) ? nameOf(card.cardName) : written;
  // A labelled organisation field first; else the one the name's card or line shows apart ("… · Lakeshore Cardiology").
  const shown = person?.organization ?? line?.organization ?? card?.organization ?? twin?.organization;
  const organization = org && person ? nameOf(org.value) : shown ? nameOf(shown) : undefined;

  const near = nearbyText(primary.element);
  const npi = digits(best("npi")?.value, /^\d{10}$/) ?? near.match(NPI_BESIDE)?.[1];
  const tinRaw = best("tin")?.value.match(/\b\d{2}-?\d{7}\b/)?.[0] ?? near.match(TIN_BESIDE)?.[1];

  const text = name || directAddress || fax;
  if (!text) return undefined;
  const recipient: DetectedRecipient = { text: cleanText(text, 300), label: cleanText(primary.label, 300) };
  if (name) recipient.name = cleanText(name, 300);
  if (organization && organization !== name) recipient.organization = cleanText(organization, 300);
  // A name that is itself a practice ("Northgate Recovery Center", a labelled organisation alone): the recipient is one.
  else if (name && ((org && !person) || (!/[,;]/.test(name) && organizationPiece(name)))) recipient.organization = recipient.name;
  if (directAddress) recipient.directAddress = cleanText(directAddress, 300);
  if (fax) recipient.fax = cleanText(fax, 40);
  if (npi) recipient.npi = npi;
  if (tinRaw) recipient.tin = tinRaw;
  return recipient;
}

/**
 * One line that holds the name with its numbers ("Dr. Ingrid Holm, Fjord Valley Pulmonology · Fax (555) 010-8830 ·
 * Phone (555) 010-8831"): the name is the first piece that is not a number, the fax the piece that says so (else a
 * bare number), the organisation a later piece that names one; a phone names no one and is never the fax.
 */
function pieces(value: string): { name: string; fax?: string; organization?: string } {
  // Each piece without an address written in it ("Westbrook Orthopedics <arahman@direct…>" is a practice).
  const parts = splitPieces(value).map(nameOf);
  if (parts.length < 2) {
    // An unlabelled number after the name ("Rowan Ellis (Cedar Ridge Cardiology) (555) 017-3340", Updox's fax chip) is where it goes.
    // Read as nameOf leaves it: a chip's list ends in "; ", which would hide the practice in parentheses before it.
    const single = parts[0] || value;
    const [, named = single, number] = NAME_THEN_NUMBER.exec(single) ?? [];
    const { name, fax = number, organization } = nameWithAsides(named);
    return { name, ...(fax ? { fax } : {}), ...(organization ? { organization } : {}) };
  }
  let name: string | undefined;
  let fax: string | undefined;
  let organization: string | undefined;
  let number: string | undefined;
  for (const part of parts) {
    if (FAX_PIECE.test(part)) fax ??= part.match(PHONE)?.[0];
    else if (PHONE_PIECE.test(part) && PHONE.test(part)) continue;
    else if (NUMBER_ONLY.test(part)) number ??= part.match(PHONE)?.[0];
    else if (name === undefined) {
      // "Referring Provider — Dr Hannah Webb", "Others — Dr A. Lucero" (Prognocis's To list): the role, then whom.
      if (parts.length > 1 && (isShortLabel(part) || /^others?$/i.test(part))) continue;
      const aside = organizationBeside(part);
      name = aside?.name ?? part;
      organization ??= aside?.organization;
    } else if (!organization && PERSON_TITLED.test(part) && organizationPiece(name)) {
      // A practice, then a titled person in it ("Riverside Oral Surgery · Dr. Nadia Farouk", a clinic picked from a list): whom it goes to.
      organization = organizationText(name);
      name = part;
    } else if (organizationPiece(part) || (practiceBesidePerson(name, part) && !isShortLabel(part)))
      organization ??= organizationText(part);
  }
  // A number that does not say it is a phone, beside the name in a recipient's line ("Dr. Priya Natarajan — (555) 010-2284"), is where it goes.
  fax ??= number;
  // An organisation, then its service ("Bayside Health — Gastroenterology Specialist Clinic"): the service is whom it goes to,
  // within the organisation, as when the service comes first ("Revmatologisk poliklinikk · Fjordby sykehus").
  if (name && organization && organizationPiece(name) && SPECIALTY.test(matchText(organization)) && !SPECIALTY.test(matchText(name)))
    [name, organization] = [organization, organizationText(name)];
  const found = { ...(fax ? { fax } : {}), ...(organization ? { organization } : {}) };
  return fax ? { name: name ?? "", ...found } : { name: name ?? value, ...found };
}

/** A clinical service's specialty, in the languages read: what names a service rather than the organisation it is part of. */
const SPECIALTY =
  /\b(?:[a-z]*olog(?:y|ie|i|ia|ica|ico|isk|iske)|[a-z]*iatr(?:y|ics|ie|ia|i|isk)|orthop(?:a)?edics?|ortoped\w*|surgery|surgical|kirurgi\w*|chirurgie|cirugia|gastro\w*|dermat\w*|poliklinikk|outpatient clinic|specialist clinic)\b/;

/** A name without the address written beside it ("Chen, Maya MD <mchen@direct.example>" -> "Chen, Maya MD"). */
export function nameOf(value: string): string {
  // A list's arrow ("▾") after the chosen name is no part of it.
  return cleanText(
    value.replace(/[<([]?\s*[a-z0-9._%+-]{1,64}@[^\s>)\]]+\s*[>)\]]?/gi, " ").replace(/[\s,;·|\u2013\u2014\u25be\u25bc\u2304-]+$/, ""),
    300,
  );
}

/** A person's name written surname first ("Natarajan, Priya, MD"), not a name with its credential after a comma ("Priya Natarajan, MD"). */
const INVERTED = /^[^,\s]+,\s*\p{L}{3}/u;

function digits(value: string | undefined, shape: RegExp): string | undefined {
  const only = value?.replace(/[\s-]/g, "");
  return only && shape.test(only) ? only : undefined;
}

/** The text of the row or small container around the recipient, where an NPI or TIN is shown beside the name. */
function nearbyText(el: Element): string {
  const row = el.closest("tr,[role=row],li");
  const container = row ?? el.parentElement?.parentElement ?? el.parentElement;
  return container ? subtreeText(container).slice(0, 500) : "";
}
