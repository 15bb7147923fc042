/**
 * ACO matching (hipaa-rules.md §7): the profile's participant lists indexed once by NPI, TIN and
 * normalised name, so matching a recipient is a few map look-ups whatever the list size.
 */
import type { AcoMatch, OrgProfileInput, Recipient } from "./schema.ts";

/** What the index holds: enough to report a match, nothing else. */
export interface AcoIndex {
  readonly byNpi: ReadonlyMap<number, AcoMatch>;
  readonly byTin: ReadonlyMap<number, AcoMatch>;
  readonly byName: ReadonlyMap<string, AcoMatch>;
  /** ACO entities by normalised ACO name, for a recipient of type "aco". */
  readonly byAcoName: ReadonlyMap<string, AcoMatch>;
}

export interface RecipientMatch {
  /** The first hit, trying NPI, then TIN, then name; undefined when none (or matching skipped). */
  match: AcoMatch | undefined;
  /** An NPI or TIN was given but cannot be right, so it was not used. */
  invalidIdentifier: boolean;
}

export const INVALID_IDENTIFIER_CAUTION = "The NPI/TIN given is not valid and was not used to match the ACO list.";

const NON_DIGIT = /\D/g;

/** The NPI as a number when it is 10 digits with a valid check digit (Luhn over 80840 + the 10 digits). */
export function npiKey(npi: string | undefined): number | undefined {
  if (npi === undefined) return undefined;
  const digits = npi.replace(NON_DIGIT, "");
  if (digits.length !== 10) return undefined;
  // Luhn over "80840" + the ten digits: walk from the right, doubling every second digit.
  const full = `80840${digits}`;
  let sum = 0;
  for (let i = full.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = full.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0 ? Number(digits) : undefined;
}

/** The TIN (EIN or SSN) as a number when it has exactly 9 digits. */
export function tinKey(tin: string | undefined): number | undefined {
  if (tin === undefined) return undefined;
  const digits = tin.replace(NON_DIGIT, "");
  return digits.length === 9 ? Number(digits) : undefined;
}

const PUNCTUATION = /[.,'"()]/g;
const WHITESPACE = /\s+/;
const LEGAL_FORMS = new Set([
  "llc", "pllc", "llp", "lp", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "pc", "pa", "sc",
]);

/**
 * §7 name normalisation: lower-case, "&" -> "and", drop . , ' " ( ), a leading "the" and one
 * trailing legal-form suffix, collapse whitespace. Exact equality after this; nothing fuzzy.
 */
export function normaliseName(name: string | undefined): string {
  if (name === undefined) return "";
  const words = name.toLowerCase().replaceAll("&", " and ").replace(PUNCTUATION, "").split(WHITESPACE).filter(Boolean);
  // A name that is only "The" or only "Inc" keeps its word rather than matching every other empty name.
  if (words.length > 1 && words[0] === "the") words.shift();
  if (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}

function given(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== "";
}

/**
 * Builds the index. Walks ACOs in profile order and participants in list order, keeping the
 * first entry for each key, so a look-up gives the same answer as the §7 walk. Participant NPIs
 * and TINs that cannot be right are left out, as the recipient's would be.
 */
export function buildAcoIndex(profile: Pick<OrgProfileInput, "acos">): AcoIndex {
  const byNpi = new Map<number, AcoMatch>();
  const byTin = new Map<number, AcoMatch>();
  const byName = new Map<string, AcoMatch>();
  const byAcoName = new Map<string, AcoMatch>();
  for (const aco of profile.acos) {
    const acoName = normaliseName(aco.name);
    if (acoName && !byAcoName.has(acoName)) byAcoName.set(acoName, { acoId: aco.id, acoName: aco.name, participant: aco.name });
    for (const p of aco.participants) {
      const hit: AcoMatch = { acoId: aco.id, acoName: aco.name, participant: p.name };
      const npi = npiKey(p.npi);
      if (npi !== undefined && !byNpi.has(npi)) byNpi.set(npi, hit);
      const tin = tinKey(p.tin);
      if (tin !== undefined && !byTin.has(tin)) byTin.set(tin, hit);
      const name = normaliseName(p.name);
      if (name && !byName.has(name)) byName.set(name, hit);
    }
  }
  return { byNpi, byTin, byName, byAcoName };
}

/** Whether the recipient carries an NPI or TIN that cannot be right (and so is never used). */
export function hasInvalidIdentifier(recipient: Pick<Recipient, "npi" | "tin">): boolean {
  return (given(recipient.npi) && npiKey(recipient.npi) === undefined) || (given(recipient.tin) && tinKey(recipient.tin) === undefined);
}

/**
 * Matches a recipient against the index (§7). `inSameAco: false` is the caller's answer and
 * skips matching. A recipient of type "aco" is the ACO entity itself, matched by the ACO's name
 * only (it is not one of its own participants).
 */
export function matchRecipient(index: AcoIndex, recipient: Recipient): RecipientMatch {
  const invalidIdentifier = hasInvalidIdentifier(recipient);
  if (recipient.inSameAco === false) return { match: undefined, invalidIdentifier };
  const name = normaliseName(recipient.name);
  if (recipient.type === "aco") return { match: name ? index.byAcoName.get(name) : undefined, invalidIdentifier };
  const npi = npiKey(recipient.npi);
  const tin = tinKey(recipient.tin);
  const match =
    (npi !== undefined ? index.byNpi.get(npi) : undefined) ??
    (tin !== undefined ? index.byTin.get(tin) : undefined) ??
    (name ? index.byName.get(name) : undefined);
  return { match, invalidIdentifier };
}
