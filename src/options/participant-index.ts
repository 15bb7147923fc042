/**
 * Every participant of every ACO as one list, searchable across ACOs ("which ACOs is X in?"). Names and aliases are
 * folded with the matcher's own name normalisation (case, accents, "&" and "and", punctuation, legal forms), so a
 * search finds what a verdict would match; digits typed alone search TINs, NPIs and fax aliases. Each participant's
 * text is built once, so a keystroke is one pass of indexOf over plain strings, quick at 50,000 participants.
 */
import { normaliseName } from "../core/index.ts";
import type { Aco, Participant } from "../core/schema.ts";

/** Where a participant is: its ACO's index in the profile and its index in that ACO's list. */
export type ParticipantRef = { aco: number; index: number };
export type ParticipantRow = ParticipantRef & { acoId: string; acoName: string; participant: Participant };

export type ParticipantIndex = {
  rows: readonly ParticipantRow[];
  /** Row numbers of every participant matching the query, in profile order (all of them for an empty query). */
  search(query: string): number[];
};

const SEP = "\u0001";

export function buildParticipantIndex(acos: readonly Aco[]): ParticipantIndex {
  const rows: ParticipantRow[] = [];
  const text: string[] = [];
  const digits: string[] = [];
  for (const [a, aco] of acos.entries()) {
    for (const [index, participant] of aco.participants.entries()) {
      rows.push({ aco: a, index, acoId: aco.id, acoName: aco.name, participant });
      const aliases = participant.aliases ?? [];
      text.push(SEP + [participant.name, ...aliases].map((n) => (n.includes("@") ? n.toLowerCase() : normaliseName(n))).join(SEP));
      digits.push(
        SEP +
          [participant.tin ?? "", participant.npi ?? "", ...aliases.filter((x) => !/\p{L}/u.test(x)).map((x) => x.replace(/\D/g, ""))].join(
            SEP,
          ),
      );
    }
  }
  return {
    rows,
    search(query) {
      const q = query.trim();
      if (!q) return rows.map((_, i) => i);
      const numeric = /^[\d\s().+-]+$/.test(q);
      const needle = numeric ? q.replace(/\D/g, "") : q.includes("@") ? q.toLowerCase() : normaliseName(q);
      if (!needle) return [];
      const hay = numeric ? digits : text;
      const out: number[] = [];
      for (let i = 0; i < hay.length; i++) if (hay[i]!.includes(needle)) out.push(i);
      return out;
    },
  };
}
