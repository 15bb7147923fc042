/**
 * The request as the rules read it: the contract's fields with their defaults resolved (the
 * discloser from the profile's role), and the recipient classes the rules share computed once.
 */
import type {
  DiscloserRole,
  DisclosureRequest,
  InformationKind,
  OperationsActivity,
  OrgPolicy,
  OtherPurpose,
  Part2Consent,
  Purpose,
  Recipient,
  UsState,
} from "./schema.ts";

export interface Facts {
  /** `request.discloser ?? profile.organization.role ?? "provider"`. */
  discloser: DiscloserRole;
  purpose: Purpose;
  activity: OperationsActivity | undefined;
  /** For `purpose: "other"` only, absent read as "unspecified"; undefined for the other purposes. */
  otherPurpose: OtherPurpose | undefined;
  /**
   * `otherPurpose` as given, whatever the purpose: restriction.agreed, family.involvement and
   * employer.* read "family-involvement" and "employer" under any purpose.
   */
  statedOtherPurpose: OtherPurpose | undefined;
  forProviderTreatment: boolean | undefined;
  recipient: Recipient;
  information: readonly InformationKind[];
  authorization: boolean;
  part2Consent: Part2Consent;
  agreedRestriction: boolean;
  selfPayRestriction: boolean;
  emergency: boolean;
  /** `provider` or `health-plan`: a covered-entity recipient. */
  ceRecipient: boolean;
  /** business-associate or clearinghouse, or aco/care-coordinator/other with a BAA. */
  baRecipient: boolean;
  /** Neither a provider nor family, employer or the patient. */
  nonProviderRecipient: boolean;
  /** `inSameAco: true` or a profile match (rules/README.md, ACO matching). */
  inside: boolean;
  /** A profile is given, `inSameAco` is not true, and nothing matched. */
  outside: boolean;
  state: UsState | undefined;
  policy: OrgPolicy | undefined;
}

export interface ProfileFacts {
  role: DiscloserRole | undefined;
  state: UsState | undefined;
  policy: OrgPolicy | undefined;
  /** Whether a profile (and so an ACO list) was given. */
  hasProfile: boolean;
  matched: boolean;
}

const NON_PROVIDER_RECIPIENTS: ReadonlySet<Recipient["type"]> = new Set([
  "health-plan",
  "aco",
  "care-coordinator",
  "social-services",
  "clearinghouse",
  "business-associate",
  "other",
]);

export function isBaRecipient(recipient: Recipient): boolean {
  switch (recipient.type) {
    case "business-associate":
    case "clearinghouse":
      return true;
    case "aco":
    case "care-coordinator":
    case "other":
      return recipient.businessAssociateAgreement === true;
    default:
      return false;
  }
}

export function resolveFacts(request: DisclosureRequest, profile: ProfileFacts): Facts {
  const recipient = request.recipient;
  const patient = request.patient;
  return {
    discloser: request.discloser ?? profile.role ?? "provider",
    purpose: request.purpose,
    activity: request.operationsActivity,
    otherPurpose: request.purpose === "other" ? (request.otherPurpose ?? "unspecified") : undefined,
    statedOtherPurpose: request.otherPurpose,
    forProviderTreatment: request.forProviderTreatment,
    recipient,
    information: request.information,
    authorization: patient?.authorizationOnFile === true,
    part2Consent: patient?.part2Consent ?? "none",
    agreedRestriction: patient?.agreedRestriction === true,
    selfPayRestriction: patient?.selfPayRestriction === true,
    emergency: request.emergency === true,
    ceRecipient: recipient.type === "provider" || recipient.type === "health-plan",
    baRecipient: isBaRecipient(recipient),
    nonProviderRecipient: NON_PROVIDER_RECIPIENTS.has(recipient.type),
    inside: recipient.inSameAco === true || profile.matched,
    outside: profile.hasProfile && recipient.inSameAco !== true && !profile.matched,
    state: profile.state,
    policy: profile.policy,
  };
}

export function hasKind(facts: Facts, kind: InformationKind): boolean {
  return facts.information.includes(kind);
}

/** `treatment`, `payment` or `operations`. */
export function isTpo(facts: Facts): boolean {
  return facts.purpose !== "other";
}
