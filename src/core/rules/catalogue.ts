/**
 * The rule catalogue: every rule family in the order evaluate() applies it, and the precedence
 * between them. rules-readme.ts renders it as src/core/rules/README.md (`npm run rules-doc`), so
 * that page is the rules as the code holds them; comments elsewhere cite rule ids found there.
 */
import type { Rule } from "../rule.ts";
import { AUTHORIZATION_RULES } from "./authorization.ts";
import { BUSINESS_ASSOCIATE_RULES } from "./business-associates.ts";
import { MINIMUM_NECESSARY_RULES } from "./minimum-necessary.ts";
import { PART2_RULES } from "./part2.ts";
import { POLICY_RULES } from "./policy.ts";
import { PSYCHOTHERAPY_RULES } from "./psychotherapy-notes.ts";
import { OPERATIONS_RULES } from "./purpose/operations.ts";
import { OTHER_PURPOSE_RULES } from "./purpose/other-purposes.ts";
import { PAYMENT_RULES } from "./purpose/payment.ts";
import { RECIPIENT_DECIDED_RULES } from "./purpose/recipient-decided.ts";
import { TREATMENT_RULES } from "./purpose/treatment.ts";
import { RESTRICTION_RULES } from "./restrictions.ts";
import { STATE_LAW_RULES } from "./state-law.ts";

export interface RuleGroup {
  /** The family's name as a reader looks for it. */
  readonly title: string;
  /** Its source file, relative to src/core/rules. */
  readonly file: string;
  /** What the family decides, in a sentence or two. */
  readonly about: string;
  readonly rules: readonly Rule[];
}

export const RULE_GROUPS: readonly RuleGroup[] = [
  {
    title: "Restrictions (gates a and b)",
    file: "restrictions.ts",
    about: "The self-pay restriction and a restriction the organisation agreed to (45 CFR 164.522(a)).",
    rules: Object.values(RESTRICTION_RULES),
  },
  {
    title: "Psychotherapy notes (gate c)",
    file: "psychotherapy-notes.ts",
    about:
      "Psychotherapy notes need the patient's authorization for nearly every disclosure (45 CFR 164.508(a)(2)); no emergency exception.",
    rules: Object.values(PSYCHOTHERAPY_RULES),
  },
  {
    title: "42 CFR Part 2 records (gate d)",
    file: "part2.ts",
    about:
      "Substance use disorder records from a Part 2 program, to anyone but the patient. A HIPAA authorization does not satisfy Part 2; the first rule that matches decides.",
    rules: Object.values(PART2_RULES),
  },
  {
    title: "Purpose gate: recipients decided by who they are (gate e)",
    file: "purpose/recipient-decided.ts",
    about:
      "The patient, someone involved in the patient's care, or an employer: decided before the purpose rules (family involvement and employer also when named as otherPurpose, whatever the purpose).",
    rules: Object.values(RECIPIENT_DECIDED_RULES),
  },
  {
    title: "Purpose gate: treatment (gate e)",
    file: "purpose/treatment.ts",
    about: "45 CFR 164.506(c)(2): a disclosure for a health care provider's treatment, to a provider or, with conditions, to anyone.",
    rules: Object.values(TREATMENT_RULES),
  },
  {
    title: "Purpose gate: payment (gate e)",
    file: "purpose/payment.ts",
    about: "45 CFR 164.506(c)(1) and (c)(3): the discloser's own payment, or another entity's.",
    rules: Object.values(PAYMENT_RULES),
  },
  {
    title: "Purpose gate: health care operations (gate e)",
    file: "purpose/operations.ts",
    about:
      "45 CFR 164.506(c)(1), (c)(4) and (c)(5). The first of ohca, other-covered-entity and business-associate that permits wins; otherwise one of the others says why not.",
    rules: Object.values(OPERATIONS_RULES),
  },
  {
    title: "Purpose gate: other purposes (gate e)",
    file: "purpose/other-purposes.ts",
    about: 'For purpose "other", by otherPurpose (absent reads as "unspecified").',
    rules: Object.values(OTHER_PURPOSE_RULES),
  },
  {
    title: "Business associates",
    file: "business-associates.ts",
    about:
      "A business associate or clearinghouse recipient needs an agreement whatever the purpose; a business associate or clearinghouse discloser is bound by its own.",
    rules: Object.values(BUSINESS_ASSOCIATE_RULES),
  },
  {
    title: "Authorization on file (gate f)",
    file: "authorization.ts",
    about: "A valid HIPAA authorization covering the disclosure.",
    rules: Object.values(AUTHORIZATION_RULES),
  },
  {
    title: "State law consent conditions",
    file: "state-law.ts",
    about:
      "State laws more stringent than HIPAA (45 CFR 160.203(b)) that require the patient's consent: a condition, only when federal law permits the disclosure. Other states' lines are cautions only.",
    rules: Object.values(STATE_LAW_RULES),
  },
  {
    title: "Minimum necessary",
    file: "minimum-necessary.ts",
    about: "Whether 45 CFR 164.502(b) applies, from the request's facts only; exactly one of these is the last reason of every verdict.",
    rules: Object.values(MINIMUM_NECESSARY_RULES),
  },
  {
    title: "Organisation policy (not law)",
    file: "policy.ts",
    about: "The organisation's own policy: it only raises a permitted outcome to needs-review, never lowers one, and cites nothing.",
    rules: Object.values(POLICY_RULES),
  },
];

/** How a recipient is matched to the profile's ACO participant lists (aco-match.ts). */
export const ACO_MATCHING: readonly string[] = [
  "Keys are tried in this order: NPI, TIN, Direct address, fax number, name. For each key the ACOs are walked in profile order and their participants in list order; the first hit wins, and the verdict's acoMatch.matchedBy says which key matched (npi, tin, direct, fax, name, or alias for a name that equalled one of the participant's aliases). recipient.inSameAco false skips matching; true still reports the match.",
  "NPI and TIN: digits only; a TIN has 9, an NPI 10 with a valid check digit (Luhn over 80840 and the digits), or 15 starting 80840 (read as its last 10). One that cannot be right is not used, and the verdict says so in a caution.",
  "Direct address: recipient.directAddress, or the name when it is one address local@domain; lower-cased; it matches an alias with the same full address or @domain with exactly the same domain (no sub-domains).",
  "Fax: recipient.fax, its 10 digits (a leading 1 of 11 dropped), against aliases that are phone numbers (10 or 11 digits, no letters).",
  'Name: the whole name, then recipient.organization, then (when the whole name did not match) each part of the name split at " — ", " – ", " - ", " · ", " | ", a line break or ", ". Each is compared with the participant\'s name and then its name aliases after normalisation: accents folded (NFKD), lower case, & as "and", .,\'"() dropped, hyphens, dashes and slashes as spaces, a leading "the" and up to two trailing legal suffixes (llc, pllc, llp, lp, inc, incorporated, corp, corporation, co, company, ltd, pc, pa, sc) dropped. Exact equality only; a name that normalises to nothing matches nothing.',
  "A recipient of type aco matches a listed ACO by the ACO's normalised name.",
  "Inside an ACO changes the law's outcome in one case only (operations.ohca-unknown); policy.outside-aco reads outside, except for the patient's own copy.",
];

/** What wins when several rules fire, as evaluate() applies it. */
export const PRECEDENCE: readonly string[] = [
  "Outcomes by strictness: not-allowed > authorization-required > needs-review > allowed-with-conditions > allowed. Every gate that fires adds its reason; the verdict takes the strictest law outcome.",
  "Each gate applies only its own exceptions: emergency treatment by a provider lifts an agreed restriction (restriction.emergency-treatment) and, for medical personnel, the Part 2 consent requirement (part2.emergency); it never lifts psychotherapy notes, the self-pay restriction, a business associate without an agreement, or any authorization requirement.",
  "An authorization on file (authorization.on-file) turns the purpose rule's outcome into allowed (the rule keeps its reason), switches off business-associate.no-agreement and the state consent conditions, turns a restriction into needs-review, and turns psychotherapy notes into allowed-with-conditions; it does not satisfy Part 2.",
  "A Part 2 TPO consent satisfies Part 2 for treatment, payment and operations toward covered entities and business associates only (part2.tpo-consent; otherwise part2.tpo-consent-scope); HIPAA still decides on top. part2.qso and part2.audit-evaluation apply only without a consent.",
  "So the self-pay and agreed restrictions and a business associate or clearinghouse without an agreement (not-allowed) beat everything; psychotherapy notes and a missing Part 2 consent (authorization-required) beat treatment, payment, operations and ACO membership.",
  "A business associate or clearinghouse discloser always adds its reason and condition (discloser.business-associate, discloser.clearinghouse): allowed becomes allowed-with-conditions.",
  "State consent requirements (state-law.*) then raise allowed to allowed-with-conditions, only when federal law permits the disclosure.",
  "Minimum necessary applying (minimum-necessary.applies) is itself a condition: a permitted outcome becomes at least allowed-with-conditions.",
  "Organisation policy (policy.*) then may raise allowed or allowed-with-conditions to needs-review, never lower anything; the headline then says it is the organisation's policy.",
  "Cautions never change the outcome. Reasons are listed strictest first (ties in the order of the groups above), minimum necessary last.",
];
