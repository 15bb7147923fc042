/**
 * 42 CFR Part 2 records, part2.* (gate d). A HIPAA authorization does not satisfy this gate; giving
 * patients their own records needs no consent (42 CFR 2.23), so the gate skips that recipient.
 */
import { type Facts, hasKind, isTpo } from "../facts.ts";
import { type Finding, type Hit, type Rule, fire, finding } from "../rule.ts";

export const PART2_NOTICE_CONDITION =
  "Send the Part 2 notice and a copy of the consent, or a clear explanation of its scope, with the records (42 CFR 2.32).";
export const PART2_NO_COUNSELING_NOTES_CONDITION =
  "The records include no SUD counseling notes; those need their own separate consent (42 CFR 2.31(b)).";
export const PART2_REDISCLOSURE_CAUTION =
  "A covered entity or business associate that receives these records may redisclose them as HIPAA allows, but never in a civil, criminal, administrative or legislative proceeding against the patient without consent or a court order (42 CFR 2.33(b)(1)). Any other recipient may redisclose them only with the patient's consent or as Part 2 otherwise allows (42 CFR 2.32, 42 CFR 2.33(b)).";
export const PART2_EMERGENCY_CONDITIONS = [
  "Only if the patient's written consent cannot be obtained in time (42 CFR 2.51(a)(1)).",
  "Disclose only what the emergency needs.",
  "Record the disclosure in the patient's record: who received it and their facility, who sent it, date and time, and the nature of the emergency (42 CFR 2.51(c)).",
] as const;
export const PART2_QSO_CONDITION =
  "Only what the service organisation needs to provide its services to your program, under a qualified service organization agreement (or business associate agreement) that binds it to Part 2.";
export const PART2_QSO_AGREEMENT_UNKNOWN_CONDITION = "Only with a qualified service organization agreement in place.";
export const PART2_GOVERNS_CAUTION = "Part 2 still governs these records after you receive them.";
export const PART2_COUNSELING_NOTES_CAUTION = "SUD counseling notes need their own separate consent (42 CFR 2.31(b)).";

export const PART2_RULES = {
  specificConsent: {
    id: "part2.specific-consent",
    outcomes: ["allowed-with-conditions"],
    citations: ["42 CFR 2.31", "42 CFR 2.33(a)(1)", "42 CFR 2.32"],
    text: "The patient signed a Part 2 consent naming this recipient, so this substance use disorder record may go as the consent describes; the Part 2 notice must go with it.",
    headline: "the patient's Part 2 consent names this recipient; send the Part 2 notice with the record.",
  },
  tpoConsent: {
    id: "part2.tpo-consent",
    outcomes: ["allowed-with-conditions"],
    citations: ["42 CFR 2.33(a)(2)", "42 CFR 2.33(b)(1)", "42 CFR 2.32"],
    text: "The patient signed a Part 2 consent for treatment, payment and operations, so HIPAA's rules now govern this disclosure; the Part 2 notice must go with it.",
    headline: "the patient's Part 2 consent for treatment, payment and operations covers this; send the Part 2 notice with the record.",
  },
  tpoConsentScope: {
    id: "part2.tpo-consent-scope",
    outcomes: ["needs-review"],
    citations: ["42 CFR 2.31(a)(4)(i)", "42 CFR 2.31(a)(4)(ii)", "42 CFR 2.33(a)(2)"],
    text: "A single Part 2 consent for treatment, payment and operations reaches only the recipients it describes. An ACO, HIE or care-coordination organisation that is not your business associate must be named in the consent; a social service agency must be covered by it. Check the consent, or get one that names this recipient.",
    headline: "check that the patient's Part 2 consent names or covers this recipient.",
  },
  emergency: {
    id: "part2.emergency",
    outcomes: ["allowed-with-conditions"],
    citations: ["42 CFR 2.51(a)(1)", "42 CFR 2.51(c)"],
    text: "In a bona fide medical emergency, Part 2 records may go to medical personnel treating the patient without consent when consent cannot be obtained in time; record the disclosure.",
    headline: "Part 2 records may go to medical personnel in a medical emergency when consent cannot be obtained in time.",
  },
  qso: {
    id: "part2.qso",
    outcomes: ["allowed-with-conditions"],
    citations: ["42 CFR 2.12(c)(4)", "42 CFR 2.11"],
    text: "Your program may share what a qualified service organisation (billing, data processing, population health management) needs to serve the program, under an agreement binding it to Part 2.",
    headline: "a qualified service organisation may receive what it needs to serve your program, under an agreement binding it to Part 2.",
  },
  auditEvaluation: {
    id: "part2.audit-evaluation",
    outcomes: ["needs-review"],
    citations: ["42 CFR 2.53"],
    text: "Part 2 lets qualified personnel audit or evaluate a program without the patient's consent, within limits; check whether this request qualifies, or get the patient's Part 2 consent.",
    headline: "check whether this qualifies as a Part 2 audit or evaluation, or get the patient's Part 2 consent.",
  },
  consentRequired: {
    id: "part2.consent-required",
    outcomes: ["authorization-required", "needs-review"],
    citations: ["42 CFR 2.31", "42 CFR 2.33"],
    text: "This is a protected substance use disorder record. You need the patient's Part 2 consent before sending it.",
    headline: "this substance use disorder record needs the patient's Part 2 consent.",
  },
} as const satisfies Record<string, Rule>;

/** Non-TPO purposes Part 2 may permit without consent within limits (part2.consent-required): review, not consent. */
const CONSENT_EXCEPTIONS: Readonly<Partial<Record<string, { citation: string; what: string }>>> = {
  research: { citation: "42 CFR 2.52", what: "research" },
  "public-health": { citation: "42 CFR 2.54", what: "public health (de-identified records only)" },
  judicial: { citation: "42 CFR 2.64", what: "a court order for a noncriminal purpose" },
  "law-enforcement": { citation: "42 CFR 2.65", what: "a court order for a criminal investigation or prosecution" },
};

const CONSENT_CONDITIONS = [PART2_NOTICE_CONDITION, PART2_NO_COUNSELING_NOTES_CONDITION];

function decide(f: Facts): Hit {
  const consent = f.part2Consent;
  const type = f.recipient.type;
  const tpo = isTpo(f);
  if (consent === "specific") {
    return fire(PART2_RULES.specificConsent, "allowed-with-conditions", {
      conditions: CONSENT_CONDITIONS,
      cautions: [PART2_REDISCLOSURE_CAUTION],
    });
  }
  if (consent === "tpo" && tpo) {
    return f.ceRecipient || f.baRecipient
      ? fire(PART2_RULES.tpoConsent, "allowed-with-conditions", { conditions: CONSENT_CONDITIONS, cautions: [PART2_REDISCLOSURE_CAUTION] })
      : fire(PART2_RULES.tpoConsentScope, "needs-review", { cautions: [PART2_REDISCLOSURE_CAUTION] });
  }
  if (consent === "none") {
    // Medical personnel only: not a care coordinator or social service agency, and treatment only
    // (forProviderTreatment false says this is not treatment, whoever the recipient is).
    if (f.emergency && f.purpose === "treatment" && type === "provider" && f.forProviderTreatment !== false) {
      return fire(PART2_RULES.emergency, "allowed-with-conditions", { conditions: PART2_EMERGENCY_CONDITIONS });
    }
    const payOrOps = f.purpose === "payment" || f.purpose === "operations";
    if (payOrOps && f.baRecipient && f.recipient.businessAssociateAgreement !== false) {
      return fire(PART2_RULES.qso, "allowed-with-conditions", {
        conditions:
          f.recipient.businessAssociateAgreement === undefined
            ? [PART2_QSO_CONDITION, PART2_QSO_AGREEMENT_UNKNOWN_CONDITION]
            : [PART2_QSO_CONDITION],
      });
    }
    if (
      f.purpose === "operations" &&
      (f.activity === "quality-improvement" || f.activity === "fraud-abuse-compliance" || f.activity === "credentialing-peer-review")
    ) {
      return fire(PART2_RULES.auditEvaluation, "needs-review");
    }
  }
  // No consent, or a TPO consent used for a purpose it does not cover.
  const exception = f.otherPurpose !== undefined ? CONSENT_EXCEPTIONS[f.otherPurpose] : undefined;
  if (exception) {
    return fire(PART2_RULES.consentRequired, "needs-review", {
      citations: [...PART2_RULES.consentRequired.citations, exception.citation],
      text: `This is a protected substance use disorder record. Part 2 allows disclosure for ${exception.what} without the patient's consent only within strict limits (${exception.citation}); check whether this request qualifies, or get the patient's Part 2 consent.`,
      headline: `this substance use disorder record may go for ${exception.what} only within Part 2's limits; check, or get the patient's Part 2 consent.`,
    });
  }
  return fire(PART2_RULES.consentRequired, "authorization-required");
}

export function part2(f: Facts): Finding {
  if (!hasKind(f, "sud-part2") || f.recipient.type === "patient") return finding();
  const hit = decide(f);
  const cautions = [PART2_GOVERNS_CAUTION];
  if (!hit.conditions.includes(PART2_NO_COUNSELING_NOTES_CONDITION)) cautions.push(PART2_COUNSELING_NOTES_CAUTION);
  return finding([hit], cautions);
}
