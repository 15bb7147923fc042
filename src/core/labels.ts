/** Words the UI shows for each outcome. */
import type { Outcome } from "./schema.ts";

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  allowed: "Allowed",
  "allowed-with-conditions": "Allowed with conditions",
  "authorization-required": "Authorization required",
  "not-allowed": "Not allowed",
  "needs-review": "Needs review",
};
