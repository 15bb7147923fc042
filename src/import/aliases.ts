/**
 * Participant aliases (rules contract v1.1; "ACO matching" in src/core/rules/README.md): the other ways an EHR names a participant.
 * Each alias is a Direct address (`name@domain`), a whole Direct domain (`@domain`), a fax or phone number
 * (10 digits, or 11 starting with 1, and no letters) or a name (doing-business-as or practice name). What is
 * none of these cannot ever match, so the importer and the editor refuse it instead of storing it.
 */
import { aliasKey } from "../core/index.ts";

export type AliasKind = "direct" | "domain" | "fax" | "name";

const KIND = { address: "direct", domain: "domain", phone: "fax", name: "name" } as const;

/**
 * What kind of alias this is as the matcher reads it (the core's aliasKey), or undefined when it can never match.
 * Two names the matcher would take are refused too, as mistypes: one without a single letter is a fax number
 * ("555-0101"), and one with an @ is a Direct address ("not@an address"), not a name an EHR shows.
 */
export function aliasKind(alias: string): AliasKind | undefined {
  const key = aliasKey(alias);
  if (key.kind === "none" || (key.kind === "name" && (!/\p{L}/u.test(alias) || alias.includes("@")))) return undefined;
  return KIND[key.kind];
}

/** Splits a semicolon-separated alias list; addresses are lower-cased (matching ignores their case). */
export function splitAliases(text: string): string[] {
  return text
    .split(";")
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => (a.includes("@") ? a.toLowerCase() : a));
}

/** The aliases as they are stored: trimmed, each once (case aside), in the order given. */
export function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const alias of aliases) {
    const key = alias.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alias.trim());
  }
  return out;
}

/** The first alias that can never match, if any. */
export function invalidAlias(aliases: readonly string[]): string | undefined {
  return aliases.find((a) => aliasKind(a) === undefined);
}
