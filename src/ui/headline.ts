/**
 * The verdict's headline as the UI shows it. The core writes one sentence that starts with the outcome
 * ("Allowed: sharing with …", "Needs review (your organisation's policy): …") so it stands alone in a
 * log or a CDS card; beside the outcome label that start would read "Allowed / Allowed: …", so the UI
 * drops it and shows the policy origin as a tag instead.
 */
import { OUTCOME_LABELS } from "../core/labels.ts";
import type { Verdict } from "../core/schema.ts";

export type ShownHeadline = {
  /** The sentence without its outcome lead, starting with a capital. */
  text: string;
  /** The core led it with "(your organisation's policy)": the outcome comes from policy, not law. */
  policy: boolean;
};

const POLICY_LEAD = " (your organisation's policy)";

export function shownHeadline(verdict: Pick<Verdict, "outcome" | "headline">): ShownHeadline {
  const label = OUTCOME_LABELS[verdict.outcome];
  for (const [lead, policy] of [
    [`${label}${POLICY_LEAD}: `, true],
    [`${label}: `, false],
  ] as const) {
    if (verdict.headline.startsWith(lead)) {
      const rest = verdict.headline.slice(lead.length).trim();
      if (rest) return { text: rest.charAt(0).toUpperCase() + rest.slice(1), policy };
    }
  }
  return { text: verdict.headline, policy: false };
}
