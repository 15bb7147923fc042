/** Other purposes (`purpose: "other"`; `otherPurpose` absent reads as "unspecified"). */
import type { Facts } from "../../facts.ts";
import { type Hit, type Rule, fire } from "../../rule.ts";
import { employer, familyInvolvement } from "./recipient-decided.ts";

export const MARKETING_CAUTION =
  "Face-to-face communications and promotional gifts of nominal value need no authorization; an authorization for marketing that involves payment to you must say so (45 CFR 164.508(a)(3)).";
export const SALE_CAUTION =
  "45 CFR 164.502(a)(5)(ii) lists exceptions to the ban on selling health information (public health, research, treatment and payment, the sale of the business, and others); ask your privacy officer if one may apply.";
export const RESEARCH_CAUTION =
  "Research may use health information under an IRB or privacy board waiver, as a limited data set with a data use agreement (45 CFR 164.514(e)), or with the patient's authorization.";
export const ACCOUNTING_CAUTION =
  "If you disclose, record it for the patient's accounting of disclosures (45 CFR 164.528) and verify the requester's identity and authority (45 CFR 164.514(h)).";
export const DIRECTED_COPY_CONDITIONS = [
  "The patient's request is in writing, signed, and names the recipient and where to send the copy.",
  "Only for an electronic copy of information you hold in an electronic health record. For paper or other records, you need a HIPAA authorization signed by the patient (45 CFR 164.508) instead (Ciox Health, LLC v. Azar, D.D.C. 2020).",
] as const;

export const OTHER_PURPOSE_RULES = {
  marketing: {
    id: "marketing.authorization",
    outcomes: ["authorization-required"],
    citations: ["45 CFR 164.508(a)(3)"],
    text: "Using or sharing health information for marketing needs the patient's written authorization.",
    headline: "marketing needs the patient's written authorization.",
  },
  sale: {
    id: "sale.authorization",
    outcomes: ["authorization-required"],
    citations: ["45 CFR 164.508(a)(4)"],
    text: "Selling health information needs the patient's written authorization.",
    headline: "selling health information needs the patient's written authorization.",
  },
  research: {
    id: "research.review",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.512(i)"],
    text: "Research disclosures are allowed only with an IRB or privacy board waiver, a limited data set, or the patient's authorization; check with your privacy officer.",
    headline: "research disclosures need a waiver, a limited data set or the patient's authorization; check first.",
  },
  publicHealth: {
    id: "public-health.review",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.512(b)"],
    text: "Disclosures to a public health authority are allowed within limits; check that this recipient and request qualify.",
    headline: "public health disclosures are allowed within limits; check that this one qualifies.",
  },
  lawEnforcement: {
    id: "law-enforcement.review",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.512(f)"],
    text: "Disclosures to law enforcement are allowed only in specific circumstances; check with your privacy officer.",
    headline: "disclosures to law enforcement are allowed only in specific circumstances; check first.",
  },
  judicial: {
    id: "judicial.review",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.512(e)"],
    text: "A court order, subpoena or discovery request permits disclosure only under specific conditions; check with your privacy officer.",
    headline: "a subpoena or court order permits disclosure only under specific conditions; check first.",
  },
  individualAccess: {
    id: "individual.access",
    outcomes: ["allowed"],
    citations: ["45 CFR 164.524"],
    text: "The patient has the right to see and get a copy of their health information.",
    headline: "the patient has the right to a copy of their own health information.",
  },
  directedThirdParty: {
    id: "individual.directed-third-party",
    outcomes: ["allowed-with-conditions"],
    citations: ["45 CFR 164.524(c)(3)(ii)", "https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/access/index.html"],
    text: "The patient may direct you to send an electronic copy of their electronic health record to someone they choose, in a signed written request.",
    headline: "the patient may direct an electronic copy of their record to this recipient in a signed written request.",
  },
  unspecified: {
    id: "other.unspecified",
    outcomes: ["needs-review"],
    citations: ["45 CFR 164.502(a)"],
    text: "Health information may be shared only as the Privacy Rule permits; this purpose is not one ShareCheck can check, so ask your privacy officer.",
    headline: "the purpose of this disclosure is not one ShareCheck can check.",
  },
} as const satisfies Record<string, Rule>;

function review164512(rule: Rule, f: Facts, extra: string[] = []): Hit {
  // A disclosure under an authorization is not a 164.512 disclosure: no accounting entry.
  const cautions = f.authorization ? extra : [...extra, ACCOUNTING_CAUTION];
  return fire(rule, "needs-review", { cautions });
}

export function otherPurpose(f: Facts): Hit {
  const R = OTHER_PURPOSE_RULES;
  switch (f.otherPurpose) {
    case "marketing":
      return fire(R.marketing, "authorization-required", { cautions: [MARKETING_CAUTION] });
    case "sale":
      return fire(R.sale, "authorization-required", { cautions: [SALE_CAUTION] });
    case "research":
      return review164512(R.research, f, [RESEARCH_CAUTION]);
    case "public-health":
      return review164512(R.publicHealth, f);
    case "law-enforcement":
      return review164512(R.lawEnforcement, f);
    case "judicial":
      return review164512(R.judicial, f);
    case "family-involvement":
      return familyInvolvement();
    case "employer":
      return employer(f);
    case "patient-directed":
      return f.recipient.type === "patient"
        ? fire(R.individualAccess, "allowed")
        : fire(R.directedThirdParty, "allowed-with-conditions", { conditions: DIRECTED_COPY_CONDITIONS });
    default:
      return fire(R.unspecified, "needs-review");
  }
}
