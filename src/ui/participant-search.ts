/**
 * Search over participant lists by name, TIN, NPI or alias (another name, a Direct address or domain, a fax). Names
 * and name aliases are folded with the matcher's own normaliseName (case, accents, "&" and "and", punctuation,
 * hyphens and dashes, a leading "the", legal-form suffixes), so a search finds what a verdict would match: "Penasco
 * & Sons" finds "PEÑASCO AND SONS, LLC". Like the matcher, a query that finds nothing as a whole is tried part by
 * part ("Dr. Helena Marsh — Lakeside Neurology" finds the practice). The folded text of every participant is built
 * once, so each keystroke is one pass of `indexOf` over plain strings, fast enough for 50,000 rows.
 */
import { nameParts, normaliseName } from "../core/index.ts";
import type { OrgProfile, Participant } from "../core/schema.ts";

export type ParticipantSearch = {
  /** Indices of every participant matching the query, in list order (all of them for an empty query). */
  all(query: string): number[];
  /** Up to `limit` participants, those whose name or identifier starts with the query first. */
  top(query: string, limit?: number): Participant[];
  /** The same as `top`, as indices into the list. */
  topIndices(query: string, limit?: number): number[];
};

const SEP = "\u0001";
const LETTER = /\p{L}/u;

/** An alias as it is searched: an address or domain lower-cased, a phone number also as its digits, a name folded. */
function aliasText(alias: string): string {
  if (alias.includes("@")) return alias.trim().toLowerCase();
  if (/\d/.test(alias) && !LETTER.test(alias)) return alias.trim().toLowerCase() + SEP + alias.replace(/\D/g, "");
  return normaliseName(alias);
}

/**
 * What a query looks for: a number as typed ("12-3456789", "(312) 555-0190") by its digits; otherwise the name folded,
 * and the text lower-cased as typed, which finds an address or domain ("direct.lakeside") that folding would mangle.
 */
function needlesOf(query: string): string[] {
  const text = query.trim();
  if (/^[\d\s().+-]+$/.test(text) && /\d/.test(text)) return [text.replace(/\D/g, "")];
  const lower = text.toLowerCase();
  if (text.includes("@")) return [lower];
  const name = normaliseName(text);
  if (!name) return [];
  return name === lower ? [name] : [name, lower];
}

export function buildParticipantSearch(participants: readonly Participant[]): ParticipantSearch {
  const haystack = participants.map(
    (p) =>
      `${SEP}${normaliseName(p.name)}${SEP}${p.tin ?? ""}${SEP}${p.npi ?? ""}${(p.aliases ?? []).map((a) => SEP + aliasText(a)).join("")}`,
  );
  /** Whether row i holds one of the needles: true at the start of a field, false inside one, undefined not at all. */
  const hit = (i: number, needles: readonly string[]): boolean | undefined => {
    for (const needle of needles) {
      const at = haystack[i]!.indexOf(needle);
      if (at !== -1) return haystack[i]![at - 1] === SEP;
    }
    return undefined;
  };
  /** Calls `each` for every hit of the query (stopping when it returns false); the query's parts when the whole finds none. */
  const find = (query: string, each: (i: number, prefix: boolean) => boolean | undefined) => {
    // A part as short as "Dr" or "MD" would find any name that holds those letters: parts count from three.
    const parts = query.includes("@") ? [] : nameParts(query);
    const partNeedles =
      parts.length > 1
        ? parts
            .map((part) => normaliseName(part))
            .filter((n) => n.length >= 3)
            .map((n) => [n])
        : [];
    for (const needles of [needlesOf(query), ...partNeedles]) {
      if (needles.length === 0) continue;
      let found = false;
      for (let i = 0; i < haystack.length; i++) {
        const prefix = hit(i, needles);
        if (prefix === undefined) continue;
        found = true;
        if (each(i, prefix) === false) return;
      }
      if (found) return;
    }
  };
  return {
    all(query) {
      if (!query.trim()) return participants.map((_, i) => i);
      const out: number[] = [];
      find(query, (i) => void out.push(i));
      return out;
    },
    top(query, limit = 8) {
      return this.topIndices(query, limit).map((i) => participants[i]!);
    },
    topIndices(query, limit = 8) {
      if (!query.trim()) return [];
      const prefix: number[] = [];
      const inner: number[] = [];
      find(query, (i, isPrefix) => {
        if (isPrefix) prefix.push(i);
        else if (inner.length < limit) inner.push(i);
        return prefix.length < limit;
      });
      return [...prefix, ...inner].slice(0, limit);
    },
  };
}

/** Every participant of every ACO in the profile, for the recipient suggestions. */
export function profileParticipants(profile: Pick<OrgProfile, "acos">): Participant[] {
  return profile.acos.flatMap((aco) => aco.participants);
}
