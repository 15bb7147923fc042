/**
 * Authorization on file, authorization.on-file (gate f). It satisfies every HIPAA purpose rule (which keeps its own
 * reason), but not Part 2; its effects on restrictions, psychotherapy notes, business associates,
 * state consent rules and minimum necessary live in those families.
 */
import type { Facts } from "../facts.ts";
import { type Finding, type Hit, type Rule, fire, finding } from "../rule.ts";

export const AUTHORIZATION_RULES = {
  onFile: {
    id: "authorization.on-file",
    outcomes: ["allowed"],
    citations: ["45 CFR 164.508(a)(1)", "45 CFR 164.502(a)(1)(iv)"],
    text: "The patient's signed authorization on file covers this disclosure; share what it describes.",
    headline: "the patient's authorization on file covers this disclosure.",
  },
} as const satisfies Record<string, Rule>;

/** A purpose rule's hit once an authorization is on file: `allowed`, its conditions met by the authorization. */
export function satisfiedByAuthorization(hit: Hit): Hit {
  if (hit.outcome === "allowed") return hit;
  return {
    ...hit,
    outcome: "allowed",
    text: `${hit.text} This is satisfied by the authorization on file.`,
    // The rule's own headline states the requirement ("marketing needs ... authorization"), which
    // would read as a contradiction after "Allowed:"; the authorization is what decides.
    headline: AUTHORIZATION_RULES.onFile.headline,
    conditions: [],
  };
}

export function authorization(f: Facts): Finding {
  return f.authorization ? finding([fire(AUTHORIZATION_RULES.onFile, "allowed")]) : finding();
}
