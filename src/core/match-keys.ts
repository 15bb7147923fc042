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

/**
 * The NPI's key when it is 10 digits (or 15 starting 80840, read as the last 10) with a valid
 * check digit (Luhn over 80840 + the 10 digits): its first nine digits as a number, which
 * determine it (the tenth is their check digit) and fit a small integer, which keeps the
 * 50,000-entry map fast.
 */
export function npiKey(npi: string | undefined): number | undefined {
  if (npi === undefined) return undefined;
  let key = digitsOf(npi);
  if (digitCount === 15 && Math.floor(key / TEN_DIGITS) === NPI_ISSUER_PREFIX) key %= TEN_DIGITS;
  else if (digitCount !== 10) return undefined;
  // Walk the ten digits from the right, doubling every second one (the check digit is not doubled).
  let sum = NPI_PREFIX_SUM;
  let rest = key;
  for (let i = 0; i < 10; i++) {
    let x = rest % 10;
    rest = (rest - x) / 10;
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0 ? (key - (key % 10)) / 10 : undefined;
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

/**
 * What kind of key an alias is, before its key is made: a Direct address or domain (anything with an
 * @), a phone number (10 or 11 digits and no letter), or else a name.
 */
export function aliasKind(alias: string): "direct" | "phone" | "name" {
  if (alias.includes("@")) return "direct";
  digitsOf(alias);
  return (digitCount === 10 || digitCount === 11) && !LETTER.test(alias) ? "phone" : "name";
}

export function aliasKey(alias: string): AliasKey {
  const kind = aliasKind(alias);
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
