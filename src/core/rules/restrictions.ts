/** Restrictions, restriction.* (gates a, b): 45 CFR 164.522(a). */
import { type Facts, isTpo } from "../facts.ts";
import { type Finding, type Rule, fire, finding } from "../rule.ts";

export const SELF_PAY_CAUTION = "Unless another law requires the disclosure.";
export const RESTRICTION_NOT_BINDING_CAUTION =
  "The patient's restriction does not apply to this kind of disclosure (45 CFR 164.522(a)(1)(v)).";
export const EMERGENCY_RESTRICTION_CONDITION = "Ask the receiving provider not to use or disclose the restricted information further.";

/** Text when an authorization on file meets a restriction (authorization.on-file): the patient's instructions conflict. */
const CONFLICT_TEXT =
  "The patient asked for a restriction that covers this disclosure but also signed an authorization for it; confirm the patient's current wishes before sending.";
const CONFLICT_HEADLINE = "the patient's restriction and authorization on file conflict; confirm the patient's current wishes.";

export const RESTRICTION_RULES = {
  selfPay: {
    id: "restriction.self-pay",
    outcomes: ["not-allowed", "needs-review"],
    citations: ["45 CFR 164.522(a)(1)(vi)"],
    text: "The patient paid for this in full and asked that it not go to their health plan; you must not send it to the plan.",
    headline: "the patient paid in full and asked that this not go to their health plan.",
  },
  selfPayIntermediary: {
    id: "restriction.self-pay-intermediary",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.522(a)(1)(vi)"],
    text: "The patient paid for this item in full and asked that it not reach their health plan; if this goes on to the plan, make sure the item is left out.",
    headline: "the patient paid in full for an item that must not reach their health plan through this intermediary.",
  },
  agreed: {
    id: "restriction.agreed",
    outcomes: ["not-allowed", "needs-review"],
    citations: ["45 CFR 164.522(a)(1)(iii)"],
    text: "Your organisation agreed to the patient's request not to share this; you must honour it.",
    headline: "your organisation agreed to the patient's restriction on sharing this.",
  },
  emergencyTreatment: {
    id: "restriction.emergency-treatment",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.522(a)(1)(iii)", "45 CFR 164.522(a)(1)(iv)"],
    text: "The patient's agreed restriction gives way for emergency treatment by a health care provider; ask the provider not to pass the restricted information on.",
    headline: "the agreed restriction gives way for emergency treatment by a provider.",
  },
} as const satisfies Record<string, Rule>;

/** 164.512 purposes: a restriction does not bind them (164.522(a)(1)(v)). */
const NOT_BOUND = new Set(["research", "public-health", "law-enforcement", "judicial"]);

export function restrictions(f: Facts): Finding {
  const out = finding();
  const payOrOps = f.purpose === "payment" || f.purpose === "operations";
  const type = f.recipient.type;

  // Gate a: the self-pay restriction. Payment and operations only, so no emergency exception.
  if (f.selfPayRestriction && payOrOps && f.discloser !== "health-plan") {
    if (type === "health-plan") {
      out.hits.push(
        f.authorization
          ? fire(RESTRICTION_RULES.selfPay, "needs-review", {
              text: CONFLICT_TEXT,
              headline: CONFLICT_HEADLINE,
              cautions: [SELF_PAY_CAUTION],
            })
          : fire(RESTRICTION_RULES.selfPay, "not-allowed", { cautions: [SELF_PAY_CAUTION] }),
      );
    } else if (type === "clearinghouse" || type === "business-associate") {
      out.hits.push(fire(RESTRICTION_RULES.selfPayIntermediary, "needs-review", { cautions: [SELF_PAY_CAUTION] }));
    }
  }

  // Gate b: an agreed restriction.
  if (f.agreedRestriction) {
    if (f.otherPurpose !== undefined && NOT_BOUND.has(f.otherPurpose)) {
      out.cautions.push(RESTRICTION_NOT_BINDING_CAUTION);
    } else if ((isTpo(f) || f.statedOtherPurpose === "family-involvement") && type !== "patient") {
      // forProviderTreatment false says this is no treatment disclosure (contract), so no emergency treatment either.
      if (f.emergency && f.purpose === "treatment" && type === "provider" && f.forProviderTreatment !== false) {
        out.hits.push(
          fire(RESTRICTION_RULES.emergencyTreatment, "allowed-with-conditions", { conditions: [EMERGENCY_RESTRICTION_CONDITION] }),
        );
      } else if (f.authorization) {
        out.hits.push(fire(RESTRICTION_RULES.agreed, "needs-review", { text: CONFLICT_TEXT, headline: CONFLICT_HEADLINE }));
      } else {
        out.hits.push(fire(RESTRICTION_RULES.agreed, "not-allowed"));
      }
    }
  }
  return out;
}
