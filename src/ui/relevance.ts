/**
 * Which follow-up questions and patient facts can change the answer for a request. The form shows only
 * those, and drops the answers to questions it no longer shows so a hidden fact never steers a verdict.
 */
import type { DisclosureRequest, Outcome, RecipientType } from "../core/schema.ts";

export type Relevance = {
  operationsActivity: boolean;
  otherPurpose: boolean;
  forProviderTreatment: boolean;
  authorizationOnFile: boolean;
  part2Consent: boolean;
  agreedRestriction: boolean;
  selfPayRestriction: boolean;
  emergency: boolean;
};

const PLAN_LIKE: ReadonlySet<RecipientType> = new Set(["health-plan", "clearinghouse", "business-associate"]);
const TPO = new Set(["treatment", "payment", "operations"]);

export function relevance(request: DisclosureRequest, outcome?: Outcome): Relevance {
  const { purpose, recipient, information, patient } = request;
  const part2 = information.includes("sud-part2");
  const agreedRestriction = TPO.has(purpose) || (purpose === "other" && request.otherPurpose === "family-involvement");
  return {
    operationsActivity: purpose === "operations",
    otherPurpose: purpose === "other",
    forProviderTreatment: purpose === "treatment" && recipient.type !== "provider",
    // Only once the answer hinges on it: an outcome that asks for one, purposes and kinds that usually do, or already ticked.
    authorizationOnFile:
      outcome === "authorization-required" ||
      purpose === "other" ||
      information.includes("psychotherapy-notes") ||
      patient?.authorizationOnFile === true,
    part2Consent: part2,
    agreedRestriction,
    selfPayRestriction: (purpose === "payment" || purpose === "operations") && PLAN_LIKE.has(recipient.type),
    emergency: purpose === "treatment" && (part2 || patient?.agreedRestriction === true),
  };
}

/** The request without answers to questions that are not shown for it. */
export function pruneIrrelevant(request: DisclosureRequest, outcome?: Outcome): DisclosureRequest {
  const r = relevance(request, outcome);
  const next: DisclosureRequest = { ...request, recipient: { ...request.recipient } };
  if (!r.operationsActivity) delete next.operationsActivity;
  if (!r.otherPurpose) delete next.otherPurpose;
  if (!r.forProviderTreatment) delete next.forProviderTreatment;
  if (!r.emergency) delete next.emergency;
  if (request.patient) {
    const patient = { ...request.patient };
    if (!r.part2Consent) delete patient.part2Consent;
    if (!r.agreedRestriction) delete patient.agreedRestriction;
    if (!r.selfPayRestriction) delete patient.selfPayRestriction;
    if (!r.authorizationOnFile) delete patient.authorizationOnFile;
    next.patient = patient;
  }
  // Emergency depends on the restriction, which may just have been dropped.
  if (next.emergency !== undefined && !relevance(next, outcome).emergency) delete next.emergency;
  return next;
}
