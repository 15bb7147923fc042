/**
 * TIN and NPI checks for imported participants. The core's keys decide what counts as valid, so a
 * participant the importer accepts is one the matcher can find.
 */
import { npiKey, tinKey } from "../core/aco-match.ts";

const SEPARATORS = /[\s-]/g;

/** 9 digits (dashes and spaces allowed), returned as the bare digits. */
export function cleanTin(raw: string): string | undefined {
  const digits = raw.replace(SEPARATORS, "");
  return /^\d{9}$/.test(digits) && tinKey(digits) !== undefined ? digits : undefined;
}

/**
 * 10 digits that pass the Luhn check over 80840 + the first 9, returned as the bare digits. An NPI written with
 * the card-issuer prefix (15 digits starting 80840) is its last 10 digits ("ACO matching" in src/core/rules/README.md).
 */
export function cleanNpi(raw: string): string | undefined {
  const written = raw.replace(SEPARATORS, "");
  const digits = written.length === 15 && written.startsWith("80840") ? written.slice(5) : written;
  return /^\d{10}$/.test(digits) && npiKey(digits) !== undefined ? digits : undefined;
}
