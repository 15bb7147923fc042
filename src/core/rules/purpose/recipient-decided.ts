/**
 * Recipients decided by who they are (individual.disclosure, family.involvement, employer.*), before the purpose rules: the patient, someone
 * involved in the patient's care, an employer.
 */
import type { Facts } from "../../facts.ts";
import { type Hit, type Rule, fire } from "../../rule.ts";

export const EMPLOYER_CAUTION =
  "Workplace medical surveillance (45 CFR 164.512(b)(1)(v)) and workers' compensation (45 CFR 164.512(l)) may permit narrow disclosures to an employer; ask your privacy officer.";

export const RECIPIENT_DECIDED_RULES = {
  individualDisclosure: {
    id: "individual.disclosure",
    outcomes: ["allowed"],
    citations: ["45 CFR 164.502(a)(1)(i)"],
    text: "Giving patients their own health information is allowed.",
    headline: "giving the patient their own health information needs no authorization.",
  },
  familyInvolvement: {
    id: "family.involvement",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.510(b)"],
    text: "You may share what is relevant with someone involved in the patient's care if the patient agrees or does not object, or in your judgement when they cannot; check first.",
    headline: "share with someone involved in the patient's care only if the patient agrees or does not object; check first.",
  },
  employerAuthorization: {
    id: "employer.authorization",
    outcomes: ["authorization-required"],
    citations: ["45 CFR 164.508(a)(1)"],
    text: "A provider cannot give an employer a patient's health information without the patient's authorization.",
    headline: "an employer gets a patient's health information only with the patient's authorization.",
  },
  employerPlanSponsor: {
    id: "employer.plan-sponsor",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.504(f)"],
    text: "A group health plan may give the employer that sponsors it health information only as the amended plan documents allow; check with your privacy officer.",
    headline: "a group health plan may give its sponsoring employer only what the amended plan documents allow.",
  },
} as const satisfies Record<string, Rule>;

export function individualDisclosure(): Hit {
  return fire(RECIPIENT_DECIDED_RULES.individualDisclosure, "allowed");
}

export function familyInvolvement(): Hit {
  return fire(RECIPIENT_DECIDED_RULES.familyInvolvement, "needs-review");
}

export function employer(f: Facts): Hit {
  return f.discloser === "health-plan"
    ? fire(RECIPIENT_DECIDED_RULES.employerPlanSponsor, "needs-review", { cautions: [EMPLOYER_CAUTION] })
    : fire(RECIPIENT_DECIDED_RULES.employerAuthorization, "authorization-required", { cautions: [EMPLOYER_CAUTION] });
}
