/**
 * State law, state-law.* (45 CFR 160.203(b)): caution lines for the listed states and kinds, and the two
 * state consent requirements checked against their statutes (Minnesota, Texas), which add a
 * condition and never change a stricter federal outcome.
 */
import { type Facts, hasKind } from "../facts.ts";
import { isPermitted } from "../outcome.ts";
import type { InformationKind, Outcome, UsState } from "../schema.ts";
import { type Hit, type Rule, fire } from "../rule.ts";

/**
 * The state table, one row per state: the kinds that bring the row in ("any": every request from
 * an organisation in that state) and its caution text, verbatim. The line is added as a caution:
 * the whole line, once, whichever listed kinds are present.
 */
interface StateLine {
  kinds: readonly (InformationKind | "any")[];
  text: string;
}

export const STATE_LINES: Readonly<Partial<Record<UsState, StateLine>>> = {
  CA: {
    kinds: ["any", "hiv", "mental-health", "reproductive-health"],
    text: "Confidentiality of Medical Information Act (Cal. Civ. Code § 56 et seq.); HIV test results need written authorization except to the patient's providers for diagnosis, care or treatment, and not to health plans (Cal. Health & Safety Code §§ 120980, 120985); mental health records of LPS facilities (Cal. Welf. & Inst. Code § 5328)",
  },
  NY: {
    kinds: ["hiv", "mental-health", "genetic"],
    text: "HIV-related information only to listed persons or with a specific HIV release (N.Y. Public Health Law art. 27-F, § 2782); Mental Hygiene Law § 33.13; genetic test results (N.Y. Civil Rights Law § 79-l)",
  },
  IL: {
    kinds: ["hiv", "mental-health", "genetic"],
    text: "AIDS Confidentiality Act (410 ILCS 305); Mental Health and Developmental Disabilities Confidentiality Act (740 ILCS 110); Genetic Information Privacy Act (410 ILCS 513)",
  },
  TX: {
    kinds: ["mental-health", "hiv"],
    text: "Mental health records may go without consent to other professionals treating the patient but not to non-professionals (Tex. Health & Safety Code ch. 611, § 611.004); HIV test results are confidential (Tex. Health & Safety Code ch. 81)",
  },
  MA: {
    kinds: ["hiv", "genetic"],
    text: "HIV test results need the patient's written informed consent before disclosure (Mass. Gen. Laws c. 111, § 70F); genetic information (c. 111, § 70G)",
  },
  MN: {
    kinds: ["any"],
    text: "Minnesota Health Records Act (Minn. Stat. §§ 144.291–144.298): signed consent for most releases, even to other providers; exceptions include medical emergencies and current treatment within related health care entities (§ 144.293)",
  },
};

export const MN_CONSENT_CONDITION =
  "Minnesota: only with the patient's signed and dated consent (valid one year unless it says otherwise), unless the recipient is a provider within a related health care entity and this is for the patient's current treatment, or this is a medical emergency in which consent cannot be obtained (Minn. Stat. § 144.293).";
export const TX_MENTAL_HEALTH_CONDITION =
  "Texas: mental health records may go to this recipient only with the patient's written consent, unless it is a professional, or personnel working under a professional's direction, taking part in the patient's diagnosis, evaluation or treatment, or another recipient Tex. Health & Safety Code § 611.004(a) lists (for example, someone paying for the services).";

export const STATE_LAW_RULES = {
  mnConsent: {
    id: "state-law.mn-consent",
    outcomes: ["allowed-with-conditions"],
    citations: ["https://www.revisor.mn.gov/statutes/cite/144.293"],
    text: "Minnesota law requires the patient's signed consent for most releases of health records, even to another provider.",
    headline: "Minnesota law requires the patient's signed consent for most releases, even to another provider.",
  },
  txMentalHealth: {
    id: "state-law.tx-mental-health",
    outcomes: ["allowed-with-conditions"],
    citations: ["https://statutes.capitol.texas.gov/Docs/HS/htm/HS.611.htm#611.004"],
    text: "Texas law lets mental health records go without the patient's written consent to professionals treating the patient, not to other organisations.",
    headline: "Texas law needs the patient's written consent before mental health records go to this organisation.",
  },
} as const satisfies Record<string, Rule>;

export function stateLawCautions(f: Facts): string[] {
  const line = f.state ? STATE_LINES[f.state] : undefined;
  if (!line) return [];
  return line.kinds.some((kind) => kind === "any" || hasKind(f, kind)) ? [line.text] : [];
}

const TX_NON_PROFESSIONALS = new Set(["aco", "care-coordinator", "social-services", "other"]);

/** The state consent requirements, given the outcome of the federal gates. */
export function stateConsentRules(f: Facts, federalOutcome: Outcome): Hit[] {
  // Only where federal law permits without consent; not to the patient; an authorization is the patient's consent.
  if (!isPermitted(federalOutcome) || f.recipient.type === "patient" || f.authorization || f.discloser !== "provider") return [];
  const hits: Hit[] = [];
  if (f.state === "MN") {
    hits.push(fire(STATE_LAW_RULES.mnConsent, "allowed-with-conditions", { conditions: [MN_CONSENT_CONDITION] }));
  }
  if (f.state === "TX" && hasKind(f, "mental-health") && TX_NON_PROFESSIONALS.has(f.recipient.type)) {
    hits.push(fire(STATE_LAW_RULES.txMentalHealth, "allowed-with-conditions", { conditions: [TX_MENTAL_HEALTH_CONDITION] }));
  }
  return hits;
}
