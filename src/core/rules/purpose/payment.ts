/** Payment, payment.*: 45 CFR 164.506(c)(1) (own payment) and (c)(3) (another entity's). */
import type { Facts } from "../../facts.ts";
import { type Hit, type Rule, fire } from "../../rule.ts";

export const PAYMENT_RULES = {
  own: {
    id: "payment.own",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.506(c)(1)", "45 CFR 164.501"],
    text: "Sharing what is needed to get paid for this patient's care (claims, eligibility, coverage) is allowed; send only what the payment needs.",
    headline: "sharing what is needed to get paid for this patient's care is allowed; send only what it needs.",
  },
  otherEntity: {
    id: "payment.other-entity",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.506(c)(3)", "45 CFR 164.501"],
    text: "Sharing what this recipient needs for its own payment for the patient's care is allowed; send only what it needs.",
    headline: "sharing what this recipient needs for its own payment is allowed; send only what it needs.",
  },
  unclearRecipient: {
    id: "payment.unclear-recipient",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.506(c)(3)"],
    text: "Payment disclosures go to health plans, providers and the vendors that bill for you; check why this recipient needs the information for payment.",
    headline: "it is unclear how this recipient takes part in payment for the patient's care.",
  },
} as const satisfies Record<string, Rule>;

export function payment(f: Facts): Hit {
  const type = f.recipient.type;
  if ((type === "health-plan" && f.discloser !== "health-plan") || type === "clearinghouse" || type === "business-associate") {
    return fire(PAYMENT_RULES.own, "allowed-with-conditions");
  }
  if (type === "provider" || (type === "health-plan" && f.discloser === "health-plan")) {
    return fire(PAYMENT_RULES.otherEntity, "allowed-with-conditions");
  }
  // aco, care-coordinator, social-services, other (family, employer and patient are decided before).
  return fire(PAYMENT_RULES.unclearRecipient, "needs-review");
}
