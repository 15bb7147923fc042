/**
 * One or more cases for every rule id and every exception of hipaa-rules.md, including the §11
 * examples. Each case asserts the outcome and the deciding reasons, not just that something ran.
 */
import { afterAll, describe, expect, it } from "vitest";
import { evaluate } from "./index.ts";
import type { DisclosureRequestInput, OrgProfileInput, Verdict } from "./schema.ts";
import { HARBOR_PROFILE } from "../../test/support/profiles.ts";
import { readSharedDoc } from "../../test/support/shared.ts";

/** Every rule id of hipaa-rules.md. */
const ALL_RULE_IDS = [
  "restriction.self-pay",
  "restriction.self-pay-intermediary",
  "restriction.agreed",
  "restriction.emergency-treatment",
  "psychotherapy-notes.authorization",
  "part2.specific-consent",
  "part2.tpo-consent",
  "part2.tpo-consent-scope",
  "part2.emergency",
  "part2.qso",
  "part2.audit-evaluation",
  "part2.consent-required",
  "individual.disclosure",
  "family.involvement",
  "employer.authorization",
  "employer.plan-sponsor",
  "treatment.provider",
  "treatment.any-recipient",
  "treatment.not-for-provider",
  "payment.own",
  "payment.other-entity",
  "payment.unclear-recipient",
  "operations.ohca",
  "operations.other-covered-entity",
  "operations.business-associate",
  "operations.ohca-unknown",
  "operations.no-relationship",
  "operations.activity-not-covered",
  "operations.non-covered-recipient",
  "marketing.authorization",
  "sale.authorization",
  "research.review",
  "public-health.review",
  "law-enforcement.review",
  "judicial.review",
  "individual.access",
  "individual.directed-third-party",
  "other.unspecified",
  "business-associate.no-agreement",
  "business-associate.agreement",
  "discloser.business-associate",
  "discloser.clearinghouse",
  "authorization.on-file",
  "state-law.mn-consent",
  "state-law.tx-mental-health",
  "minimum-necessary.authorization-exempt",
  "minimum-necessary.individual-exempt",
  "minimum-necessary.treatment-exempt",
  "minimum-necessary.applies",
  "policy.outside-aco",
  "policy.review-category",
];

const seen = new Set<string>();

function v(request: DisclosureRequestInput, profile?: OrgProfileInput): Verdict {
  const verdict = evaluate(request, profile);
  for (const r of verdict.reasons) seen.add(r.rule);
  return verdict;
}
const rules = (verdict: Verdict) => verdict.reasons.map((r) => r.rule);
const reason = (verdict: Verdict, id: string) => verdict.reasons.find((r) => r.rule === id);

const TO_PROVIDER = { purpose: "treatment", recipient: { type: "provider", name: "Lakeshore Oncology" } } as const;
const state = (s: OrgProfileInput["state"], extra: Partial<OrgProfileInput> = {}): OrgProfileInput => ({
  organization: { name: "Clinic", role: "provider" },
  acos: [],
  state: s,
  ...extra,
});

afterAll(() => {
  // Runs after the cases below: each rule id was emitted by at least one of them.
  expect(ALL_RULE_IDS.filter((id) => !seen.has(id))).toEqual([]);
});

it("lists exactly the rule ids hipaa-rules.md defines", () => {
  const doc = readSharedDoc("hipaa-rules.md");
  for (const id of ALL_RULE_IDS) expect(doc).toContain(`\`${id}\``);
});

describe("§5.1 restrictions", () => {
  it("restriction.self-pay: not to the health plan for payment", () => {
    const verdict = v({ purpose: "payment", recipient: { type: "health-plan" }, patient: { selfPayRestriction: true } });
    expect(verdict.outcome).toBe("not-allowed");
    expect(verdict.reasons[0]).toMatchObject({ rule: "restriction.self-pay", citations: ["45 CFR 164.522(a)(1)(vi)"], source: "law" });
    expect(verdict.cautions).toContain("Unless another law requires the disclosure.");
    expect(verdict.headline).toMatch(/^Not allowed: /);
  });
  it("restriction.self-pay: no emergency exception, and a health plan discloser is not bound", () => {
    expect(
      v({
        purpose: "operations",
        operationsActivity: "quality-improvement",
        emergency: true,
        recipient: { type: "health-plan" },
        patient: { selfPayRestriction: true },
      }).outcome,
    ).toBe("not-allowed");
    expect(
      rules(v({ discloser: "health-plan", purpose: "payment", recipient: { type: "health-plan" }, patient: { selfPayRestriction: true } })),
    ).not.toContain("restriction.self-pay");
  });
  it("restriction.self-pay does not reach a treatment referral (§11)", () => {
    const verdict = v({ ...TO_PROVIDER, patient: { selfPayRestriction: true } });
    expect(verdict.outcome).toBe("allowed");
  });
  it("restriction.self-pay-intermediary: a claim through the clearinghouse needs review (§11)", () => {
    const verdict = v({
      purpose: "payment",
      recipient: { type: "clearinghouse", businessAssociateAgreement: true },
      patient: { selfPayRestriction: true },
    });
    expect(verdict.outcome).toBe("needs-review");
    expect(verdict.reasons[0]!.rule).toBe("restriction.self-pay-intermediary");
  });
  it("restriction.agreed: not-allowed for treatment, payment, operations and family involvement", () => {
    for (const request of [
      { ...TO_PROVIDER },
      { purpose: "payment", recipient: { type: "health-plan" } },
      { purpose: "operations", operationsActivity: "training", recipient: { type: "provider" } },
      { purpose: "other", otherPurpose: "family-involvement", recipient: { type: "family-or-friend" } },
    ] as const) {
      const verdict = v({ ...request, patient: { agreedRestriction: true } });
      expect(verdict.outcome).toBe("not-allowed");
      expect(verdict.reasons[0]).toMatchObject({ rule: "restriction.agreed", citations: ["45 CFR 164.522(a)(1)(iii)"] });
    }
  });
  it("restriction.agreed does not bind the patient as recipient", () => {
    expect(v({ purpose: "treatment", recipient: { type: "patient" }, patient: { agreedRestriction: true } }).outcome).toBe("allowed");
  });
  it("restriction.emergency-treatment: the emergency lifts it for a provider only (§11)", () => {
    const ed = v({ ...TO_PROVIDER, emergency: true, patient: { agreedRestriction: true } });
    expect(ed.outcome).toBe("allowed-with-conditions");
    expect(reason(ed, "restriction.emergency-treatment")?.citations).toEqual(["45 CFR 164.522(a)(1)(iii)", "45 CFR 164.522(a)(1)(iv)"]);
    expect(ed.conditions).toContain("Ask the receiving provider not to use or disclose the restricted information further.");
    // Not for any provider's treatment (forProviderTreatment false): no emergency treatment, the restriction holds.
    expect(v({ ...TO_PROVIDER, forProviderTreatment: false, emergency: true, patient: { agreedRestriction: true } }).outcome).toBe(
      "not-allowed",
    );
    const coordinator = v({
      purpose: "treatment",
      emergency: true,
      recipient: { type: "care-coordinator", inSameAco: true },
      patient: { agreedRestriction: true },
    });
    expect(coordinator.outcome).toBe("not-allowed");
  });
  it("a restriction does not bind 164.512 disclosures and says so", () => {
    for (const otherPurpose of ["research", "public-health", "law-enforcement", "judicial"] as const) {
      const verdict = v({ purpose: "other", otherPurpose, recipient: { type: "other" }, patient: { agreedRestriction: true } });
      expect(verdict.outcome).toBe("needs-review");
      expect(rules(verdict)).not.toContain("restriction.agreed");
      expect(verdict.cautions).toContain("The patient's restriction does not apply to this kind of disclosure (45 CFR 164.522(a)(1)(v)).");
    }
  });
  it("an authorization on file turns a restriction into review", () => {
    expect(v({ ...TO_PROVIDER, patient: { agreedRestriction: true, authorizationOnFile: true } }).outcome).toBe("needs-review");
    expect(
      v({ purpose: "payment", recipient: { type: "health-plan" }, patient: { selfPayRestriction: true, authorizationOnFile: true } })
        .outcome,
    ).toBe("needs-review");
  });
});

describe("§5.2 psychotherapy notes", () => {
  it("need an authorization even for an in-ACO psychiatrist, and emergency does not lift it (§11)", () => {
    const verdict = v({
      ...TO_PROVIDER,
      emergency: true,
      recipient: { type: "provider", inSameAco: true },
      information: ["psychotherapy-notes"],
    });
    expect(verdict.outcome).toBe("authorization-required");
    expect(verdict.reasons[0]).toMatchObject({ rule: "psychotherapy-notes.authorization", citations: ["45 CFR 164.508(a)(2)"] });
    expect(verdict.cautions).toContain(
      "If disclosure is needed to prevent a serious and imminent threat to someone's health or safety, ask your privacy officer (45 CFR 164.512(j)(1)(i)).",
    );
  });
  it("with an authorization on file: allowed with the separate-authorization condition (§11)", () => {
    const verdict = v({ ...TO_PROVIDER, information: ["psychotherapy-notes"], patient: { authorizationOnFile: true } });
    expect(verdict.outcome).toBe("allowed-with-conditions");
    expect(reason(verdict, "psychotherapy-notes.authorization")?.citations).toEqual(["45 CFR 164.508(a)(2)", "45 CFR 164.508(b)(3)(ii)"]);
    expect(verdict.conditions[0]).toMatch(/^The authorization on file is a separate authorization for the psychotherapy notes/);
    expect(verdict.minimumNecessary).toBe("not-applicable");
  });
  it("164.512 purposes need review; judicial cites the legal-defence exception", () => {
    const judicial = v({ purpose: "other", otherPurpose: "judicial", recipient: { type: "other" }, information: ["psychotherapy-notes"] });
    expect(judicial.outcome).toBe("needs-review");
    expect(reason(judicial, "psychotherapy-notes.authorization")?.citations).toContain("45 CFR 164.508(a)(2)(i)(C)");
    const health = v({
      purpose: "other",
      otherPurpose: "public-health",
      recipient: { type: "other" },
      information: ["psychotherapy-notes"],
    });
    expect(reason(health, "psychotherapy-notes.authorization")?.citations).toEqual(["45 CFR 164.508(a)(2)"]);
  });
  it("patient-directed: review (outside the right of access); a TPO purpose to the patient: authorization", () => {
    const directed = v({
      purpose: "other",
      otherPurpose: "patient-directed",
      recipient: { type: "patient" },
      information: ["psychotherapy-notes"],
    });
    expect(directed.outcome).toBe("needs-review");
    expect(reason(directed, "psychotherapy-notes.authorization")?.citations).toContain("45 CFR 164.524(a)(1)(i)");
    expect(v({ purpose: "treatment", recipient: { type: "patient" }, information: ["psychotherapy-notes"] }).outcome).toBe(
      "authorization-required",
    );
  });
  it("for payment too", () => {
    expect(v({ purpose: "payment", recipient: { type: "health-plan" }, information: ["psychotherapy-notes"] }).outcome).toBe(
      "authorization-required",
    );
  });
});

describe("§5.3 42 CFR Part 2", () => {
  const sud: Pick<DisclosureRequestInput, "information"> = { information: ["sud-part2"] };
  it("part2.specific-consent: conditions, redisclosure caution, no separate counselling caution", () => {
    const verdict = v({ ...TO_PROVIDER, ...sud, patient: { part2Consent: "specific" } });
    expect(verdict.outcome).toBe("allowed-with-conditions");
    expect(reason(verdict, "part2.specific-consent")?.citations).toEqual(["42 CFR 2.31", "42 CFR 2.33(a)(1)", "42 CFR 2.32"]);
    expect(verdict.conditions).toContain(
      "Send the Part 2 notice and a copy of the consent, or a clear explanation of its scope, with the records (42 CFR 2.32).",
    );
    expect(verdict.conditions).toContain(
      "The records include no SUD counseling notes; those need their own separate consent (42 CFR 2.31(b)).",
    );
    expect(verdict.cautions).toContain("Part 2 still governs these records after you receive them.");
    expect(verdict.cautions).not.toContain("SUD counseling notes need their own separate consent (42 CFR 2.31(b)).");
    expect(verdict.cautions.some((c) => c.startsWith("A covered entity or business associate that receives these records"))).toBe(true);
  });
  it("part2.tpo-consent: CE and BA recipients for TPO", () => {
    for (const recipient of [
      { type: "health-plan" },
      { type: "business-associate", businessAssociateAgreement: true },
      { type: "care-coordinator", businessAssociateAgreement: true },
    ] as const) {
      const verdict = v({
        purpose: "operations",
        operationsActivity: "quality-improvement",
        recipient,
        ...sud,
        patient: { part2Consent: "tpo" },
      });
      expect(verdict.outcome).toBe("allowed-with-conditions");
      expect(reason(verdict, "part2.tpo-consent")?.citations).toEqual(["42 CFR 2.33(a)(2)", "42 CFR 2.33(b)(1)", "42 CFR 2.32"]);
    }
  });
  it("part2.tpo-consent: HIPAA still decides on top ((c)(4) still needs the relationship)", () => {
    const verdict = v({
      purpose: "operations",
      operationsActivity: "quality-improvement",
      recipient: { type: "provider", hasRelationshipWithPatient: false },
      ...sud,
      patient: { part2Consent: "tpo" },
    });
    expect(verdict.outcome).toBe("authorization-required");
    expect(rules(verdict)).toEqual(expect.arrayContaining(["operations.no-relationship", "part2.tpo-consent"]));
  });
  it("part2.tpo-consent-scope: an ACO entity without a BAA needs review (§11)", () => {
    for (const type of ["aco", "social-services", "family-or-friend", "employer", "other", "care-coordinator"] as const) {
      const verdict = v({ purpose: "treatment", recipient: { type }, ...sud, patient: { part2Consent: "tpo" } });
      expect(rules(verdict)).toContain("part2.tpo-consent-scope");
      expect(["needs-review", "authorization-required"]).toContain(verdict.outcome);
    }
    const aco = v({ purpose: "treatment", recipient: { type: "aco" }, ...sud, patient: { part2Consent: "tpo" } });
    expect(aco.outcome).toBe("needs-review");
    expect(reason(aco, "part2.tpo-consent-scope")?.citations).toEqual([
      "42 CFR 2.31(a)(4)(i)",
      "42 CFR 2.31(a)(4)(ii)",
      "42 CFR 2.33(a)(2)",
    ]);
  });
  it("part2.emergency: medical personnel treating an emergency only (§11)", () => {
    const ed = v({ ...TO_PROVIDER, emergency: true, ...sud });
    expect(ed.outcome).toBe("allowed-with-conditions");
    expect(reason(ed, "part2.emergency")?.citations).toEqual(["42 CFR 2.51(a)(1)", "42 CFR 2.51(c)"]);
    expect(ed.conditions).toContain("Only if the patient's written consent cannot be obtained in time (42 CFR 2.51(a)(1)).");
    expect(ed.conditions).toContain("Disclose only what the emergency needs.");
    expect(ed.cautions).toContain("SUD counseling notes need their own separate consent (42 CFR 2.31(b)).");
    expect(v({ purpose: "payment", emergency: true, recipient: { type: "provider" }, ...sud }).outcome).toBe("authorization-required");
    expect(v({ purpose: "treatment", emergency: true, recipient: { type: "care-coordinator" }, ...sud }).outcome).toBe(
      "authorization-required",
    );
    const notTreatment = v({ ...TO_PROVIDER, forProviderTreatment: false, emergency: true, ...sud });
    expect(notTreatment.outcome).toBe("authorization-required");
    expect(rules(notTreatment)).not.toContain("part2.emergency");
  });
  it("part2.qso: a service organisation for payment or operations, without consent", () => {
    const known = v({ purpose: "payment", recipient: { type: "business-associate", businessAssociateAgreement: true }, ...sud });
    expect(known.outcome).toBe("allowed-with-conditions");
    expect(reason(known, "part2.qso")?.citations).toEqual(["42 CFR 2.12(c)(4)", "42 CFR 2.11"]);
    expect(known.conditions).not.toContain("Only with a qualified service organization agreement in place.");
    const unknown = v({ purpose: "operations", operationsActivity: "business-management", recipient: { type: "clearinghouse" }, ...sud });
    expect(unknown.outcome).toBe("allowed-with-conditions");
    expect(unknown.conditions).toContain("Only with a qualified service organization agreement in place.");
    const none = v({ purpose: "payment", recipient: { type: "business-associate", businessAssociateAgreement: false }, ...sud });
    expect(rules(none)).not.toContain("part2.qso");
    expect(none.outcome).toBe("not-allowed");
  });
  it("part2.audit-evaluation: review for quality, compliance and peer review operations", () => {
    for (const operationsActivity of ["quality-improvement", "fraud-abuse-compliance", "credentialing-peer-review"] as const) {
      const verdict = v({ purpose: "operations", operationsActivity, recipient: { type: "provider" }, ...sud });
      expect(verdict.outcome).toBe("needs-review");
      expect(verdict.reasons[0]).toMatchObject({ rule: "part2.audit-evaluation", citations: ["42 CFR 2.53"] });
    }
  });
  it("part2.consent-required: without consent, also with a HIPAA authorization", () => {
    const verdict = v({ ...TO_PROVIDER, ...sud, patient: { authorizationOnFile: true } });
    expect(verdict.outcome).toBe("authorization-required");
    expect(verdict.reasons[0]).toMatchObject({ rule: "part2.consent-required", citations: ["42 CFR 2.31", "42 CFR 2.33"] });
    expect(verdict.reasons[0]!.text).toContain("Part 2 consent");
    expect(verdict.headline).toContain("Part 2 consent");
  });
  it("part2.consent-required: a TPO consent does not cover marketing", () => {
    expect(
      v({
        purpose: "other",
        otherPurpose: "marketing",
        recipient: { type: "other" },
        ...sud,
        patient: { part2Consent: "tpo", authorizationOnFile: true },
      }).outcome,
    ).toBe("authorization-required");
  });
  it("part2.consent-required exceptions for non-TPO purposes give review with their citation", () => {
    const cases = {
      research: "42 CFR 2.52",
      "public-health": "42 CFR 2.54",
      judicial: "42 CFR 2.64",
      "law-enforcement": "42 CFR 2.65",
    } as const;
    for (const [otherPurpose, citation] of Object.entries(cases)) {
      const verdict = v({ purpose: "other", otherPurpose: otherPurpose as keyof typeof cases, recipient: { type: "other" }, ...sud });
      expect(verdict.outcome).toBe("needs-review");
      expect(reason(verdict, "part2.consent-required")?.citations).toContain(citation);
    }
  });
  it("the patient's own records need no consent (42 CFR 2.23)", () => {
    const verdict = v({ purpose: "treatment", recipient: { type: "patient" }, ...sud });
    expect(verdict.outcome).toBe("allowed");
    expect(rules(verdict).some((id) => id.startsWith("part2."))).toBe(false);
  });
});

describe("§5.4 purpose gate", () => {
  it("individual.disclosure", () => {
    const verdict = v({ purpose: "payment", recipient: { type: "patient" } });
    expect(verdict).toMatchObject({ outcome: "allowed", minimumNecessary: "not-applicable" });
    expect(verdict.reasons[0]).toMatchObject({ rule: "individual.disclosure", citations: ["45 CFR 164.502(a)(1)(i)"] });
  });
  it("family.involvement by recipient or by stated purpose under any purpose", () => {
    expect(v({ purpose: "operations", recipient: { type: "family-or-friend" } }).reasons[0]!.rule).toBe("family.involvement");
    const stated = v({ purpose: "treatment", otherPurpose: "family-involvement", recipient: { type: "provider" } });
    expect(stated.outcome).toBe("needs-review");
    expect(stated.reasons[0]).toMatchObject({ rule: "family.involvement", citations: ["45 CFR 164.510(b)"] });
  });
  it("employer.authorization and employer.plan-sponsor", () => {
    const provider = v({ purpose: "payment", recipient: { type: "employer" } });
    expect(provider.outcome).toBe("authorization-required");
    expect(provider.reasons[0]).toMatchObject({ rule: "employer.authorization", citations: ["45 CFR 164.508(a)(1)"] });
    expect(provider.cautions.some((c) => c.includes("45 CFR 164.512(b)(1)(v)") && c.includes("45 CFR 164.512(l)"))).toBe(true);
    const plan = v({ discloser: "health-plan", purpose: "other", otherPurpose: "employer", recipient: { type: "other" } });
    expect(plan.outcome).toBe("needs-review");
    expect(plan.reasons[0]).toMatchObject({ rule: "employer.plan-sponsor", citations: ["45 CFR 164.504(f)"] });
  });
  it("the profile's role is the discloser when the request names none", () => {
    const plan = v(
      { purpose: "other", otherPurpose: "employer", recipient: { type: "employer" } },
      { organization: { name: "Plan", role: "health-plan" }, acos: [] },
    );
    expect(plan.reasons[0]!.rule).toBe("employer.plan-sponsor");
  });
  it("treatment.provider: allowed, no minimum necessary, consent-optional caution", () => {
    const verdict = v(TO_PROVIDER);
    expect(verdict.outcome).toBe("allowed");
    expect(verdict.headline).toBe("Allowed: sharing with another provider for this patient's treatment needs no authorization.");
    expect(verdict.citations).toEqual(["45 CFR 164.506(c)(2)", "45 CFR 164.501", "45 CFR 164.502(b)(2)(i)"]);
    expect(verdict.cautions).toEqual([
      "HIPAA does not require patient consent for treatment; your organisation may still choose to ask (45 CFR 164.506(b)).",
    ]);
    expect(verdict.conditions).toEqual([]);
  });
  it("treatment.provider: a health plan may disclose to a provider for its treatment", () => {
    expect(v({ ...TO_PROVIDER, discloser: "health-plan" }).outcome).toBe("allowed");
  });
  it("treatment.any-recipient: minimum necessary, unknown-purpose and on-behalf conditions, ACO feed caution", () => {
    const verdict = v({ purpose: "treatment", recipient: { type: "aco" } });
    expect(verdict.outcome).toBe("allowed-with-conditions");
    expect(verdict.minimumNecessary).toBe("applies");
    expect(verdict.conditions).toEqual([
      "Only if this serves a health care provider's treatment of this patient.",
      "If this organisation does this work on your behalf (care management, analytics or quality work as a service), a business associate agreement must be in place.",
      "Send only the minimum necessary for the purpose.",
    ]);
    expect(verdict.cautions).toContain(
      "A feed of many patients' records is health care operations, not treatment: it needs a business associate agreement or an OHCA.",
    );
    const social = v({ purpose: "treatment", forProviderTreatment: true, recipient: { type: "social-services" } });
    expect(social.conditions).toEqual(["Send only the minimum necessary for the purpose."]);
  });
  it("treatment.any-recipient to a BA: the agreement rules still apply (§11 care management vendor)", () => {
    expect(v({ purpose: "treatment", recipient: { type: "business-associate", businessAssociateAgreement: false } }).outcome).toBe(
      "not-allowed",
    );
    expect(v({ purpose: "treatment", recipient: { type: "clearinghouse" } }).conditions).toContain(
      "Only with a business associate agreement in place.",
    );
  });
  it("treatment.not-for-provider, to a provider too", () => {
    const verdict = v({ ...TO_PROVIDER, forProviderTreatment: false });
    expect(verdict).toMatchObject({ outcome: "needs-review", minimumNecessary: "applies" });
    expect(verdict.reasons[0]).toMatchObject({ rule: "treatment.not-for-provider", citations: ["45 CFR 164.506(c)(2)"] });
  });
  it("payment.own, payment.other-entity, payment.unclear-recipient", () => {
    expect(v({ purpose: "payment", recipient: { type: "health-plan" } }).reasons[0]).toMatchObject({
      rule: "payment.own",
      citations: ["45 CFR 164.506(c)(1)", "45 CFR 164.501"],
    });
    expect(v({ purpose: "payment", recipient: { type: "provider" } }).reasons[0]).toMatchObject({
      rule: "payment.other-entity",
      citations: ["45 CFR 164.506(c)(3)", "45 CFR 164.501"],
    });
    expect(v({ discloser: "health-plan", purpose: "payment", recipient: { type: "health-plan" } }).reasons[0]!.rule).toBe(
      "payment.other-entity",
    );
    for (const type of ["aco", "care-coordinator", "social-services", "other"] as const) {
      const verdict = v({ purpose: "payment", recipient: { type } });
      expect(verdict.outcome).toBe("needs-review");
      expect(verdict.reasons[0]).toMatchObject({ rule: "payment.unclear-recipient", citations: ["45 CFR 164.506(c)(3)"] });
    }
  });
  it("operations.ohca: CE recipients only, any activity", () => {
    const verdict = v({
      purpose: "operations",
      operationsActivity: "business-management",
      recipient: { type: "provider", inSameOhca: true },
    });
    expect(verdict.outcome).toBe("allowed-with-conditions");
    expect(verdict.reasons[0]).toMatchObject({ rule: "operations.ohca", citations: ["45 CFR 164.506(c)(5)", "45 CFR 160.103"] });
  });
  it("operations.other-covered-entity: conditions when the relationship is known and unknown", () => {
    const known = v({
      purpose: "operations",
      operationsActivity: "fraud-abuse-compliance",
      recipient: { type: "health-plan", hasRelationshipWithPatient: true },
    });
    expect(known.reasons[0]).toMatchObject({ rule: "operations.other-covered-entity", citations: ["45 CFR 164.506(c)(4)"] });
    expect(known.conditions).toEqual([
      "Share only information about the recipient's own relationship with the patient.",
      "Only if the recipient is a HIPAA covered entity (a health plan, or a provider that bills electronically).",
      "Send only the minimum necessary for the purpose.",
    ]);
    const unknown = v({ purpose: "operations", operationsActivity: "training", recipient: { type: "provider" } });
    expect(unknown.conditions).toContain("Only if the recipient has or had a relationship with the patient.");
  });
  it("operations.business-associate: BA recipients, flag absent adds the condition", () => {
    const aco = v({
      purpose: "operations",
      operationsActivity: "quality-improvement",
      recipient: { type: "aco", businessAssociateAgreement: true },
    });
    expect(aco.outcome).toBe("allowed-with-conditions");
    expect(aco.reasons[0]).toMatchObject({
      rule: "operations.business-associate",
      citations: ["45 CFR 164.506(c)(1)", "45 CFR 164.502(e)(1)", "45 CFR 164.504(e)"],
    });
    expect(aco.conditions).not.toContain("Only with a business associate agreement in place.");
    const vendor = v({ purpose: "operations", recipient: { type: "business-associate" } });
    expect(vendor.conditions).toContain("Only with a business associate agreement in place.");
  });
  it("operations.ohca-unknown vs operations.no-relationship: ACO membership's one legal effect (§7)", () => {
    const request = {
      purpose: "operations",
      operationsActivity: "case-management",
      recipient: { type: "provider", name: "Lakeside Cardiology Associates", hasRelationshipWithPatient: false },
    } as const;
    const outside = v(request);
    expect(outside.outcome).toBe("authorization-required");
    expect(outside.reasons[0]).toMatchObject({
      rule: "operations.no-relationship",
      citations: ["45 CFR 164.506(c)(4)", "45 CFR 164.508(a)(1)"],
    });
    const inside = v(request, HARBOR_PROFILE);
    expect(inside.outcome).toBe("needs-review");
    expect(inside.reasons[0]).toMatchObject({
      rule: "operations.ohca-unknown",
      citations: ["45 CFR 164.506(c)(4)", "45 CFR 164.506(c)(5)", "45 CFR 160.103"],
    });
    expect(v({ ...request, recipient: { ...request.recipient, inSameAco: true } }).outcome).toBe("needs-review");
    expect(v({ ...request, recipient: { ...request.recipient, inSameOhca: false } }, HARBOR_PROFILE).outcome).toBe(
      "authorization-required",
    );
  });
  it("operations.activity-not-covered: business management, other, or absent", () => {
    for (const operationsActivity of ["business-management", "other", undefined] as const) {
      const verdict = v({ purpose: "operations", operationsActivity, recipient: { type: "health-plan" } });
      expect(verdict.outcome).toBe("needs-review");
      expect(verdict.reasons[0]!.rule).toBe("operations.activity-not-covered");
    }
  });
  it("operations.non-covered-recipient, the OHCA flag ignored for a non-CE", () => {
    const verdict = v({
      purpose: "operations",
      operationsActivity: "quality-improvement",
      recipient: { type: "care-coordinator", inSameOhca: true },
    });
    expect(verdict.outcome).toBe("needs-review");
    expect(verdict.reasons[0]).toMatchObject({
      rule: "operations.non-covered-recipient",
      citations: ["45 CFR 164.506(c)(4)", "45 CFR 164.502(e)(1)"],
    });
  });
  it("other purposes table", () => {
    const table = {
      marketing: ["marketing.authorization", "authorization-required", "45 CFR 164.508(a)(3)"],
      sale: ["sale.authorization", "authorization-required", "45 CFR 164.508(a)(4)"],
      research: ["research.review", "needs-review", "45 CFR 164.512(i)"],
      "public-health": ["public-health.review", "needs-review", "45 CFR 164.512(b)"],
      "law-enforcement": ["law-enforcement.review", "needs-review", "45 CFR 164.512(f)"],
      judicial: ["judicial.review", "needs-review", "45 CFR 164.512(e)"],
      "family-involvement": ["family.involvement", "needs-review", "45 CFR 164.510(b)"],
      unspecified: ["other.unspecified", "needs-review", "45 CFR 164.502(a)"],
    } as const;
    for (const [otherPurpose, [rule, outcome, citation]] of Object.entries(table)) {
      const verdict = v({ purpose: "other", otherPurpose: otherPurpose as keyof typeof table, recipient: { type: "other" } });
      expect(verdict.outcome, otherPurpose).toBe(outcome);
      expect(verdict.reasons[0]).toMatchObject({ rule, citations: [citation] });
    }
    expect(v({ purpose: "other", recipient: { type: "other" } }).reasons[0]!.rule).toBe("other.unspecified");
  });
  it("164.512 reviews add the accounting caution unless an authorization is on file", () => {
    const accounting =
      "If you disclose, record it for the patient's accounting of disclosures (45 CFR 164.528) and verify the requester's identity and authority (45 CFR 164.514(h)).";
    expect(v({ purpose: "other", otherPurpose: "law-enforcement", recipient: { type: "other" } }).cautions).toContain(accounting);
    const authorized = v({
      purpose: "other",
      otherPurpose: "research",
      recipient: { type: "other" },
      patient: { authorizationOnFile: true },
    });
    expect(authorized.cautions).not.toContain(accounting);
    expect(authorized.outcome).toBe("allowed");
  });
  it("individual.access and individual.directed-third-party", () => {
    const access = v({ purpose: "other", otherPurpose: "patient-directed", recipient: { type: "patient" } });
    expect(access).toMatchObject({ outcome: "allowed", minimumNecessary: "not-applicable" });
    expect(access.reasons[0]).toMatchObject({ rule: "individual.access", citations: ["45 CFR 164.524"] });
    const directed = v({
      purpose: "other",
      otherPurpose: "patient-directed",
      recipient: { type: "business-associate", businessAssociateAgreement: false },
    });
    expect(directed.outcome).toBe("allowed-with-conditions");
    expect(directed.conditions).toEqual([
      "The patient's request is in writing, signed, and names the recipient and where to send the copy.",
      "Only for an electronic copy of information you hold in an electronic health record. For paper or other records, you need a HIPAA authorization signed by the patient (45 CFR 164.508) instead (Ciox Health, LLC v. Azar, D.D.C. 2020).",
    ]);
    expect(rules(directed)).not.toContain("business-associate.no-agreement");
  });
});

describe("§5.5 business associates", () => {
  it("business-associate.no-agreement for any purpose, emergency included", () => {
    for (const purpose of ["treatment", "payment", "operations"] as const) {
      const verdict = v({
        purpose,
        emergency: true,
        operationsActivity: "quality-improvement",
        recipient: { type: "clearinghouse", businessAssociateAgreement: false },
      });
      expect(verdict.outcome).toBe("not-allowed");
      expect(verdict.reasons[0]).toMatchObject({
        rule: "business-associate.no-agreement",
        citations: ["45 CFR 164.502(e)(1)", "45 CFR 164.504(e)"],
      });
    }
  });
  it("an authorization on file switches it off, and the flag-absent condition too", () => {
    expect(
      v({
        purpose: "payment",
        recipient: { type: "business-associate", businessAssociateAgreement: false },
        patient: { authorizationOnFile: true },
      }).outcome,
    ).toBe("allowed");
    expect(v({ purpose: "payment", recipient: { type: "business-associate" }, patient: { authorizationOnFile: true } }).conditions).toEqual(
      [],
    );
  });
  it("the flag-absent condition only for a permitted outcome", () => {
    expect(v({ purpose: "payment", recipient: { type: "clearinghouse" } }).conditions).toContain(
      "Only with a business associate agreement in place.",
    );
    expect(v({ purpose: "other", otherPurpose: "research", recipient: { type: "clearinghouse" } }).conditions).toEqual([]);
  });
  it("business-associate.agreement for payment", () => {
    const verdict = v({ purpose: "payment", recipient: { type: "business-associate", businessAssociateAgreement: true } });
    expect(reason(verdict, "business-associate.agreement")?.citations).toEqual(["45 CFR 164.502(e)(1)", "45 CFR 164.504(e)"]);
    // §5.6 does not lift this reason: with an authorization on file it still contributes allowed-with-conditions.
    const authorized = v({
      purpose: "payment",
      recipient: { type: "business-associate", businessAssociateAgreement: true },
      patient: { authorizationOnFile: true },
    });
    expect(authorized.outcome).toBe("allowed-with-conditions");
    expect(authorized.headline).toMatch(/^Allowed with conditions: /);
    expect(rules(authorized)[0]).toBe("business-associate.agreement");
  });
  it("discloser.business-associate and discloser.clearinghouse raise allowed, never lower", () => {
    const ba = v({ ...TO_PROVIDER, discloser: "business-associate" });
    expect(ba.outcome).toBe("allowed-with-conditions");
    expect(ba.reasons[0]).toMatchObject({
      rule: "discloser.business-associate",
      citations: ["45 CFR 164.502(a)(3)", "45 CFR 164.504(e)(2)"],
    });
    expect(ba.conditions).toEqual(["Only if your business associate agreement permits this disclosure."]);
    const ch = v({ ...TO_PROVIDER, discloser: "clearinghouse", information: ["psychotherapy-notes"] });
    expect(ch.outcome).toBe("authorization-required");
    expect(reason(ch, "discloser.clearinghouse")?.citations).toEqual([
      "45 CFR 164.500(b)(1)",
      "45 CFR 164.502(a)(3)",
      "45 CFR 164.504(e)(2)",
    ]);
    expect(ch.conditions).toContain("Only if your business associate agreement permits this disclosure.");
  });
});

describe("§5.6 authorization on file", () => {
  it("satisfies the purpose rule, which keeps its reason", () => {
    const verdict = v({
      purpose: "other",
      otherPurpose: "marketing",
      recipient: { type: "other" },
      patient: { authorizationOnFile: true },
    });
    expect(verdict.outcome).toBe("allowed");
    expect(rules(verdict)).toEqual(["marketing.authorization", "authorization.on-file", "minimum-necessary.authorization-exempt"]);
    expect(reason(verdict, "marketing.authorization")?.text).toContain("satisfied by the authorization on file");
    expect(verdict.headline).toBe("Allowed: the patient's authorization on file covers this disclosure.");
    expect(
      v({ purpose: "other", otherPurpose: "research", recipient: { type: "other" }, patient: { authorizationOnFile: true } }).headline,
    ).toBe("Allowed: the patient's authorization on file covers this disclosure.");
    expect(reason(verdict, "authorization.on-file")?.citations).toEqual(["45 CFR 164.508(a)(1)", "45 CFR 164.502(a)(1)(iv)"]);
    expect(verdict.minimumNecessary).toBe("not-applicable");
  });
});

describe("§5.7, §9 sensitive kinds", () => {
  it("never change the federal outcome; add the preemption and reproductive health cautions", () => {
    const verdict = v({ ...TO_PROVIDER, information: ["hiv", "genetic", "mental-health", "reproductive-health"] });
    expect(verdict.outcome).toBe("allowed");
    expect(verdict.cautions).toContain(
      "Federal law treats this information like other health information, but stricter state law is not preempted (45 CFR 160.203(b))",
    );
    expect(verdict.cautions).toContain(
      "Several states (e.g. California) restrict sharing reproductive health information further; check state law.",
    );
    expect(v(TO_PROVIDER).cautions.some((c) => c.startsWith("Federal law treats"))).toBe(false);
  });
  it("genetic information from a health plan adds only the documented cautions", () => {
    const verdict = v({ ...TO_PROVIDER, discloser: "health-plan", information: ["genetic"] });
    expect(verdict.cautions).toEqual([
      "HIPAA does not require patient consent for treatment; your organisation may still choose to ask (45 CFR 164.506(b)).",
      "Federal law treats this information like other health information, but stricter state law is not preempted (45 CFR 160.203(b))",
    ]);
  });
});

describe("§10 state law", () => {
  /** The "law (caution text)" cell of the state's row in hipaa-rules.md §10, verbatim. */
  const docLine = (s: string) => {
    const row = readSharedDoc("hipaa-rules.md")
      .split("\n")
      .find((l) => l.startsWith(`| ${s} |`));
    return row!.split(" | ")[2]!.replace(/ \|$/, "");
  };
  it("adds the state's whole line, verbatim and once, when a listed kind is present", () => {
    const ny = v({ ...TO_PROVIDER, information: ["hiv", "genetic", "mental-health"] }, state("NY"));
    expect(ny.cautions.filter((c) => c === docLine("NY"))).toHaveLength(1);
    expect(v(TO_PROVIDER, state("NY")).cautions).not.toContain(docLine("NY"));
    expect(v(TO_PROVIDER, state("CA")).cautions).toContain(docLine("CA"));
    expect(v(TO_PROVIDER, state("MN")).cautions).toContain(docLine("MN"));
    for (const [s, kind] of [
      ["IL", "genetic"],
      ["TX", "hiv"],
      ["MA", "genetic"],
    ] as const) {
      expect(v({ ...TO_PROVIDER, information: [kind] }, state(s)).cautions).toContain(docLine(s));
      expect(v({ ...TO_PROVIDER, information: ["reproductive-health"] }, state(s)).cautions).not.toContain(docLine(s));
    }
    expect(v({ ...TO_PROVIDER, information: ["hiv"] }, state("FL")).cautions).toEqual(v({ ...TO_PROVIDER, information: ["hiv"] }).cautions);
  });
  it("state-law.mn-consent: a Minnesota provider referring to an outside specialist (§11)", () => {
    const verdict = v(TO_PROVIDER, state("MN"));
    expect(verdict.outcome).toBe("allowed-with-conditions");
    expect(reason(verdict, "state-law.mn-consent")).toMatchObject({
      citations: ["https://www.revisor.mn.gov/statutes/cite/144.293"],
      source: "law",
    });
    expect(verdict.conditions[0]).toMatch(/^Minnesota: only with the patient's signed and dated consent/);
    expect(verdict.headline).toMatch(/^Allowed with conditions: Minnesota law/);
  });
  it("state-law.mn-consent does not fire on a stricter outcome, to the patient, under an authorization, or for a health plan", () => {
    expect(rules(v({ ...TO_PROVIDER, information: ["psychotherapy-notes"] }, state("MN")))).not.toContain("state-law.mn-consent");
    expect(v({ purpose: "treatment", recipient: { type: "patient" } }, state("MN")).outcome).toBe("allowed");
    expect(v({ ...TO_PROVIDER, patient: { authorizationOnFile: true } }, state("MN")).outcome).toBe("allowed");
    expect(v({ ...TO_PROVIDER, discloser: "health-plan" }, state("MN")).outcome).toBe("allowed");
  });
  it("state-law.tx-mental-health: non-professional recipients only", () => {
    const verdict = v(
      { purpose: "treatment", forProviderTreatment: true, recipient: { type: "social-services" }, information: ["mental-health"] },
      state("TX"),
    );
    expect(reason(verdict, "state-law.tx-mental-health")?.citations).toEqual([
      "https://statutes.capitol.texas.gov/Docs/HS/htm/HS.611.htm#611.004",
    ]);
    expect(verdict.conditions.some((c) => c.startsWith("Texas: mental health records may go to this recipient only"))).toBe(true);
    expect(rules(v({ ...TO_PROVIDER, information: ["mental-health"] }, state("TX")))).not.toContain("state-law.tx-mental-health");
    expect(rules(v({ purpose: "treatment", recipient: { type: "social-services" } }, state("TX")))).not.toContain(
      "state-law.tx-mental-health",
    );
  });
});

describe("§6 minimum necessary", () => {
  it("picks the first matching row, from the facts alone", () => {
    const last = (verdict: Verdict) => verdict.reasons.at(-1);
    expect(last(v({ purpose: "payment", recipient: { type: "health-plan" }, patient: { authorizationOnFile: true } }))).toMatchObject({
      rule: "minimum-necessary.authorization-exempt",
      citations: ["45 CFR 164.502(b)(2)(iii)"],
    });
    expect(last(v({ purpose: "operations", recipient: { type: "patient" } }))).toMatchObject({
      rule: "minimum-necessary.individual-exempt",
      citations: ["45 CFR 164.502(b)(2)(ii)"],
    });
    expect(last(v({ purpose: "other", recipient: { type: "patient" } }))!.rule).toBe("minimum-necessary.applies");
    expect(last(v({ ...TO_PROVIDER, information: ["psychotherapy-notes"] }))).toMatchObject({
      rule: "minimum-necessary.treatment-exempt",
      citations: ["45 CFR 164.502(b)(2)(i)"],
    });
    expect(last(v({ purpose: "treatment", recipient: { type: "health-plan" } }))).toMatchObject({
      rule: "minimum-necessary.applies",
      citations: ["45 CFR 164.502(b)(1)", "45 CFR 164.514(d)"],
    });
  });
  it("its condition only on a permitted outcome", () => {
    expect(v({ purpose: "payment", recipient: { type: "employer" } }).conditions).not.toContain(
      "Send only the minimum necessary for the purpose.",
    );
  });
});

describe("§8 organisation policy", () => {
  it("a profile changed in place is read afresh: its policy, role and state are never stale", () => {
    const profile = structuredClone(HARBOR_PROFILE) as OrgProfileInput & { policy: { outsideAco: "allow" | "review" } };
    expect(v(TO_PROVIDER, profile).outcome).toBe("allowed");
    profile.policy.outsideAco = "review";
    expect(v(TO_PROVIDER, profile).outcome).toBe("needs-review");
    profile.state = "MN";
    profile.policy.outsideAco = "allow";
    expect(rules(v(TO_PROVIDER, profile))).toContain("state-law.mn-consent");
    profile.organization.role = "business-associate";
    expect(rules(v(TO_PROVIDER, profile))).toContain("discloser.business-associate");
    profile.acos = [];
    expect(
      v({ ...TO_PROVIDER, recipient: { type: "provider", name: "Lakeside Cardiology Associates" } }, profile).acoMatch,
    ).toBeUndefined();
  });
  const review = (extra: Partial<OrgProfileInput["policy"]>): OrgProfileInput => ({
    ...HARBOR_PROFILE,
    policy: { outsideAco: "review", reviewCategories: [], ...extra },
  });
  it("policy.outside-aco: raises a permitted treatment disclosure outside every ACO, says it is policy", () => {
    const verdict = v(TO_PROVIDER, review({}));
    expect(verdict.outcome).toBe("needs-review");
    expect(verdict.reasons[0]).toEqual({
      rule: "policy.outside-aco",
      text: "Your organisation asks for review before sharing outside your ACOs. The law itself would allow this.",
      citations: [],
      source: "org-policy",
    });
    expect(verdict.headline).toMatch(/^Needs review \(your organisation's policy\): /);
    expect(verdict.minimumNecessary).toBe("not-applicable");
    expect(v({ ...TO_PROVIDER, recipient: { type: "provider", name: "Lakeside Cardiology Associates" } }, review({})).outcome).toBe(
      "allowed",
    );
    expect(v({ purpose: "payment", recipient: { type: "provider" } }, review({})).outcome).toBe("allowed-with-conditions");
  });
  it("an empty ACO list makes every recipient outside", () => {
    expect(v(TO_PROVIDER, { ...review({}), acos: [] }).outcome).toBe("needs-review");
  });
  it("policy.review-category: any purpose; keeps a stricter law outcome and still adds its reason", () => {
    const hiv = v(
      { purpose: "payment", recipient: { type: "health-plan" }, information: ["hiv"] },
      { ...HARBOR_PROFILE, policy: { outsideAco: "allow", reviewCategories: ["hiv"] } },
    );
    expect(hiv.outcome).toBe("needs-review");
    expect(hiv.reasons[0]).toMatchObject({ rule: "policy.review-category", source: "org-policy", citations: [] });
    const strict = v({ ...TO_PROVIDER, information: ["psychotherapy-notes"] }, review({ reviewCategories: ["psychotherapy-notes"] }));
    expect(strict.outcome).toBe("authorization-required");
    expect(strict.headline).not.toContain("policy");
    expect(reason(strict, "policy.review-category")?.text).not.toContain("would allow");
  });
});

describe("§4 assembly", () => {
  it("orders reasons by weight with minimum necessary last, and lists every citation once", () => {
    const verdict = v(
      { ...TO_PROVIDER, emergency: true, information: ["sud-part2", "psychotherapy-notes"], patient: { agreedRestriction: true } },
      state("MN"),
    );
    expect(rules(verdict)).toEqual([
      "psychotherapy-notes.authorization",
      "restriction.emergency-treatment",
      "part2.emergency",
      "treatment.provider",
      "minimum-necessary.treatment-exempt",
    ]);
    expect(verdict.outcome).toBe("authorization-required");
    expect(new Set(verdict.citations).size).toBe(verdict.citations.length);
  });
  it("copies the ACO match so callers cannot change the index", () => {
    const request = { ...TO_PROVIDER, recipient: { type: "provider", name: "Riverside Family Medicine" } } as const;
    const first = v(request, HARBOR_PROFILE);
    first.acoMatch!.participant = "changed";
    expect(v(request, HARBOR_PROFILE).acoMatch?.participant).toBe("Riverside Family Medicine, P.C.");
  });
  it("defaults information to general", () => {
    expect(v({ purpose: "treatment", recipient: { type: "provider" } })).toEqual(
      v({ purpose: "treatment", recipient: { type: "provider" }, information: ["general"] }),
    );
  });
});
