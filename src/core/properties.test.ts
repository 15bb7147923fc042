/** Property tests over arbitrary valid requests and profiles (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.ts";
import { OUTCOME_LABELS } from "./labels.ts";
import { OUTCOME_RANK, isPermitted } from "./outcome.ts";
import { formatIssues, parseRequest } from "./parse.ts";
import { OUTCOMES, Verdict, type DisclosureRequestInput } from "./schema.ts";
import { arbProfile, arbRequest, withoutPolicy } from "../../test/support/arbitraries.ts";

const profileOrNone = fc.option(arbProfile, { nil: undefined });
const RUNS = { numRuns: 1500 };
/** Bounded, with room for a loaded 2-core machine: the first property parses a fresh profile per run. */
const SLOW = 30_000;

describe("every valid request", () => {
  it(
    "gets a well-formed, explained, deterministic verdict",
    () => {
      fc.assert(
        fc.property(arbRequest, profileOrNone, (request, profile) => {
          const verdict = evaluate(request, profile);
          expect(Verdict.parse(verdict)).toEqual(verdict);
          expect(OUTCOMES).toContain(verdict.outcome);
          expect(verdict.reasons.some((r) => r.citations.length > 0)).toBe(true);
          for (const r of verdict.reasons) {
            if (r.source === "law") expect(r.citations.length).toBeGreaterThan(0);
            else expect(r.citations).toEqual([]);
            for (const c of r.citations) expect(verdict.citations).toContain(c);
          }
          expect(new Set(verdict.citations).size).toBe(verdict.citations.length);
          expect(new Set(verdict.conditions).size).toBe(verdict.conditions.length);
          expect(new Set(verdict.cautions).size).toBe(verdict.cautions.length);
          expect(verdict.reasons.at(-1)!.rule).toMatch(/^minimum-necessary\./);
          expect(evaluate(structuredClone(request), profile && structuredClone(profile))).toEqual(verdict);
          expect(evaluate(request, profile)).toEqual(verdict);
        }),
        RUNS,
      );
    },
    SLOW,
  );
  it("names the outcome in the headline and gives conditions whenever it has conditions", () => {
    fc.assert(
      fc.property(arbRequest, profileOrNone, (request, profile) => {
        const verdict = evaluate(request, profile);
        expect(verdict.headline.startsWith(`${OUTCOME_LABELS[verdict.outcome]}`)).toBe(true);
        const policyDecided = verdict.headline.startsWith("Needs review (your organisation's policy): ");
        if (policyDecided) expect(verdict.reasons[0]!.source).toBe("org-policy");
        // The one documented exception: business-associate.agreement contributes allowed-with-conditions
        // with no condition of its own, and under an authorization nothing else adds one (§5.5, §5.6).
        const bareAgreement = verdict.reasons.some((r) => r.rule === "business-associate.agreement");
        if (verdict.outcome === "allowed-with-conditions" && !bareAgreement) expect(verdict.conditions.length).toBeGreaterThan(0);
        if (verdict.minimumNecessary === "applies" && isPermitted(verdict.outcome)) {
          expect(verdict.outcome).toBe("allowed-with-conditions");
          expect(verdict.conditions).toContain("Send only the minimum necessary for the purpose.");
        }
      }),
      RUNS,
    );
  });
});

describe("safety", () => {
  it("psychotherapy notes without an authorization on file are never permitted", () => {
    fc.assert(
      fc.property(arbRequest, profileOrNone, (request, profile) => {
        const r: DisclosureRequestInput = {
          ...request,
          information: [...(request.information ?? []), "psychotherapy-notes"],
          patient: { ...request.patient, authorizationOnFile: false },
        };
        expect(isPermitted(evaluate(r, profile).outcome)).toBe(false);
      }),
      RUNS,
    );
  });
  it("a Part 2 record without consent is permitted only by 2.51 emergency, a QSO, or to the patient", () => {
    fc.assert(
      fc.property(arbRequest, profileOrNone, fc.constantFrom(undefined, "none" as const), (request, profile, part2Consent) => {
        const r: DisclosureRequestInput = {
          ...request,
          information: [...(request.information ?? []), "sud-part2"],
          patient: { ...request.patient, part2Consent },
        };
        const verdict = evaluate(r, profile);
        if (!isPermitted(verdict.outcome)) return;
        const rules = verdict.reasons.map((x) => x.rule);
        const type = r.recipient.type;
        const emergency = r.emergency === true && r.purpose === "treatment" && type === "provider" && rules.includes("part2.emergency");
        const qso = (r.purpose === "payment" || r.purpose === "operations") && rules.includes("part2.qso");
        expect(emergency || qso || type === "patient").toBe(true);
      }),
      RUNS,
    );
  });
  it("an agreed restriction is overridden only by the emergency-treatment exception", () => {
    fc.assert(
      fc.property(arbRequest, profileOrNone, (request, profile) => {
        const r: DisclosureRequestInput = { ...request, patient: { ...request.patient, agreedRestriction: true } };
        const bound = (r.purpose !== "other" || r.otherPurpose === "family-involvement") && r.recipient.type !== "patient";
        if (!bound) return;
        const verdict = evaluate(r, profile);
        if (isPermitted(verdict.outcome)) {
          expect(r.emergency === true && r.purpose === "treatment" && r.recipient.type === "provider").toBe(true);
          expect(verdict.reasons.map((x) => x.rule)).toContain("restriction.emergency-treatment");
        }
      }),
      RUNS,
    );
  });
  it("org policy never makes an outcome less strict than the same request without policy, nor changes the law's reasons", () => {
    fc.assert(
      fc.property(arbRequest, arbProfile, (request, profile) => {
        const withPolicy = evaluate(request, profile);
        const lawOnly = evaluate(request, withoutPolicy(profile));
        expect(OUTCOME_RANK[withPolicy.outcome]).toBeGreaterThanOrEqual(OUTCOME_RANK[lawOnly.outcome]);
        expect(withPolicy.reasons.filter((x) => x.source === "law").map((x) => x.rule)).toEqual(lawOnly.reasons.map((x) => x.rule));
        expect(withPolicy.minimumNecessary).toBe(lawOnly.minimumNecessary);
        if (withPolicy.outcome !== lawOnly.outcome) expect(withPolicy.outcome).toBe("needs-review");
      }),
      RUNS,
    );
  });
  it("ACO membership never makes the law's outcome more permissive than outside (§7), except the (c)(4) OHCA case", () => {
    fc.assert(
      fc.property(arbRequest, (request) => {
        const inside = evaluate({ ...request, recipient: { ...request.recipient, inSameAco: true } });
        const outside = evaluate({ ...request, recipient: { ...request.recipient, inSameAco: false } });
        if (OUTCOME_RANK[inside.outcome] < OUTCOME_RANK[outside.outcome]) {
          expect(inside.reasons.map((x) => x.rule)).toContain("operations.ohca-unknown");
          expect(inside.outcome).toBe("needs-review");
        }
      }),
      RUNS,
    );
  });
});

describe("invalid requests", () => {
  const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }));
  it("are rejected with messages that name the bad field", () => {
    const fields = [
      "purpose",
      "discloser",
      "operationsActivity",
      "otherPurpose",
      "forProviderTreatment",
      "information",
      "emergency",
      "patient",
      "recipient",
    ] as const;
    fc.assert(
      fc.property(arbRequest, fc.constantFrom(...fields), junk, (request, field, value) => {
        const bad = { ...request, [field]: value };
        const result = parseRequest(bad);
        if (result.success) return; // the junk happened to be valid for this field (e.g. an empty array)
        expect(formatIssues(result.error).some((m) => m.startsWith(field))).toBe(true);
        expect(() => evaluate(bad)).toThrow();
      }),
      RUNS,
    );
  });
  it("reject a bad recipient field naming recipient.<field>", () => {
    const fields = [
      "type",
      "name",
      "tin",
      "npi",
      "organization",
      "directAddress",
      "fax",
      "inSameAco",
      "hasRelationshipWithPatient",
      "businessAssociateAgreement",
      "inSameOhca",
    ] as const;
    fc.assert(
      fc.property(
        arbRequest,
        fc.constantFrom(...fields),
        fc.oneof(fc.integer(), fc.constant(null), fc.constant("maybe")),
        (request, field, value) => {
          const bad = { ...request, recipient: { ...request.recipient, [field]: value } };
          const result = parseRequest(bad);
          if (result.success) return; // a string is a valid name/tin/npi
          expect(formatIssues(result.error)).toContainEqual(expect.stringMatching(new RegExp(`^recipient\\.${field}: `)));
        },
      ),
      RUNS,
    );
  });
});
