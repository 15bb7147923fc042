/** The strictness order (rules/README.md, Precedence), used by every rule and by the assembly. */
import type { Outcome } from "./schema.ts";

/** Every verdict outcome (schema.ts builds its zod enum from this; the content script reads it without zod). */
export const OUTCOMES = ["allowed", "allowed-with-conditions", "authorization-required", "not-allowed", "needs-review"] as const;

export const OUTCOME_RANK: Readonly<Record<Outcome, number>> = {
  allowed: 1,
  "allowed-with-conditions": 2,
  "needs-review": 3,
  "authorization-required": 4,
  "not-allowed": 5,
};

/** The stricter of two outcomes. */
export function stricter(a: Outcome, b: Outcome): Outcome {
  return OUTCOME_RANK[a] >= OUTCOME_RANK[b] ? a : b;
}

/** Whether the outcome lets the disclosure go (possibly on conditions). */
export function isPermitted(outcome: Outcome): boolean {
  return outcome === "allowed" || outcome === "allowed-with-conditions";
}
