/** fast-check arbitraries for the core's property tests: valid requests and profiles. */
import fc from "fast-check";
import {
  DISCLOSER_ROLES,
  INFORMATION_KINDS,
  OPERATIONS_ACTIVITIES,
  OTHER_PURPOSES,
  PART2_CONSENTS,
  PURPOSES,
  RECIPIENT_TYPES,
  type DisclosureRequestInput,
  type OrgProfileInput,
} from "../../src/core/schema.ts";
import { npiWithCheckDigit } from "./npi.ts";

const NAMES = [
  "Riverside Family Medicine",
  "Riverside Family Medicine, P.C.",
  "Lakeside Cardiology",
  "Harbor Valley ACO",
  "The Acme Co",
  "Smith & Jones LLP",
  "",
];
const NPIS = ["1234567893", "1234567890", npiWithCheckDigit("166666666"), "12345", "1-234-567-893"];
const TINS = ["22-2222222", "222222222", "33-3333333", "1234", "abc"];
const DIRECT = ["intake@direct.lakeside.example", "x@mail.direct.lakeside.example", "not an address"];
const FAXES = ["(312) 555-0190", "1-312-555-0190", "555-0190"];
const ALIASES = ["@direct.lakeside.example", "intake@direct.lakeside.example", "312.555.0190", "Riverside FM", "Inc."];

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const bool = opt(fc.boolean());

/** Drops keys whose value is undefined, so requests look like what callers send. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const arbRequest: fc.Arbitrary<DisclosureRequestInput> = fc
  .record({
    discloser: opt(fc.constantFrom(...DISCLOSER_ROLES)),
    purpose: fc.constantFrom(...PURPOSES),
    operationsActivity: opt(fc.constantFrom(...OPERATIONS_ACTIVITIES)),
    otherPurpose: opt(fc.constantFrom(...OTHER_PURPOSES)),
    forProviderTreatment: bool,
    recipient: fc
      .record({
        type: fc.constantFrom(...RECIPIENT_TYPES),
        name: opt(fc.constantFrom(...NAMES)),
        tin: opt(fc.constantFrom(...TINS)),
        npi: opt(fc.constantFrom(...NPIS)),
        organization: opt(fc.constantFrom(...NAMES)),
        directAddress: opt(fc.constantFrom(...DIRECT)),
        fax: opt(fc.constantFrom(...FAXES)),
        inSameAco: bool,
        hasRelationshipWithPatient: bool,
        businessAssociateAgreement: bool,
        inSameOhca: bool,
      })
      .map(compact),
    information: opt(fc.uniqueArray(fc.constantFrom(...INFORMATION_KINDS), { minLength: 0, maxLength: 4 })),
    patient: opt(
      fc
        .record({
          authorizationOnFile: bool,
          part2Consent: opt(fc.constantFrom(...PART2_CONSENTS)),
          agreedRestriction: bool,
          selfPayRestriction: bool,
        })
        .map(compact),
    ),
    emergency: bool,
  })
  .map(compact);

export const arbProfile: fc.Arbitrary<OrgProfileInput> = fc
  .record({
    organization: fc.record({ name: fc.constant("Clinic"), role: fc.constantFrom(...DISCLOSER_ROLES) }),
    acos: fc.array(
      fc.record({
        id: fc.constantFrom("a", "b", "c"),
        name: fc.constantFrom("Harbor Valley ACO", "Summit Health Partners"),
        participants: fc.array(
          fc
            .record({
              name: fc.constantFrom(...NAMES),
              tin: opt(fc.constantFrom(...TINS)),
              npi: opt(fc.constantFrom(...NPIS)),
              aliases: opt(fc.uniqueArray(fc.constantFrom(...ALIASES), { maxLength: 3 })),
            })
            .map(compact),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 3 },
    ),
    policy: fc.record({
      outsideAco: fc.constantFrom("allow" as const, "review" as const),
      reviewCategories: fc.uniqueArray(fc.constantFrom(...INFORMATION_KINDS), { maxLength: 3 }),
    }),
    state: opt(fc.constantFrom("MN" as const, "TX" as const, "CA" as const, "NY" as const, "IL" as const, "MA" as const, "FL" as const)),
  })
  .map(compact);

/** The same profile with no policy overlay. */
export function withoutPolicy(profile: OrgProfileInput): OrgProfileInput {
  return { ...profile, policy: { outsideAco: "allow", reviewCategories: [] } };
}
