/**
 * evaluate(): law gates, then state-law consent conditions, minimum
 * necessary, org policy, cautions, and assembly. Pure and deterministic.
 */
import {
  type AcoIndex,
  INVALID_IDENTIFIER_CAUTION,
  acoIndexOf,
  cachedAcoIndex,
  hasInvalidIdentifier,
  matchRecipient,
} from "./aco-match.ts";
import { type Facts, resolveFacts } from "./facts.ts";
import { OUTCOME_LABELS } from "./labels.ts";
import { OUTCOME_RANK, isPermitted, stricter } from "./outcome.ts";
import type { Hit } from "./rule.ts";
import { fire } from "./rule.ts";
import { authorization } from "./rules/authorization.ts";
import { businessAssociates } from "./rules/business-associates.ts";
import { MINIMUM_NECESSARY_CONDITION, minimumNecessary } from "./rules/minimum-necessary.ts";
import { part2 } from "./rules/part2.ts";
import { policy } from "./rules/policy.ts";
import { psychotherapyNotes } from "./rules/psychotherapy-notes.ts";
import { OTHER_PURPOSE_RULES } from "./rules/purpose/other-purposes.ts";
import { purposeGate } from "./rules/purpose/purpose-gate.ts";
import { restrictions } from "./rules/restrictions.ts";
import { sensitiveKindCautions } from "./rules/sensitive-kinds.ts";
import { stateConsentRules, stateLawCautions } from "./rules/state-law.ts";
import type { z } from "zod";
import { type AcoMatch, DisclosureRequest, type Outcome, OrgProfile, type OrgProfileInput, type Verdict } from "./schema.ts";

/** Everything in a profile but its ACO lists: small, and read afresh on every call. */
const ProfileHead = OrgProfile.omit({ acos: true });
type ProfileHead = z.infer<typeof ProfileHead>;

interface PreparedProfile {
  head: ProfileHead;
  index: AcoIndex;
}

/**
 * The ACO index is built once per `acos` array while its shape holds (acoIndexOf), the one part of a
 * profile too large to read per call. The rest is read afresh every time, so a policy, role or state
 * changed in place is never served stale (a stale policy could answer "allowed" where the organisation
 * asks for review): its parse is reused only while its JSON text is the same, which costs a fraction
 * of the parse. The whole profile is validated whenever its ACO lists get a new index: the first time
 * they are seen, and after they are edited in place.
 */
const validated = new WeakMap<object, AcoIndex>();
const heads = new WeakMap<object, { text: string; head: ProfileHead }>();

function headOf(input: OrgProfileInput): ProfileHead {
  const text = JSON.stringify([input.organization, input.policy, input.state]);
  const cached = heads.get(input);
  if (cached?.text === text) return cached.head;
  const head = ProfileHead.parse(input);
  heads.set(input, { text, head });
  return head;
}

function prepare(input: OrgProfileInput): PreparedProfile {
  const acos: unknown = typeof input === "object" && input !== null ? input.acos : undefined;
  const known = Array.isArray(acos) ? validated.get(acos) : undefined;
  if (known && cachedAcoIndex(input) === known) return { head: headOf(input), index: known };
  const profile = OrgProfile.parse(input);
  const index = acoIndexOf(input);
  validated.set(input.acos, index);
  return { head: profile, index };
}

function strictest(hits: readonly Hit[]): Outcome | undefined {
  let outcome: Outcome | undefined;
  for (const hit of hits) outcome = outcome === undefined ? hit.outcome : stricter(outcome, hit.outcome);
  return outcome;
}

function pushUnique(into: string[], seen: Set<string>, items: readonly string[]): void {
  for (const item of items) {
    if (!seen.has(item)) {
      seen.add(item);
      into.push(item);
    }
  }
}

/**
 * The verdict for a request. Throws the ZodError when the request (or the profile) fails its
 * schema; never throws on a valid one.
 */
export function evaluate(request: unknown, profile?: OrgProfileInput): Verdict {
  const parsed = DisclosureRequest.parse(request);
  const org = profile === undefined ? undefined : prepare(profile);
  let acoMatch: AcoMatch | undefined;
  let invalidIdentifier: boolean;
  if (org) {
    const m = matchRecipient(org.index, parsed.recipient);
    acoMatch = m.match;
    invalidIdentifier = m.invalidIdentifier;
  } else {
    invalidIdentifier = hasInvalidIdentifier(parsed.recipient);
  }
  const facts = resolveFacts(parsed, {
    role: org?.head.organization.role,
    state: org?.head.state,
    policy: org?.head.policy,
    hasProfile: org !== undefined,
    matched: acoMatch !== undefined,
  });
  const verdict = assemble(facts, invalidIdentifier);
  if (acoMatch) verdict.acoMatch = { ...acoMatch };
  return verdict;
}

function assemble(f: Facts, invalidIdentifier: boolean): Verdict {
  // The law gates, in the catalogue's order (rules/README.md).
  const findings = [restrictions(f), psychotherapyNotes(f), part2(f), purposeGate(f), businessAssociates(f), authorization(f)];
  const lawHits = findings.flatMap((x) => x.hits);
  // Every request reaches a purpose rule, business-associate.* or authorization.on-file; should none fire, fail safe to review (other.unspecified).
  if (lawHits.length === 0) lawHits.push(fire(OTHER_PURPOSE_RULES.unspecified, "needs-review"));
  const federal = strictest(lawHits) ?? "needs-review";
  const stateHits = stateConsentRules(f, federal);
  let law = stateHits.length > 0 ? stricter(federal, "allowed-with-conditions") : federal;

  // minimum-necessary.applies is itself a condition of a permitted disclosure.
  const mn = minimumNecessary(f);
  const permitted = isPermitted(law);
  if (mn.applies && permitted) law = stricter(law, "allowed-with-conditions");

  // Step 5: org policy only ever raises a permitted outcome to review.
  const policyHits = policy(f, law);
  const outcome: Outcome = policyHits.length > 0 && isPermitted(law) ? "needs-review" : law;

  // By weight (Array.prototype.sort is stable, so ties keep the catalogue's order); minimum necessary last.
  const ordered = [...lawHits, ...stateHits, ...policyHits].sort((a, b) => OUTCOME_RANK[b.outcome] - OUTCOME_RANK[a.outcome]);
  ordered.push(mn.hit);

  const conditions: string[] = [];
  const seenConditions = new Set<string>();
  const cautions: string[] = [];
  const seenCautions = new Set<string>();
  const citations: string[] = [];
  const seenCitations = new Set<string>();
  for (const hit of ordered) {
    pushUnique(conditions, seenConditions, hit.conditions);
    pushUnique(cautions, seenCautions, hit.cautions);
    pushUnique(citations, seenCitations, hit.citations);
  }
  if (permitted) {
    for (const x of findings) if (x.conditionsIfPermitted) pushUnique(conditions, seenConditions, x.conditionsIfPermitted);
    if (mn.applies) pushUnique(conditions, seenConditions, [MINIMUM_NECESSARY_CONDITION]);
  }
  for (const x of findings) pushUnique(cautions, seenCautions, x.cautions);
  if (invalidIdentifier) pushUnique(cautions, seenCautions, [INVALID_IDENTIFIER_CAUTION]);
  pushUnique(cautions, seenCautions, sensitiveKindCautions(f));
  pushUnique(cautions, seenCautions, stateLawCautions(f));

  return {
    outcome,
    headline: headline(outcome, ordered),
    reasons: ordered.map((hit) => ({ rule: hit.rule, text: hit.text, citations: [...hit.citations], source: hit.source })),
    conditions,
    cautions,
    minimumNecessary: mn.applies ? "applies" : "not-applicable",
    citations,
  };
}

/** One sentence: the outcome and the rule that decided it (the weightiest reason with that outcome). */
function headline(outcome: Outcome, ordered: readonly Hit[]): string {
  const deciding = ordered.find((hit) => hit.outcome === outcome);
  if (!deciding) return `${OUTCOME_LABELS[outcome]}: check with your privacy officer.`;
  const lead = deciding.source === "org-policy" ? `${OUTCOME_LABELS[outcome]} (your organisation's policy)` : OUTCOME_LABELS[outcome];
  return `${lead}: ${deciding.headline}`;
}
