/**
 * Search over participant lists by name, TIN, NPI or alias (another name, a Direct address or domain, a fax). The lower-cased text of every participant is
 * built once, so each keystroke is one pass of `indexOf` over plain strings, fast enough for 50,000 rows.
 */
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

function terms(query: string): { text: string; digits: string } {
  const text = query.trim().toLowerCase();
  // A number as typed ("12-3456789", "(312) 555-0190") is looked up by its digits.
  const digits = /^[\d\s().+-]+$/.test(text) && /\d/.test(text) ? text.replace(/\D/g, "") : "";
  return { text, digits };
}

export function buildParticipantSearch(participants: readonly Participant[]): ParticipantSearch {
  const haystack = participants.map((p) => {
    const aliases = p.aliases ?? [];
    // A fax alias is also kept as its digits, so "312-555-0190" and "3125550190" both find it.
    const alias = (a: string) => SEP + a.toLowerCase() + (/\d/.test(a) && !/[a-z@]/i.test(a) ? SEP + a.replace(/\D/g, "") : "");
    return `${SEP}${p.name.toLowerCase()}${SEP}${p.tin ?? ""}${SEP}${p.npi ?? ""}${aliases.map(alias).join("")}`;
  });
  const find = (query: string, each: (i: number, prefix: boolean) => boolean | void) => {
    const { text, digits } = terms(query);
    const needle = digits || text;
    for (let i = 0; i < haystack.length; i++) {
      const at = haystack[i]!.indexOf(needle);
      if (at !== -1 && each(i, haystack[i]![at - 1] === SEP) === false) return;
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
