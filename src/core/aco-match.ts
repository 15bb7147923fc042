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

/**
 * The digits of an identifier as a number when there are exactly `length` of them (every
 * non-digit ignored), else undefined. One pass, no allocation: the index calls it 100,000 times.
 */
function digitsKey(value: string, length: number): number | undefined {
  let key = 0;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      if (++count > length) return undefined;
      key = key * 10 + d;
    }
  }
  return count === length ? key : undefined;
}

/** Luhn sum of the "80840" prefix the NPI check digit is computed over. */
const NPI_PREFIX_SUM = 24;

/**
 * The NPI's key when it is 10 digits with a valid check digit (Luhn over 80840 + the 10 digits):
 * its first nine digits as a number, which determine it (the tenth is their check digit) and,
 * unlike the ten-digit number, fit a small integer, which keeps the 50,000-entry map fast.
 */
export function npiKey(npi: string | undefined): number | undefined {
  if (npi === undefined) return undefined;
  const key = digitsKey(npi, 10);
  if (key === undefined) return undefined;
  // Walk the ten digits from the right, doubling every second one (the check digit is not doubled).
  let sum = NPI_PREFIX_SUM;
  let rest = key;
  for (let i = 0; i < 10; i++) {
    let d = rest % 10;
    rest = (rest - d) / 10;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0 ? (key - (key % 10)) / 10 : undefined;
}

/** The TIN (EIN or SSN) as a number when it has exactly 9 digits. */
export function tinKey(tin: string | undefined): number | undefined {
  return tin === undefined ? undefined : digitsKey(tin, 9);
}

const LEGAL_FORMS = new Set([
  "llc", "pllc", "llp", "lp", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "pc", "pa", "sc",
]);

function isDropped(code: number): boolean {
  // . , ' " ( )
  return code === 46 || code === 44 || code === 39 || code === 34 || code === 40 || code === 41;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x1680;
}

/** Only a-z and 0-9 words separated by single spaces: nothing for the general path to change but the ends. */
function isPlain(lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) continue;
    if (code === 32 && i > 0 && i < lower.length - 1 && lower.charCodeAt(i - 1) !== 32) continue;
    return false;
  }
  return lower.length > 0;
}

/**
 * §7 name normalisation: lower-case, "&" -> "and", drop . , ' " ( ), a leading "the" and one
 * trailing legal-form suffix, collapse whitespace. Exact equality after this; nothing fuzzy.
 * One pass over the characters, since the index normalises every participant's name.
 */
export function normaliseName(name: string | undefined): string {
  if (name === undefined) return "";
  const lower = name.toLowerCase();
  if (isPlain(lower)) {
    // Fast path for names such as "RIVERSIDE FAMILY MEDICINE PC": words already clean, single spaces.
    const start = lower.startsWith("the ") ? 4 : 0;
    const lastSpace = lower.lastIndexOf(" ");
    const end = lastSpace >= start && LEGAL_FORMS.has(lower.slice(lastSpace + 1)) ? lastSpace : lower.length;
    return start === 0 && end === lower.length ? lower : lower.slice(start, end);
  }
  const words: string[] = [];
  let word = "";
  let from = 0; // start of the current run of kept characters
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    // "&" becomes "and" in place, as §7 says, without splitting words: "A&B" is "aandb", not "a and b".
    const amp = code === 38;
    const breaks = isSpace(code);
    if (!amp && !breaks && !isDropped(code)) continue;
    if (i > from) word += lower.slice(from, i);
    from = i + 1;
    if (amp) word += "and";
    else if (breaks) {
      if (word) words.push(word);
      word = "";
    }
  }
  // A name that is only "The" or only "Inc" keeps its word rather than matching every other empty name.
  if (words.length > 1 && words[0] === "the") words.shift();
  if (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}

function given(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== "";
}

/**
 * Builds the index. §7 walks ACOs in profile order and participants in list order and takes the
 * first hit; building backwards and letting later writes win keeps that answer with one map
 * operation per key. Participant NPIs and TINs that cannot be right are left out, as the
 * recipient's would be.
 */
export function buildAcoIndex(profile: Pick<OrgProfileInput, "acos">): AcoIndex {
  const byNpi = new Map<number, AcoMatch>();
  const byTin = new Map<number, AcoMatch>();
  const byName = new Map<string, AcoMatch>();
  const byAcoName = new Map<string, AcoMatch>();
  for (let a = profile.acos.length - 1; a >= 0; a--) {
    const aco = profile.acos[a]!;
    const acoName = normaliseName(aco.name);
    if (acoName) byAcoName.set(acoName, { acoId: aco.id, acoName: aco.name, participant: aco.name });
    for (let i = aco.participants.length - 1; i >= 0; i--) {
      const p = aco.participants[i]!;
      const hit: AcoMatch = { acoId: aco.id, acoName: aco.name, participant: p.name };
      const npi = npiKey(p.npi);
      if (npi !== undefined) byNpi.set(npi, hit);
      const tin = tinKey(p.tin);
      if (tin !== undefined) byTin.set(tin, hit);
      const name = normaliseName(p.name);
      if (name) byName.set(name, hit);
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
