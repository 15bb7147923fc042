/**
 * Participant edits as updates of the latest ACO lists (see settings-writer.ts): each finds the participant by
 * what it was when the user chose it, not by a row number that another write may have moved.
 */
import type { Aco, Participant } from "../core/schema.ts";
import { deepEqual } from "../settings/merge.ts";
import type { Settings } from "../settings/schema.ts";

/** A settings update that changes only the ACO lists. */
export const withAcos =
  (update: (latest: Aco[]) => Aco[]) =>
  (latest: Settings): Settings => ({ ...latest, profile: { ...latest.profile, acos: update(latest.profile.acos) } });

/** The ACO lists with `before` (in ACO `acoId`, near `hint`) replaced by `after`, or removed when `after` is undefined. Unchanged lists when it is gone. */
export function replaceParticipant(
  acos: readonly Aco[],
  acoId: string,
  before: Participant,
  after: Participant | undefined,
  hint = -1,
): Aco[] {
  return acos.map((aco) => {
    if (aco.id !== acoId) return aco;
    const at = deepEqual(aco.participants[hint], before) ? hint : aco.participants.findIndex((p) => deepEqual(p, before));
    if (at === -1) return aco;
    const participants = aco.participants.slice();
    if (after) participants[at] = after;
    else participants.splice(at, 1);
    return { ...aco, participants };
  });
}

export function addParticipant(acos: readonly Aco[], acoId: string, participant: Participant): Aco[] {
  return acos.map((aco) => (aco.id === acoId ? { ...aco, participants: [...aco.participants, participant] } : aco));
}
