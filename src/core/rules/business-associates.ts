/** Business associates, business-associate.* and discloser.*: 45 CFR 164.502(e)(1), 164.504(e), and disclosers acting as one. */
import type { Facts } from "../facts.ts";
import { type Finding, type Rule, fire, finding } from "../rule.ts";
import { BAA_UNKNOWN_CONDITION } from "./purpose/operations.ts";

export const DISCLOSER_AGREEMENT_CONDITION = "Only if your business associate agreement permits this disclosure.";

export const BUSINESS_ASSOCIATE_RULES = {
  noAgreement: {
    id: "business-associate.no-agreement",
    outcomes: ["not-allowed"],
    citations: ["45 CFR 164.502(e)(1)", "45 CFR 164.504(e)"],
    text: "Put a business associate agreement in place before sending PHI to this vendor.",
    headline: "there is no business associate agreement with this vendor.",
  },
  agreement: {
    id: "business-associate.agreement",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.502(e)(1)", "45 CFR 164.504(e)"],
    text: "A business associate agreement is in place, so this vendor may handle the information on your behalf as the agreement allows.",
    headline: "your business associate may handle this on your behalf under its agreement.",
  },
  discloserBusinessAssociate: {
    id: "discloser.business-associate",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.502(a)(3)", "45 CFR 164.504(e)(2)"],
    text: "As a business associate you may disclose this only as your business associate agreement with the covered entity permits.",
    headline: "as a business associate you may share this only as your agreement permits.",
  },
  discloserClearinghouse: {
    id: "discloser.clearinghouse",
    outcomes: ["allowed-with-conditions"],
    // The reference: "the same, with citation 45 CFR 164.500(b)(1) ... and the same condition". A clearinghouse
    // acting for another covered entity is its business associate (164.500(b)(1)), so the business associate
    // citations hold for it too: its own is added to them, not put in their place.
    citations: ["45 CFR 164.500(b)(1)", "45 CFR 164.502(a)(3)", "45 CFR 164.504(e)(2)"],
    text: "As a clearinghouse acting for another covered entity you may disclose this only as your business associate agreement with it permits.",
    headline: "as a clearinghouse you may share this only as your business associate agreement permits.",
  },
} as const satisfies Record<string, Rule>;

export function businessAssociates(f: Facts): Finding {
  const out = finding();
  const type = f.recipient.type;
  const flag = f.recipient.businessAssociateAgreement;
  // A copy the patient directs, or one under the patient's authorization, is sent for the patient,
  // not on your behalf: the agreement rules do not apply to it.
  const onYourBehalf = f.otherPurpose !== "patient-directed" && !f.authorization;
  if (type === "business-associate" || type === "clearinghouse") {
    if (flag === false && onYourBehalf) out.hits.push(fire(BUSINESS_ASSOCIATE_RULES.noAgreement, "not-allowed"));
    else if (flag === undefined && onYourBehalf) out.conditionsIfPermitted = [BAA_UNKNOWN_CONDITION];
    // business-associate.agreement gives allowed-with-conditions, and authorization.on-file lifts only the purpose rule, the
    // no-agreement rule and its flag-absent condition: under an authorization it stays as it is.
    else if (flag === true && f.purpose === "payment") out.hits.push(fire(BUSINESS_ASSOCIATE_RULES.agreement, "allowed-with-conditions"));
  }
  if (f.discloser === "business-associate") {
    out.hits.push(
      fire(BUSINESS_ASSOCIATE_RULES.discloserBusinessAssociate, "allowed-with-conditions", { conditions: [DISCLOSER_AGREEMENT_CONDITION] }),
    );
  } else if (f.discloser === "clearinghouse") {
    out.hits.push(
      fire(BUSINESS_ASSOCIATE_RULES.discloserClearinghouse, "allowed-with-conditions", { conditions: [DISCLOSER_AGREEMENT_CONDITION] }),
    );
  }
  return out;
}
