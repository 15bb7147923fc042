/**
 * Search over participant lists by name, TIN or NPI. The lower-cased text of every participant is
 * built once, so each keystroke is one pass of `indexOf` over plain strings, fast enough for 50,000 rows.
 */
import type { OrgProfile, Participant } from "../core/schema.ts";

export type ParticipantSearch = {
  /** Indices of every participant matching the query, in list order (all of them for an empty query). */
  all(query: string): number[];
  /** Up to `limit` participants, those whose name or identifier starts with the query first. */
  top(query: string, limit?: number): Participant[];
};

const SEP = "\u0001";

function terms(query: string): { text: string; digits: string } {
  const text = query.trim().toLowerCase();
  const digits = /^[\d\s-]+$/.test(text) ? text.replace(/[\s-]/g, "") : "";
  return { text, digits };
}

export function buildParticipantSearch(participants: readonly Participant[]): ParticipantSearch {
  const haystack = participants.map((p) => `${SEP}${p.name.toLowerCase()}${SEP}${p.tin ?? ""}${SEP}${p.npi ?? ""}`);
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
      if (!query.trim()) return [];
      const prefix: Participant[] = [];
      const inner: Participant[] = [];
      find(query, (i, isPrefix) => {
        if (isPrefix) prefix.push(participants[i]!);
        else if (inner.length < limit) inner.push(participants[i]!);
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
