/**
 * Recipient suggestions across every ACO of the profile: each suggestion is one participant name with
 * every ACO (and program) that lists it, so a name in several ACOs shows each of them and two rows of the
 * same name never look like two different recipients. Names are grouped as written (case and spacing
 * aside): "Riverside Medical Group PC" and "Riverside Medical Group LLC" are different legal entities and
 * stay two suggestions.
 */
import { z } from "zod";
import { AcoProgram, Participant, type OrgProfile } from "../core/schema.ts";
import { buildParticipantSearch } from "./participant-search.ts";

export const SuggestedAco = z.object({ acoId: z.string(), acoName: z.string(), program: AcoProgram.optional() });
export type SuggestedAco = z.infer<typeof SuggestedAco>;

/** A participant to suggest. `tin`/`npi` only when every row of the name agrees on them. */
export const Suggestion = Participant.extend({ acos: z.array(SuggestedAco).optional() });
export type Suggestion = z.infer<typeof Suggestion>;

export type SuggestRecipients = (query: string, limit?: number) => Suggestion[];

const built = new WeakMap<object, SuggestRecipients>();

/** The suggestions of a profile, built once per `acos` array (lists are replaced, never changed in place). */
export function recipientSuggestionsOf(profile: Pick<OrgProfile, "acos">): SuggestRecipients {
  let suggest = built.get(profile.acos);
  if (!suggest) {
    suggest = buildRecipientSuggestions(profile);
    built.set(profile.acos, suggest);
  }
  return suggest;
}

const groupKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export function buildRecipientSuggestions(profile: Pick<OrgProfile, "acos">): SuggestRecipients {
  const rows: Participant[] = [];
  const rowAco: SuggestedAco[] = [];
  for (const aco of profile.acos) {
    const where: SuggestedAco = { acoId: aco.id, acoName: aco.name, ...(aco.program ? { program: aco.program } : {}) };
    for (const p of aco.participants) {
      rows.push(p);
      rowAco.push(where);
    }
  }
  const search = buildParticipantSearch(rows);
  const byName = new Map<string, number[]>();
  rows.forEach((p, i) => {
    const k = groupKey(p.name);
    const list = byName.get(k);
    if (list) list.push(i);
    else byName.set(k, [i]);
  });
  const sameName = (name: string): number[] => byName.get(groupKey(name)) ?? [];

  return (query, limit = 8) => {
    const out: Suggestion[] = [];
    const seen = new Set<string>();
    // Several hits can be one name; ask for more so the list still fills up.
    for (const i of search.topIndices(query, limit * 4)) {
      const k = groupKey(rows[i]!.name);
      if (seen.has(k)) continue;
      seen.add(k);
      const group = sameName(rows[i]!.name);
      const acos: SuggestedAco[] = [];
      for (const j of group) if (!acos.some((a) => a.acoId === rowAco[j]!.acoId)) acos.push(rowAco[j]!);
      const agreed = (field: "tin" | "npi") => {
        const values = new Set(group.map((j) => rows[j]![field]));
        return values.size === 1 ? [...values][0] : undefined;
      };
      const tin = agreed("tin");
      const npi = agreed("npi");
      out.push({ name: rows[i]!.name, ...(tin ? { tin } : {}), ...(npi ? { npi } : {}), acos });
      if (out.length === limit) break;
    }
    return out;
  };
}
