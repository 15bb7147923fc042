/**
 * The non-name keys of ACO matching (rules/README.md, "ACO matching"): NPI, TIN, Direct address and fax,
 * each reduced to the form both sides are compared in, and a participant alias sorted into the
 * kind of key it is.
 */
import { normaliseName } from "./name-key.ts";

/** How many digits the last call of digitsOf counted. */
let digitCount = 0;

/**
 * The digits of a value (every non-digit ignored) as a number, their count left in digitCount;
 * -1 beyond 15 digits, past which a double is no longer exact. One pass and no allocation: the
 * index calls it for every participant's NPI and TIN.
 */
function digitsOf(value: string): number {
  let key = 0;
  digitCount = 0;
  for (let i = 0; i < value.length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      if (++digitCount > 15) return -1;
      key = key * 10 + d;
    }
  }
  return key;
}

const TEN_DIGITS = 1e10;
/** The card-issuer prefix an NPI may be written with (15 digits: 80840 + the NPI). */
const NPI_ISSUER_PREFIX = 80840;
/** Luhn sum of the "80840" prefix the NPI check digit is computed over. */
const NPI_PREFIX_SUM = 24;
/** A digit as Luhn doubles it: twice the digit, less 9 past 9. */
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];

/**
 * The NPI's key when it is 10 digits (or 15 starting 80840, read as the last 10) with a valid
 * check digit (Luhn over 80840 + the 10 digits): its first nine digits as a number, which
 * determine it (the tenth is their check digit) and fit a small integer, which keeps the
 * 50,000-entry table fast. One pass over the characters, as the index reads every participant's:
 * Luhn doubles every second digit counted from the right, so it sums both ways from the left and
 * takes the one the digit count says.
 */
export function npiKey(npi: string | undefined): number | undefined {
  if (npi === undefined) return undefined;
  let key = 0;
  let count = 0;
  let sumIf10 = 0; // doubling the 1st, 3rd, 5th... digit from the left, as Luhn does for 10 digits
  let sumIf15 = 0; // doubling the 2nd, 4th, 6th..., as it does for 15
  for (let i = 0; i < npi.length; i++) {
    const d = npi.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (++count > 15) return undefined;
    key = key * 10 + d;
    if (count % 2 === 1) {
      sumIf10 += DOUBLED[d]!;
      sumIf15 += d;
    } else {
      sumIf10 += d;
      sumIf15 += DOUBLED[d]!;
    }
  }
  if (count === 10) return (NPI_PREFIX_SUM + sumIf10) % 10 === 0 ? (key - (key % 10)) / 10 : undefined;
  if (count !== 15 || Math.floor(key / TEN_DIGITS) !== NPI_ISSUER_PREFIX || sumIf15 % 10 !== 0) return undefined;
  const ten = key % TEN_DIGITS;
  return (ten - (ten % 10)) / 10;
}

/** The TIN (EIN or SSN) as a number when it has exactly 9 digits. */
export function tinKey(tin: string | undefined): number | undefined {
  if (tin === undefined) return undefined;
  const key = digitsOf(tin);
  return digitCount === 9 ? key : undefined;
}

/** A fax or phone number's 10 digits, a leading 1 dropped from 11 digits; undefined otherwise. */
export function faxKey(fax: string | undefined): number | undefined {
  if (fax === undefined) return undefined;
  const key = digitsOf(fax);
  if (digitCount === 10) return key;
  if (digitCount === 11 && key >= TEN_DIGITS && key < 2 * TEN_DIGITS) return key - TEN_DIGITS;
  return undefined;
}

const ADDRESS = /^[^\s@]+@([^\s@]+)$/;
const DOMAIN = /^@([^\s@]+)$/;

/** A single Direct address `local@domain`, lower-cased, with its domain; undefined when it is not one. */
export function directAddressKey(value: string | undefined): { address: string; domain: string } | undefined {
  if (value === undefined) return undefined;
  const address = value.trim().toLowerCase();
  const m = ADDRESS.exec(address);
  return m ? { address, domain: m[1]! } : undefined;
}

/** What a participant alias is a key of (addresses and phone numbers are never names). */
export type AliasKey =
  | { kind: "address"; address: string }
  | { kind: "domain"; domain: string }
  | { kind: "phone"; fax: number }
  | { kind: "name"; name: string }
  | { kind: "none" };

const LETTER = /\p{L}/u;

/** One word with an @ in it: meant as a Direct address or domain, well formed or not. */
const ADDRESS_LIKE = /^\s*\S*@\S*\s*$/;

/**
 * What kind of key an alias is, before its key is made: a Direct address or domain (one word with an
 * @), a phone number (10 or 11 digits and no letter), or else a name ("Smith @ Jones Clinic" is a name:
 * hipaa-rules.md 7 makes every alias that is not an address or phone number a name key).
 */
export function aliasKind(alias: string): "direct" | "phone" | "name" {
  if (ADDRESS_LIKE.test(alias)) return "direct";
  digitsOf(alias);
  return (digitCount === 10 || digitCount === 11) && !LETTER.test(alias) ? "phone" : "name";
}

/** The alias's key; `kind` when the caller has already asked aliasKind. */
export function aliasKey(alias: string, kind = aliasKind(alias)): AliasKey {
  if (kind === "direct") {
    // Anything with an @ is meant as an address; one that is not well formed matches nothing.
    const lower = alias.trim().toLowerCase();
    const domain = DOMAIN.exec(lower);
    if (domain) return { kind: "domain", domain: domain[1]! };
    return ADDRESS.test(lower) ? { kind: "address", address: lower } : { kind: "none" };
  }
  if (kind === "phone") {
    // A phone number with 11 digits not starting 1 is no US number: it matches nothing.
    const fax = faxKey(alias);
    return fax === undefined ? { kind: "none" } : { kind: "phone", fax };
  }
  const name = normaliseName(alias);
  return name ? { kind: "name", name } : { kind: "none" };
}
