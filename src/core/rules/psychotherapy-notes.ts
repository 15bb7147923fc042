/** Psychotherapy notes, psychotherapy-notes.authorization (gate c): 45 CFR 164.508(a)(2). No emergency exception. */
import { type Facts, hasKind } from "../facts.ts";
import { type Finding, type Rule, fire, finding } from "../rule.ts";

export const PSYCHOTHERAPY_SEPARATE_AUTHORIZATION_CONDITION =
  "The authorization on file is a separate authorization for the psychotherapy notes, not combined with an authorization for anything else (it may be combined only with another psychotherapy-notes authorization); a general release of records does not cover them.";
export const SERIOUS_THREAT_CAUTION =
  "If disclosure is needed to prevent a serious and imminent threat to someone's health or safety, ask your privacy officer (45 CFR 164.512(j)(1)(i)).";

export const PSYCHOTHERAPY_RULES = {
  authorization: {
    id: "psychotherapy-notes.authorization",
    outcomes: ["authorization-required", "needs-review", "allowed-with-conditions"],
    citations: ["45 CFR 164.508(a)(2)"],
    text: "Psychotherapy notes need the patient's written authorization, even for another treating clinician. The rest of the mental health record can be shared for treatment.",
    headline: "psychotherapy notes need the patient's written authorization, even for another treating clinician.",
  },
} as const satisfies Record<string, Rule>;

const RULE = PSYCHOTHERAPY_RULES.authorization;

export function psychotherapyNotes(f: Facts): Finding {
  if (!hasKind(f, "psychotherapy-notes")) return finding();
  if (f.authorization) {
    return finding([
      fire(RULE, "allowed-with-conditions", {
        citations: [...RULE.citations, "45 CFR 164.508(b)(3)(ii)"],
        text: "Psychotherapy notes may go under the patient's authorization only if it is a separate one for the notes.",
        headline: "psychotherapy notes may go only under a separate authorization for the notes.",
        conditions: [PSYCHOTHERAPY_SEPARATE_AUTHORIZATION_CONDITION],
      }),
    ]);
  }
  const op = f.otherPurpose;
  if (op === "public-health" || op === "law-enforcement" || op === "judicial") {
    return finding([
      fire(RULE, "needs-review", {
        citations: op === "judicial" ? [...RULE.citations, "45 CFR 164.508(a)(2)(i)(C)"] : RULE.citations,
        text: "Psychotherapy notes need the patient's written authorization except in a few listed cases (required by law, oversight of the notes' author, a coroner, a serious and imminent threat, or your organisation defending itself in a legal action the patient brought); check whether this request is one of them.",
        headline: "psychotherapy notes go without the patient's authorization only in a few listed cases; check whether this is one.",
      }),
    ]);
  }
  if (op === "patient-directed") {
    return finding([
      fire(RULE, "needs-review", {
        citations: [...RULE.citations, "45 CFR 164.524(a)(1)(i)"],
        text: "Psychotherapy notes are outside the patient's right of access; whether to release them to or for the patient is a decision for your privacy officer and the notes' author.",
        headline: "psychotherapy notes are outside the patient's right of access.",
      }),
    ]);
  }
  return finding([fire(RULE, "authorization-required", { cautions: [SERIOUS_THREAT_CAUTION] })]);
}
