/** Minimum necessary, minimum-necessary.* (45 CFR 164.502(b), 164.514(d)): from the request's facts only, never the outcome. */
import type { Facts } from "../facts.ts";
import { type Hit, type Rule, fire } from "../rule.ts";

export const MINIMUM_NECESSARY_CONDITION = "Send only the minimum necessary for the purpose.";

export const MINIMUM_NECESSARY_RULES = {
  authorizationExempt: {
    id: "minimum-necessary.authorization-exempt",
    outcomes: ["allowed"],
    citations: ["45 CFR 164.502(b)(2)(iii)"],
    text: "Minimum necessary does not apply to a disclosure under the patient's authorization; share what the authorization describes.",
    headline: "the patient's authorization decides what is shared.",
  },
  individualExempt: {
    id: "minimum-necessary.individual-exempt",
    outcomes: ["allowed"],
    citations: ["45 CFR 164.502(b)(2)(ii)"],
    text: "Minimum necessary does not apply to what goes to the patient or at the patient's direction.",
    headline: "minimum necessary does not limit what goes to the patient.",
  },
  treatmentExempt: {
    id: "minimum-necessary.treatment-exempt",
    outcomes: ["allowed"],
    citations: ["45 CFR 164.502(b)(2)(i)"],
    text: "Minimum necessary does not apply to a disclosure to a health care provider for treatment.",
    headline: "minimum necessary does not limit sharing with a provider for treatment.",
  },
  applies: {
    id: "minimum-necessary.applies",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.502(b)(1)", "45 CFR 164.514(d)"],
    text: "Share only the minimum information needed for the purpose.",
    headline: "send only the minimum necessary for the purpose.",
  },
} as const satisfies Record<string, Rule>;

export interface MinimumNecessary {
  applies: boolean;
  /** Contributes `allowed-with-conditions` when it applies: applying is itself a condition. */
  hit: Hit;
}

export function minimumNecessary(f: Facts): MinimumNecessary {
  const R = MINIMUM_NECESSARY_RULES;
  const type = f.recipient.type;
  if (f.authorization) return { applies: false, hit: fire(R.authorizationExempt, "allowed") };
  if ((type === "patient" && f.purpose !== "other") || f.otherPurpose === "patient-directed") {
    return { applies: false, hit: fire(R.individualExempt, "allowed") };
  }
  if (f.purpose === "treatment" && type === "provider" && f.forProviderTreatment !== false) {
    return { applies: false, hit: fire(R.treatmentExempt, "allowed") };
  }
  return { applies: true, hit: fire(R.applies, "allowed-with-conditions") };
}
