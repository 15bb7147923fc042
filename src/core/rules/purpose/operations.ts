/** Health care operations, operations.*: 45 CFR 164.506(c)(1), (c)(4), (c)(5). The first rule that permits wins. */
import type { Facts } from "../../facts.ts";
import type { OperationsActivity } from "../../schema.ts";
import { type Hit, type Rule, fire } from "../../rule.ts";

export const OWN_RELATIONSHIP_CONDITION = "Share only information about the recipient's own relationship with the patient.";
export const RELATIONSHIP_UNKNOWN_CONDITION = "Only if the recipient has or had a relationship with the patient.";
export const COVERED_ENTITY_CONDITION =
  "Only if the recipient is a HIPAA covered entity (a health plan, or a provider that bills electronically).";
export const BAA_UNKNOWN_CONDITION = "Only with a business associate agreement in place.";

export const OPERATIONS_RULES = {
  ohca: {
    id: "operations.ohca",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.506(c)(5)", "45 CFR 160.103"],
    text: "You and this recipient take part in the same organized health care arrangement, so you may share for the arrangement's joint health care operations; send only what they need.",
    headline: "sharing within your organized health care arrangement for its joint operations is allowed; send only what it needs.",
  },
  otherCoveredEntity: {
    id: "operations.other-covered-entity",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.506(c)(4)"],
    text: "You may share with another covered entity for its quality, case management, training, credentialing or compliance work if both of you have a relationship with the patient; share only what concerns that relationship.",
    headline:
      "sharing with another covered entity for its quality or care-management work is allowed if it has a relationship with the patient.",
  },
  businessAssociate: {
    id: "operations.business-associate",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.506(c)(1)", "45 CFR 164.502(e)(1)", "45 CFR 164.504(e)"],
    text: "This organisation does operations work on your behalf, which is allowed under a business associate agreement; send only what the work needs.",
    headline: "sharing with your business associate for your own operations is allowed under a business associate agreement.",
  },
  ohcaUnknown: {
    id: "operations.ohca-unknown",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.506(c)(4)", "45 CFR 164.506(c)(5)", "45 CFR 160.103"],
    text: "Permitted only if your ACO is an organized health care arrangement for this activity; check with your privacy officer.",
    headline: "this is permitted only if your ACO is an organized health care arrangement for this activity.",
  },
  noRelationship: {
    id: "operations.no-relationship",
    outcomes: ["authorization-required"],
    citations: ["45 CFR 164.506(c)(4)", "45 CFR 164.508(a)(1)"],
    text: "Another covered entity may receive information for its operations only if it has or had a relationship with the patient; without one you need the patient's authorization.",
    headline: "the recipient has no relationship with the patient, so its operations need the patient's authorization.",
  },
  activityNotCovered: {
    id: "operations.activity-not-covered",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.506(c)(4)"],
    text: "Sharing for another covered entity's operations is allowed only for quality, care management, training, credentialing or fraud and abuse work; check whether this activity qualifies.",
    headline: "this operations activity is not one you may share for with another covered entity without checking.",
  },
  nonCoveredRecipient: {
    id: "operations.non-covered-recipient",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.506(c)(4)", "45 CFR 164.502(e)(1)"],
    text: "Confirm a business associate agreement or a joint arrangement (OHCA) first.",
    headline: "confirm a business associate agreement or a joint arrangement (OHCA) before sharing for operations.",
  },
} as const satisfies Record<string, Rule>;

/** Health care operations paragraphs (45 CFR 164.501) usable under 164.506(c)(4): operations.other-covered-entity. */
const C4_ACTIVITIES: ReadonlySet<OperationsActivity> = new Set([
  "quality-improvement",
  "population-care-coordination",
  "case-management",
  "credentialing-peer-review",
  "training",
  "fraud-abuse-compliance",
]);

/** The operations rule, or undefined when only business-associate.no-agreement decides. */
export function operations(f: Facts): Hit | undefined {
  const r = f.recipient;
  const c4 = f.activity !== undefined && C4_ACTIVITIES.has(f.activity);
  // An OHCA is made of covered entities: the flag is ignored for any other recipient.
  if (f.ceRecipient && r.inSameOhca === true) return fire(OPERATIONS_RULES.ohca, "allowed-with-conditions");
  if (f.ceRecipient && c4 && r.hasRelationshipWithPatient !== false) {
    const conditions = [OWN_RELATIONSHIP_CONDITION];
    if (r.hasRelationshipWithPatient === undefined) conditions.push(RELATIONSHIP_UNKNOWN_CONDITION);
    conditions.push(COVERED_ENTITY_CONDITION);
    return fire(OPERATIONS_RULES.otherCoveredEntity, "allowed-with-conditions", { conditions });
  }
  if (f.baRecipient && r.businessAssociateAgreement !== false) {
    return fire(OPERATIONS_RULES.businessAssociate, "allowed-with-conditions", {
      conditions: r.businessAssociateAgreement === undefined ? [BAA_UNKNOWN_CONDITION] : [],
    });
  }
  if (f.ceRecipient) {
    if (!c4) return fire(OPERATIONS_RULES.activityNotCovered, "needs-review");
    // Only hasRelationshipWithPatient === false reaches here.
    return r.inSameOhca === undefined && f.inside
      ? fire(OPERATIONS_RULES.ohcaUnknown, "needs-review")
      : fire(OPERATIONS_RULES.noRelationship, "authorization-required");
  }
  if (r.type === "business-associate" || r.type === "clearinghouse") return undefined;
  return fire(OPERATIONS_RULES.nonCoveredRecipient, "needs-review");
}
