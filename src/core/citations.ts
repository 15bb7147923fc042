/**
 * Every citation a rule can emit, with a short title and its official address, for the UI's
 * links. CFR citations link to the eCFR section and, for a paragraph, to its anchor; web-address
 * citations (HHS guidance, state statutes) link to themselves. citations.test.ts fails if a rule
 * emits a citation missing here.
 */

export interface CitationInfo {
  title: string;
  url: string;
}

const CFR = /^(45|42) CFR (\d+)\.(\d+)((?:\([0-9A-Za-z]+\))*)$/;

/** eCFR address of a canonical CFR citation, e.g. "45 CFR 164.506(c)(2)". */
export function ecfrUrl(citation: string): string | undefined {
  const m = CFR.exec(citation);
  if (!m) return undefined;
  const [, title, part, section, paragraphs] = m;
  const base = `https://www.ecfr.gov/current/title-${title}/section-${part}.${section}`;
  return paragraphs ? `${base}#p-${part}.${section}${paragraphs}` : base;
}

const TITLES: Readonly<Record<string, string>> = {
  // 45 CFR Parts 160 and 164 (HIPAA)
  "45 CFR 160.103": "Definitions (business associate, organized health care arrangement)",
  "45 CFR 164.500(b)(1)": "Health care clearinghouse acting as a business associate",
  "45 CFR 164.501": "Definitions (treatment, payment, health care operations, psychotherapy notes)",
  "45 CFR 164.502(a)": "Uses and disclosures: only as the Privacy Rule permits or requires",
  "45 CFR 164.502(a)(1)(i)": "Permitted disclosure to the individual",
  "45 CFR 164.502(a)(1)(iv)": "Permitted disclosure under a valid authorization",
  "45 CFR 164.502(a)(3)": "Business associates: permitted uses and disclosures",
  "45 CFR 164.502(b)(1)": "Minimum necessary standard",
  "45 CFR 164.502(b)(2)(i)": "Minimum necessary exception: disclosures to a provider for treatment",
  "45 CFR 164.502(b)(2)(ii)": "Minimum necessary exception: disclosures to the individual",
  "45 CFR 164.502(b)(2)(iii)": "Minimum necessary exception: disclosures under an authorization",
  "45 CFR 164.502(e)(1)": "Disclosures to business associates",
  "45 CFR 164.504(e)": "Business associate contracts",
  "45 CFR 164.504(e)(2)": "Business associate contract: permitted uses and disclosures",
  "45 CFR 164.504(f)": "Group health plans and plan sponsors",
  "45 CFR 164.506(c)(1)": "Own treatment, payment and health care operations",
  "45 CFR 164.506(c)(2)": "Disclosure for treatment activities of a health care provider",
  "45 CFR 164.506(c)(3)": "Disclosure for another entity's payment",
  "45 CFR 164.506(c)(4)": "Disclosure for another covered entity's health care operations",
  "45 CFR 164.506(c)(5)": "Organized health care arrangement: joint health care operations",
  "45 CFR 164.508(a)(1)": "Authorization required",
  "45 CFR 164.508(a)(2)": "Authorization required: psychotherapy notes",
  "45 CFR 164.508(a)(2)(i)(C)": "Psychotherapy notes: covered entity defending a legal action by the individual",
  "45 CFR 164.508(a)(3)": "Authorization required: marketing",
  "45 CFR 164.508(a)(4)": "Authorization required: sale of protected health information",
  "45 CFR 164.508(b)(3)(ii)": "Compound authorizations: psychotherapy notes",
  "45 CFR 164.510(b)": "Persons involved in the individual's care",
  "45 CFR 164.512(b)": "Public health activities",
  "45 CFR 164.512(e)": "Judicial and administrative proceedings",
  "45 CFR 164.512(f)": "Law enforcement purposes",
  "45 CFR 164.512(i)": "Research",
  "45 CFR 164.514(d)": "Minimum necessary: implementation",
  "45 CFR 164.522(a)(1)(iii)": "Agreed restriction binds the covered entity",
  "45 CFR 164.522(a)(1)(iv)": "Agreed restriction: emergency treatment exception",
  "45 CFR 164.522(a)(1)(vi)": "Restriction on disclosure to a health plan of self-paid items",
  "45 CFR 164.524": "Individual's right of access",
  "45 CFR 164.524(a)(1)(i)": "Right of access: psychotherapy notes excluded",
  "45 CFR 164.524(c)(3)(ii)": "Right of access: copy sent to a person the individual designates",
  // 42 CFR Part 2
  "42 CFR 2.11": "Part 2 definitions (qualified service organization)",
  "42 CFR 2.12(c)(4)": "Qualified service organizations",
  "42 CFR 2.31": "Consent requirements",
  "42 CFR 2.31(a)(4)(i)": "Consent: recipients named or described",
  "42 CFR 2.31(a)(4)(ii)": "Consent: single consent for treatment, payment and health care operations",
  "42 CFR 2.32": "Notice and copy of consent to accompany disclosure",
  "42 CFR 2.33": "Uses and disclosures permitted with written consent",
  "42 CFR 2.33(a)(1)": "Disclosure consistent with the consent",
  "42 CFR 2.33(a)(2)": "Single consent for treatment, payment and health care operations",
  "42 CFR 2.33(b)(1)": "Redisclosure by covered entities and business associates",
  "42 CFR 2.51(a)(1)": "Medical emergencies",
  "42 CFR 2.51(c)": "Medical emergencies: documentation",
  "42 CFR 2.52": "Research",
  "42 CFR 2.53": "Management audits, financial audits and program evaluation",
  "42 CFR 2.54": "Disclosures for public health",
  "42 CFR 2.64": "Court orders authorizing disclosure for noncriminal purposes",
  "42 CFR 2.65": "Court orders authorizing disclosure for criminal investigation or prosecution",
};

const WEB: Readonly<Record<string, string>> = {
  "https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/access/index.html":
    "HHS guidance: individuals' right of access (with the notice on Ciox v. Azar)",
  "https://www.revisor.mn.gov/statutes/cite/144.293": "Minnesota Health Records Act, Minn. Stat. § 144.293",
  "https://statutes.capitol.texas.gov/Docs/HS/htm/HS.611.htm#611.004": "Texas Health and Safety Code § 611.004",
};

function build(): Readonly<Record<string, CitationInfo>> {
  const out: Record<string, CitationInfo> = {};
  for (const [citation, title] of Object.entries(TITLES)) {
    const url = ecfrUrl(citation);
    if (!url) throw new Error(`not a canonical CFR citation: ${citation}`);
    out[citation] = { title, url };
  }
  for (const [url, title] of Object.entries(WEB)) out[url] = { title, url };
  return Object.freeze(out);
}

/** Canonical citation -> { title, url }. */
export const CITATIONS: Readonly<Record<string, CitationInfo>> = build();

export function citationInfo(citation: string): CitationInfo | undefined {
  return Object.hasOwn(CITATIONS, citation) ? CITATIONS[citation] : undefined;
}
