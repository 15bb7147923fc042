/**
 * The fail-safe verdict the UI shows when anything goes wrong (a timeout, a bad message, an
 * exception): never a false "allowed". It is not an evaluate() result, so it cites nothing.
 */
import type { Verdict } from "./schema.ts";

export const COULD_NOT_DECIDE_HEADLINE = "Could not decide — check with your privacy officer.";

export function couldNotDecide(detail?: string): Verdict {
  const base =
    "ShareCheck could not evaluate this disclosure, so it cannot say whether federal law permits it. Do not rely on ShareCheck for it; ask your privacy officer before sharing.";
  return {
    outcome: "needs-review",
    headline: COULD_NOT_DECIDE_HEADLINE,
    reasons: [
      {
        rule: "system.could-not-decide",
        text: detail ? `${base} (${detail})` : base,
        citations: [],
        source: "law",
      },
    ],
    conditions: [],
    cautions: [],
    minimumNecessary: "applies",
    citations: [],
  };
}
