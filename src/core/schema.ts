/**
 * The rules core contract (../shared/docs/rules-contract.md) as zod schemas.
 * Names and values here are relied on by code outside this repo: add optional fields, rename nothing.
 */
import { z } from "zod";
import { OUTCOMES } from "./outcome.ts";

// Extension pages forbid eval; zod's JIT would otherwise try `new Function` on first parse.
z.config({ jitless: true });

export const DISCLOSER_ROLES = ["provider", "health-plan", "clearinghouse", "business-associate"] as const;
export const PURPOSES = ["treatment", "payment", "operations", "other"] as const;
export const OPERATIONS_ACTIVITIES = [
  "quality-improvement",
  "population-care-coordination",
  "case-management",
  "credentialing-peer-review",
  "training",
  "fraud-abuse-compliance",
  "business-management",
  "other",
] as const;
export const OTHER_PURPOSES = [
  "research",
  "marketing",
  "sale",
  "public-health",
  "law-enforcement",
  "judicial",
  "family-involvement",
  "employer",
  "patient-directed",
  "unspecified",
] as const;
export const RECIPIENT_TYPES = [
  "provider",
  "health-plan",
  "aco",
  "clearinghouse",
  "business-associate",
  "care-coordinator",
  "social-services",
  "family-or-friend",
  "employer",
  "patient",
  "other",
] as const;
export const INFORMATION_KINDS = [
  "general",
  "psychotherapy-notes",
  "sud-part2",
  "mental-health",
  "hiv",
  "genetic",
  "reproductive-health",
] as const;
export const PART2_CONSENTS = ["none", "tpo", "specific"] as const;
export { OUTCOMES };
export const ACO_PROGRAMS = ["mssp", "reach", "medicaid", "commercial", "other"] as const;
export const US_STATES = [
  "AL",
  "AK",
  "AZ",
  "AR",
  "CA",
  "CO",
  "CT",
  "DE",
  "DC",
  "FL",
  "GA",
  "HI",
  "ID",
  "IL",
  "IN",
  "IA",
  "KS",
  "KY",
  "LA",
  "ME",
  "MD",
  "MA",
  "MI",
  "MN",
  "MS",
  "MO",
  "MT",
  "NE",
  "NV",
  "NH",
  "NJ",
  "NM",
  "NY",
  "NC",
  "ND",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VT",
  "VA",
  "WA",
  "WV",
  "WI",
  "WY",
  "PR",
  "GU",
  "VI",
  "AS",
  "MP",
] as const;

export const DiscloserRole = z.enum(DISCLOSER_ROLES);
export const Purpose = z.enum(PURPOSES);
export const OperationsActivity = z.enum(OPERATIONS_ACTIVITIES);
export const OtherPurpose = z.enum(OTHER_PURPOSES);
export const RecipientType = z.enum(RECIPIENT_TYPES);
export const InformationKind = z.enum(INFORMATION_KINDS);
export const Part2Consent = z.enum(PART2_CONSENTS);
export const Outcome = z.enum(OUTCOMES);
export const AcoProgram = z.enum(ACO_PROGRAMS);
export const UsState = z.enum(US_STATES);

export const Recipient = z.object({
  type: RecipientType,
  name: z.string().optional(),
  tin: z.string().optional(),
  npi: z.string().optional(),
  /** v1.1: the recipient's practice or organisation when the page shows it apart from the person. */
  organization: z.string().optional(),
  /** v1.1: the Direct secure-messaging address the record goes to. */
  directAddress: z.string().optional(),
  /** v1.1: the fax number the record goes to. */
  fax: z.string().optional(),
  inSameAco: z.boolean().optional(),
  hasRelationshipWithPatient: z.boolean().optional(),
  businessAssociateAgreement: z.boolean().optional(),
  inSameOhca: z.boolean().optional(),
});

export const PatientFacts = z.object({
  authorizationOnFile: z.boolean().optional(),
  part2Consent: Part2Consent.optional(),
  agreedRestriction: z.boolean().optional(),
  selfPayRestriction: z.boolean().optional(),
});

export const DisclosureRequest = z.object({
  discloser: DiscloserRole.optional(),
  purpose: Purpose,
  operationsActivity: OperationsActivity.optional(),
  otherPurpose: OtherPurpose.optional(),
  forProviderTreatment: z.boolean().optional(),
  recipient: Recipient,
  information: z.array(InformationKind).default(["general"]),
  patient: PatientFacts.optional(),
  emergency: z.boolean().optional(),
});

export const Participant = z.object({
  name: z.string(),
  tin: z.string().optional(),
  npi: z.string().optional(),
  /**
   * v1.1: other ways the EHR names the participant: doing-business-as or practice names, Direct
   * addresses (`name@domain`) or whole Direct domains (`@domain`), fax or phone numbers.
   */
  aliases: z.array(z.string()).optional(),
});

export const Aco = z.object({
  id: z.string(),
  name: z.string(),
  program: AcoProgram.optional(),
  participants: z.array(Participant),
});

export const OrgPolicy = z.object({
  outsideAco: z.enum(["allow", "review"]).default("allow"),
  reviewCategories: z.array(InformationKind).default([]),
});

export const OrgProfile = z.object({
  organization: z.object({
    name: z.string(),
    role: DiscloserRole,
    tin: z.string().optional(),
    npi: z.string().optional(),
  }),
  acos: z.array(Aco),
  policy: OrgPolicy.prefault({}),
  state: UsState.optional(),
});

export const Reason = z.object({
  rule: z.string(),
  text: z.string(),
  citations: z.array(z.string()),
  source: z.enum(["law", "org-policy"]),
});

/** Which key matched the recipient to the participant (v1.1). */
export const MATCHED_BY = ["npi", "tin", "direct", "fax", "name", "alias"] as const;
export const MatchedBy = z.enum(MATCHED_BY);

export const AcoMatch = z.object({
  acoId: z.string(),
  acoName: z.string(),
  participant: z.string(),
  matchedBy: MatchedBy.optional(),
});

export const Verdict = z.object({
  outcome: Outcome,
  headline: z.string(),
  reasons: z.array(Reason),
  conditions: z.array(z.string()),
  cautions: z.array(z.string()),
  minimumNecessary: z.enum(["applies", "not-applicable"]),
  citations: z.array(z.string()),
  acoMatch: AcoMatch.optional(),
});

export type DiscloserRole = z.infer<typeof DiscloserRole>;
export type Purpose = z.infer<typeof Purpose>;
export type OperationsActivity = z.infer<typeof OperationsActivity>;
export type OtherPurpose = z.infer<typeof OtherPurpose>;
export type RecipientType = z.infer<typeof RecipientType>;
export type InformationKind = z.infer<typeof InformationKind>;
export type Part2Consent = z.infer<typeof Part2Consent>;
export type Outcome = z.infer<typeof Outcome>;
export type AcoProgram = z.infer<typeof AcoProgram>;
export type UsState = z.infer<typeof UsState>;
export type Recipient = z.infer<typeof Recipient>;
export type PatientFacts = z.infer<typeof PatientFacts>;
/** A parsed request: `information` is always present. */
export type DisclosureRequest = z.infer<typeof DisclosureRequest>;
/** What a caller may pass before parsing (`information` may be omitted). */
export type DisclosureRequestInput = z.input<typeof DisclosureRequest>;
export type Participant = z.infer<typeof Participant>;
export type Aco = z.infer<typeof Aco>;
export type OrgPolicy = z.infer<typeof OrgPolicy>;
export type OrgProfile = z.infer<typeof OrgProfile>;
export type OrgProfileInput = z.input<typeof OrgProfile>;
export type Reason = z.infer<typeof Reason>;
export type MatchedBy = z.infer<typeof MatchedBy>;
export type AcoMatch = z.infer<typeof AcoMatch>;
export type Verdict = z.infer<typeof Verdict>;
