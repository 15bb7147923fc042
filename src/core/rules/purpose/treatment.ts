/** Treatment, treatment.*: 45 CFR 164.506(c)(2) and the seed FAQ ("regardless of to whom"). */
import type { Facts } from "../../facts.ts";
import { type Hit, type Rule, fire } from "../../rule.ts";

export const CONSENT_OPTIONAL_CAUTION =
  "HIPAA does not require patient consent for treatment; your organisation may still choose to ask (45 CFR 164.506(b)).";
export const FOR_PROVIDER_TREATMENT_UNKNOWN_CONDITION = "Only if this serves a health care provider's treatment of this patient.";
export const ON_BEHALF_BAA_CONDITION =
  "If this organisation does this work on your behalf (care management, analytics or quality work as a service), a business associate agreement must be in place.";
export const ACO_FEED_CAUTION =
  "A feed of many patients' records is health care operations, not treatment: it needs a business associate agreement or an OHCA.";

export const TREATMENT_RULES = {
  provider: {
    id: "treatment.provider",
    outcomes: ["allowed"],
    citations: ["45 CFR 164.506(c)(2)", "45 CFR 164.501"],
    text: "Sharing with another clinician or facility to treat this patient is allowed without the patient's authorization.",
    headline: "sharing with another provider for this patient's treatment needs no authorization.",
  },
  anyRecipient: {
    id: "treatment.any-recipient",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.506(c)(2)", "45 CFR 164.501"],
    text: "Sharing with this organisation to coordinate the patient's care is allowed; send only what it needs.",
    headline: "sharing with this organisation to coordinate the patient's treatment is allowed; send only what it needs.",
  },
  notForProvider: {
    id: "treatment.not-for-provider",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.506(c)(2)"],
    text: "This is not a treatment disclosure; it needs another permission or the patient's authorization.",
    headline: "this serves no provider's treatment of the patient, so the treatment permission does not apply.",
  },
} as const satisfies Record<string, Rule>;

export function treatment(f: Facts): Hit {
  const type = f.recipient.type;
  // The caller says this serves no provider's treatment: not a treatment disclosure, to anyone.
  if (f.forProviderTreatment === false) return fire(TREATMENT_RULES.notForProvider, "needs-review");
  if (type === "provider") return fire(TREATMENT_RULES.provider, "allowed", { cautions: [CONSENT_OPTIONAL_CAUTION] });

  const conditions: string[] = [];
  const cautions = [CONSENT_OPTIONAL_CAUTION];
  if (f.forProviderTreatment === undefined) conditions.push(FOR_PROVIDER_TREATMENT_UNKNOWN_CONDITION);
  // The provider carve-out of 160.103 reaches only providers: BA recipients are left to business-associate.*.
  if ((type === "aco" || type === "care-coordinator") && f.recipient.businessAssociateAgreement !== true) {
    conditions.push(ON_BEHALF_BAA_CONDITION);
  }
  if (type === "aco") cautions.push(ACO_FEED_CAUTION);
  return fire(TREATMENT_RULES.anyRecipient, "allowed-with-conditions", { conditions, cautions });
}
