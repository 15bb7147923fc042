/**
 * Proven safety invariants (issue 11): every combination of the contract's enumerated request
 * fields that can change the outcome, under every profile variant that matters, checked
 * exhaustively (not sampled) against five invariants:
 *
 *  1. psychotherapy notes are never permitted without an authorization on file, and never plain
 *     "allowed" (psychotherapy-notes.authorization: the reference's exceptions give needs-review);
 *  2. a Part 2 record is never permitted without consent except by part2.emergency, part2.qso, or
 *     to the patient (§5.3);
 *  3. an agreed restriction is never lifted outside restriction.emergency-treatment (an
 *     authorization on file turns it into needs-review, never permitted), and the self-pay
 *     restriction never lets the item reach the health plan (§5.1, §5.6);
 *  4. organisation policy never loosens: the same request under the same profile without its
 *     policy is never stricter, the only change is to needs-review, and the law's reasons stay;
 *  5. every verdict cites: citations non-empty, each law reason cites, policy reasons cite
 *     nothing, and every citation has its title and address (citations.ts).
 *
 * Enumerated fully: purpose, recipient.type, patient.agreedRestriction,
 * patient.authorizationOnFile. Pruned, each where the reference reads the field only for some
 * purposes or recipients (the rule ids say where), or reads two values alike, so fixing it
 * cannot change an outcome (the tests at the end check the "alike" ones):
 *  1. discloser: provider, health-plan, business-associate. Absent resolves to the profile's role
 *     or "provider" (§4 step 1). A clearinghouse discloser is read as a business associate
 *     (discloser.clearinghouse: "the same", another citation).
 *  2. operationsActivity: absent for the other purposes (operations.*, part2.audit-evaluation
 *     read it only for operations). For operations, one value of each class the reference tells
 *     apart (§2 table, §5.3): usable under 164.506(c)(4) and a 2.53 audit (quality-improvement;
 *     also fraud-abuse-compliance, credentialing-peer-review), usable under (c)(4) only
 *     (training; also population-care-coordination, case-management), neither
 *     (business-management; also other, absent). A test below checks every member gives its
 *     class's outcomes.
 *  3. otherPurpose: all ten for purpose "other" (absent is "unspecified", §5.4); for treatment,
 *     payment and operations only absent, "family-involvement" and "employer", the two values
 *     read whatever the purpose (family.involvement, employer.*, restriction.agreed).
 *  4. forProviderTreatment (true/false/absent) and emergency (true/false) only for treatment:
 *     treatment.*, minimum-necessary.treatment-exempt, part2.emergency and
 *     restriction.emergency-treatment read them only for treatment.
 *  5. hasRelationshipWithPatient and inSameOhca (true/false/absent each) only for operations to a
 *     covered-entity recipient (provider, health-plan): operations.ohca, other-covered-entity,
 *     ohca-unknown and no-relationship read them only there.
 *  6. businessAssociateAgreement (true/false/absent) only for the recipients §2 and §5.5 read it
 *     for: aco, care-coordinator, other, business-associate, clearinghouse.
 *  7. selfPayRestriction only for payment and operations to a health-plan, clearinghouse or
 *     business-associate recipient (restriction.self-pay, restriction.self-pay-intermediary).
 *  8. authorizationOnFile false is the same as absent (authorization.on-file reads true only);
 *     emergency false the same as absent.
 *  9. part2Consent (absent = "none", "tpo", "specific") only with "sud-part2" in information:
 *     part2.* fire only then.
 * 10. recipient.inSameAco, name, TIN, NPI: through the profile variants (inside: a listed name;
 *     outside: an unlisted one; no profile: inSameAco absent or true), since §7 reads them only
 *     to decide inside or outside.
 * 11. information: every subset of psychotherapy-notes and sud-part2 (the empty subset is
 *     ["general"]). hiv, genetic, reproductive-health and mental-health only add cautions (§5.7),
 *     like general; mental-health is read by one rule, state-law.tx-mental-health, so the TX
 *     variant adds it to every request. The review policy lists psychotherapy-notes, which covers
 *     policy.review-category (its overlay reads any kind alike).
 *
 * Profile variants: no profile; inside and outside an ACO with the policy allowing; inside and
 * outside with the policy asking for review (outside ACOs, and psychotherapy-notes); each state with a
 * consent condition (MN, TX; §10), for provider disclosers, the only ones state-law.* read; and,
 * for operations (operations.ohca-unknown is the one rule that reads inside without a profile),
 * no profile with inSameAco true.
 */
import { describe, expect, it } from "vitest";
import { citationInfo } from "./citations.ts";
import { evaluate } from "./evaluate.ts";
import { isBaRecipient } from "./facts.ts";
import { OUTCOME_RANK, isPermitted } from "./outcome.ts";
import {
  type DiscloserRole,
  type DisclosureRequestInput,
  type InformationKind,
  OPERATIONS_ACTIVITIES,
  type OperationsActivity,
  OTHER_PURPOSES,
  type OrgProfileInput,
  PURPOSES,
  type Purpose,
  RECIPIENT_TYPES,
  type RecipientType,
  type Verdict,
} from "./schema.ts";

const ACO_NAME = "Harbor Valley ACO";
const LISTED = "Inside Clinic";

function profile(policy: "allow" | "review", state?: "MN" | "TX"): OrgProfileInput {
  return {
    organization: { name: "Maple Street Primary Care", role: "provider" },
    acos: [{ id: "aco", name: ACO_NAME, participants: [{ name: LISTED }] }],
    policy:
      policy === "review"
        ? { outsideAco: "review", reviewCategories: ["psychotherapy-notes"] }
        : { outsideAco: "allow", reviewCategories: [] },
    ...(state ? { state } : {}),
  };
}

const ALLOW = profile("allow");
const REVIEW = profile("review");
const MN = profile("allow", "MN");
const TX = profile("allow", "TX");

const CE_RECIPIENTS: ReadonlySet<RecipientType> = new Set(["provider", "health-plan"]);
const BAA_READERS: ReadonlySet<RecipientType> = new Set(["aco", "care-coordinator", "other", "business-associate", "clearinghouse"]);
const SELF_PAY_READERS: ReadonlySet<RecipientType> = new Set(["health-plan", "clearinghouse", "business-associate"]);
const NOT_BOUND_BY_RESTRICTION = new Set(["research", "public-health", "law-enforcement", "judicial"]);
const TRI = [undefined, true, false] as const;

/** Every subset of the kinds that can change an outcome; the empty one is plain general information. */
function informationSets(kinds: readonly InformationKind[]): InformationKind[][] {
  return Array.from({ length: 2 ** kinds.length }, (_, mask) => {
    const set = kinds.filter((_, bit) => mask & (1 << bit));
    return set.length > 0 ? set : ["general"];
  });
}
const INFORMATION = informationSets(["psychotherapy-notes", "sud-part2"]);
const DISCLOSERS: readonly DiscloserRole[] = ["provider", "health-plan", "business-associate"];

/** One operations activity per class the reference tells apart (pruning 2), and the members of each. */
const ACTIVITY_CLASSES = {
  "quality-improvement": ["quality-improvement", "fraud-abuse-compliance", "credentialing-peer-review"],
  training: ["training", "population-care-coordination", "case-management"],
  "business-management": ["business-management", "other", undefined],
} as const;
const ACTIVITIES = Object.keys(ACTIVITY_CLASSES) as (keyof typeof ACTIVITY_CLASSES)[];

interface Space {
  kinds?: InformationKind[][];
  activities?: readonly (OperationsActivity | undefined)[];
  disclosers?: readonly DiscloserRole[];
  purposes?: readonly Purpose[];
}

/** Drops undefined fields, so each request looks as a caller would send it. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Every request of the pruned space (header comment), recipient name left to the profile variant. */
function* requests({
  kinds = INFORMATION,
  activities = ACTIVITIES,
  disclosers = DISCLOSERS,
  purposes = PURPOSES,
}: Space = {}): Generator<DisclosureRequestInput> {
  for (const discloser of disclosers)
    for (const purpose of purposes)
      for (const activity of purpose === "operations" ? activities : [undefined])
        for (const otherPurpose of purpose === "other" ? OTHER_PURPOSES : ([undefined, "family-involvement", "employer"] as const))
          for (const forProviderTreatment of purpose === "treatment" ? TRI : [undefined])
            for (const emergency of purpose === "treatment" ? [false, true] : [false])
              for (const type of RECIPIENT_TYPES) {
                const opsToCe = purpose === "operations" && CE_RECIPIENTS.has(type);
                for (const hasRelationshipWithPatient of opsToCe ? TRI : [undefined])
                  for (const inSameOhca of opsToCe ? TRI : [undefined])
                    for (const businessAssociateAgreement of BAA_READERS.has(type) ? TRI : [undefined])
                      for (const selfPayRestriction of (purpose === "payment" || purpose === "operations") && SELF_PAY_READERS.has(type)
                        ? [false, true]
                        : [false])
                        for (const information of kinds)
                          for (const part2Consent of information.includes("sud-part2")
                            ? ([undefined, "tpo", "specific"] as const)
                            : [undefined])
                            for (const authorizationOnFile of [false, true])
                              for (const agreedRestriction of [false, true])
                                yield compact({
                                  discloser,
                                  purpose,
                                  operationsActivity: activity,
                                  otherPurpose,
                                  forProviderTreatment,
                                  emergency: emergency || undefined,
                                  recipient: compact({ type, hasRelationshipWithPatient, inSameOhca, businessAssociateAgreement }),
                                  information,
                                  patient: compact({
                                    authorizationOnFile: authorizationOnFile || undefined,
                                    agreedRestriction: agreedRestriction || undefined,
                                    selfPayRestriction: selfPayRestriction || undefined,
                                    part2Consent,
                                  }),
                                });
              }
}

function named(request: DisclosureRequestInput, inside: boolean): DisclosureRequestInput {
  const name = request.recipient.type === "aco" ? (inside ? ACO_NAME : "Elsewhere ACO") : inside ? LISTED : "Outside Clinic";
  return { ...request, recipient: { ...request.recipient, name } };
}

/** Collects failures instead of throwing at the first, so one run reports every broken invariant (first few of each). */
class Failures {
  readonly byInvariant = new Map<string, { count: number; examples: string[] }>();
  add(invariant: string, request: DisclosureRequestInput, variant: string, verdict: Verdict): void {
    const entry = this.byInvariant.get(invariant) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 3)
      entry.examples.push(
        `${variant}: ${JSON.stringify(request)} -> ${verdict.outcome} [${verdict.reasons.map((r) => r.rule).join(", ")}]`,
      );
    this.byInvariant.set(invariant, entry);
  }
  report(): string[] {
    return [...this.byInvariant].map(([name, { count, examples }]) => `${name}: ${count} combinations, e.g.\n  ${examples.join("\n  ")}`);
  }
}

const knownCitation = new Map<string, boolean>();
function cites(citation: string): boolean {
  let known = knownCitation.get(citation);
  if (known === undefined) knownCitation.set(citation, (known = citationInfo(citation) !== undefined));
  return known;
}

/** Invariants 1, 2, 3 and 5 on one verdict. */
function checkLaw(request: DisclosureRequestInput, verdict: Verdict, variant: string, failures: Failures): void {
  const info = request.information ?? ["general"];
  const patient = request.patient ?? {};
  const recipient = request.recipient;
  const rules = verdict.reasons.map((r) => r.rule);
  const permitted = isPermitted(verdict.outcome);
  const treatmentByProvider = request.purpose === "treatment" && recipient.type === "provider" && request.forProviderTreatment !== false;

  // 5. Every verdict cites.
  const citesWell =
    verdict.citations.length > 0 &&
    verdict.reasons.every((r) => (r.source === "law" ? r.citations.length > 0 : r.citations.length === 0)) &&
    verdict.citations.every(cites);
  if (!citesWell) failures.add("5. every verdict cites", request, variant, verdict);

  // 1. Psychotherapy notes.
  if (info.includes("psychotherapy-notes")) {
    if (
      verdict.outcome === "allowed" ||
      (permitted && !patient.authorizationOnFile) ||
      !rules.includes("psychotherapy-notes.authorization")
    ) {
      failures.add("1. psychotherapy notes only with an authorization", request, variant, verdict);
    }
  }

  // 2. Part 2 without consent.
  if (info.includes("sud-part2") && recipient.type !== "patient" && (patient.part2Consent ?? "none") === "none" && permitted) {
    const emergency = request.emergency === true && treatmentByProvider && rules.includes("part2.emergency");
    const payOrOps = request.purpose === "payment" || request.purpose === "operations";
    const qso =
      payOrOps &&
      isBaRecipient({ ...recipient, type: recipient.type }) &&
      recipient.businessAssociateAgreement !== false &&
      rules.includes("part2.qso");
    if (!emergency && !qso) failures.add("2. Part 2 only with consent or a listed exception", request, variant, verdict);
  }

  // 3. Agreed restriction, and the self-pay restriction.
  const tpo = request.purpose !== "other";
  const bound =
    (tpo || request.otherPurpose === "family-involvement") &&
    recipient.type !== "patient" &&
    !(request.purpose === "other" && NOT_BOUND_BY_RESTRICTION.has(request.otherPurpose ?? ""));
  if (patient.agreedRestriction && bound) {
    const exception = request.emergency === true && treatmentByProvider;
    const expected = exception ? undefined : patient.authorizationOnFile ? "needs-review" : "not-allowed";
    const lifted = permitted && !(exception && rules.includes("restriction.emergency-treatment"));
    const tooWeak = expected !== undefined && OUTCOME_RANK[verdict.outcome] < OUTCOME_RANK[expected];
    if (lifted || tooWeak || !rules.some((r) => r.startsWith("restriction.")))
      failures.add("3. agreed restriction kept outside its exception", request, variant, verdict);
  }
  if (
    patient.selfPayRestriction &&
    recipient.type === "health-plan" &&
    (request.purpose === "payment" || request.purpose === "operations") &&
    request.discloser !== "health-plan"
  ) {
    if (permitted || !rules.includes("restriction.self-pay")) failures.add("3. self-pay restriction kept", request, variant, verdict);
  }
}

/** Invariant 4: the policy variant against the same request and profile without the policy. */
function checkPolicy(request: DisclosureRequestInput, withPolicy: Verdict, lawOnly: Verdict, variant: string, failures: Failures): void {
  const lawReasons = (v: Verdict) => v.reasons.filter((r) => r.source === "law").map((r) => r.rule);
  const loosened = OUTCOME_RANK[withPolicy.outcome] < OUTCOME_RANK[lawOnly.outcome];
  const changedOtherwise = withPolicy.outcome !== lawOnly.outcome && withPolicy.outcome !== "needs-review";
  const sameLaw =
    JSON.stringify(lawReasons(withPolicy)) === JSON.stringify(lawReasons(lawOnly)) &&
    withPolicy.minimumNecessary === lawOnly.minimumNecessary;
  if (loosened || changedOtherwise || !sameLaw) failures.add("4. policy never loosens", request, variant, withPolicy);
}

describe("safety invariants over every combination that can change the outcome", () => {
  it("hold for every request under every profile variant", () => {
    const failures = new Failures();
    let combinations = 0;
    let evaluations = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const request of requests()) {
      const noProfile = evaluate(request);
      checkLaw(request, noProfile, "no profile", failures);
      evaluations++;
      if (request.purpose === "operations") {
        const sameAco = { ...request, recipient: { ...request.recipient, inSameAco: true } };
        checkLaw(sameAco, evaluate(sameAco), "no profile, inSameAco", failures);
        evaluations++;
      }
      for (const inside of [true, false]) {
        const r = named(request, inside);
        const where = inside ? "inside" : "outside";
        const law = evaluate(r, ALLOW);
        const reviewed = evaluate(r, REVIEW);
        if ((law.acoMatch !== undefined) !== inside) failures.add("profile variant is what it says", r, where, law);
        checkLaw(r, law, where, failures);
        checkLaw(r, reviewed, `${where}, review policy`, failures);
        checkPolicy(r, reviewed, law, `${where}, review policy`, failures);
        evaluations += 2;
      }
      if (request.discloser === "provider") {
        const outside = named(request, false);
        checkLaw(outside, evaluate(outside, MN), "MN", failures);
        const withMentalHealth = { ...outside, information: [...(outside.information ?? []), "mental-health" as const] };
        checkLaw(withMentalHealth, evaluate(withMentalHealth, TX), "TX", failures);
        evaluations += 2;
      }
      combinations++;
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    console.log(
      `invariants: ${combinations.toLocaleString("en-US")} request combinations, ${evaluations.toLocaleString("en-US")} verdicts under their profile variants, checked in ${seconds.toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} s CPU)`,
    );
    expect(failures.report()).toEqual([]);
    // The space is what the header says: a change to the pruning shows here.
    expect(combinations).toBe(EXPECTED_COMBINATIONS);
  }, 300_000); // ~14 s of CPU; the bound leaves room for a machine shared by several test runs

  it("the checks fail on verdicts that break each invariant", () => {
    const failures = new Failures();
    const allowed = evaluate({ purpose: "treatment", recipient: { type: "provider" } });
    const forged = (patch: Partial<Verdict>): Verdict => ({ ...allowed, ...patch });
    checkLaw({ purpose: "treatment", recipient: { type: "provider" }, information: ["psychotherapy-notes"] }, allowed, "forged", failures);
    checkLaw({ purpose: "payment", recipient: { type: "health-plan" }, information: ["sud-part2"] }, allowed, "forged", failures);
    checkLaw({ purpose: "treatment", recipient: { type: "provider" }, patient: { agreedRestriction: true } }, allowed, "forged", failures);
    checkLaw(
      { purpose: "payment", recipient: { type: "health-plan" }, patient: { selfPayRestriction: true } },
      allowed,
      "forged",
      failures,
    );
    checkLaw({ purpose: "treatment", recipient: { type: "provider" } }, forged({ citations: [] }), "forged", failures);
    checkLaw({ purpose: "treatment", recipient: { type: "provider" } }, forged({ citations: ["45 CFR 999.1"] }), "forged", failures);
    checkPolicy(
      { purpose: "treatment", recipient: { type: "provider" } },
      allowed,
      forged({ outcome: "needs-review" }),
      "forged",
      failures,
    );
    expect([...failures.byInvariant.keys()].sort()).toEqual([
      "1. psychotherapy notes only with an authorization",
      "2. Part 2 only with consent or a listed exception",
      "3. agreed restriction kept outside its exception",
      "3. self-pay restriction kept",
      "4. policy never loosens",
      "5. every verdict cites",
    ]);
    expect(failures.byInvariant.get("5. every verdict cites")!.count).toBe(2);
  });

  it("the pruned values give the outcomes their stand-ins give (pruning 1 and 11)", () => {
    let compared = 0;
    // Outside an ACO with the policy allowing: the variant where nothing but the law decides.
    for (const request of requests({ kinds: [["general"], ["psychotherapy-notes"], ["sud-part2"]] })) {
      const r = named(request, false);
      const base = evaluate(r, ALLOW).outcome;
      const variants: [string, DisclosureRequestInput][] = (["hiv", "genetic", "reproductive-health", "mental-health"] as const).map(
        (kind) => [kind, { ...r, information: [...(r.information ?? []), kind] }],
      );
      if (r.discloser === "business-associate") variants.push(["a clearinghouse discloser", { ...r, discloser: "clearinghouse" }]);
      for (const [what, variant] of variants) {
        if (evaluate(variant, ALLOW).outcome !== base) throw new Error(`${what} changes the outcome of ${JSON.stringify(r)}`);
        compared++;
      }
    }
    console.log(`invariants: ${compared.toLocaleString("en-US")} pruned values compared with their stand-ins`);
    expect(compared).toBeGreaterThan(10_000);
  }, 120_000);

  it("every operations activity gives its class's outcomes (pruning 2)", () => {
    let compared = 0;
    const members = Object.entries(ACTIVITY_CLASSES) as [keyof typeof ACTIVITY_CLASSES, readonly (OperationsActivity | undefined)[]][];
    expect(new Set(members.flatMap(([, m]) => m))).toEqual(new Set([undefined, ...OPERATIONS_ACTIVITIES]));
    for (const [representative, activities] of members) {
      for (const request of requests({
        purposes: ["operations"],
        activities: [representative],
        disclosers: ["provider"],
        kinds: [["general"], ["sud-part2"]],
      })) {
        const inside = named(request, true);
        const base = evaluate(request).outcome;
        const baseInside = evaluate(inside, ALLOW).outcome;
        for (const activity of activities) {
          const other = compact({ ...request, operationsActivity: activity });
          if (evaluate(other).outcome !== base || evaluate(named(other, true), ALLOW).outcome !== baseInside) {
            throw new Error(`${String(activity)} differs from ${representative}: ${JSON.stringify(request)}`);
          }
          compared += 2;
        }
      }
    }
    console.log(`invariants: ${compared.toLocaleString("en-US")} activity swaps compared`);
    expect(compared).toBeGreaterThan(10_000);
  }, 120_000);
});

const EXPECTED_COMBINATIONS = 109_440;
