/**
 * The ACO fact a verdict leads with when the recipient is inside an ACO: which participant, in which
 * of the organisation's ACOs (every one it is listed in), and by what it was matched, in the words a
 * clinician can check against the page ("Direct domain direct.lakeside.example", "fax 312-555-0190",
 * "you typed X, your list has Y"). Pure, on top of the ACO matching (findAcoMemberships; "ACO matching" in rules/README.md): the popup
 * computes it with the profile it holds; the in-page panel, which has only the verdict, from the
 * verdict's own match.
 */
import { z } from "zod";
import { acoIndexOf, findAcoMemberships, type AcoMembership as Found } from "./aco-match.ts";
import { directAddressKey } from "./match-keys.ts";
import { AcoProgram, type DisclosureRequest, type MatchedBy, type OrgProfileInput, type Verdict } from "./schema.ts";

/** HHS OCR's FAQ on disclosures to value-based care arrangements such as ACOs for treatment (the ground of `treatment.any-recipient`). */
export const VALUE_BASED_CARE_FAQ =
  "https://www.hhs.gov/hipaa/for-professionals/faq/may-health-care-providers-disclose-phi-in-value-based-care-arrangements/index.html";

/** The regulation the ACO lines rest on: disclosure for a provider's treatment, whoever the recipient. */
export const ACO_FACT_CITATION = "45 CFR 164.506(c)(2)";

/** What matched, with the values to show. */
export const MatchKey = z.discriminatedUnion("by", [
  z.object({ by: z.enum(["npi", "tin", "fax", "direct-address", "direct-domain"]), value: z.string() }),
  z.object({ by: z.enum(["name", "alias"]), typed: z.string(), listed: z.string() }),
]);
export type MatchKey = z.infer<typeof MatchKey>;

export const AcoMembership = z.object({
  acoId: z.string(),
  acoName: z.string(),
  program: AcoProgram.optional(),
  /** The participant's name as the list stores it. */
  participant: z.string(),
  /** What matched in this ACO; undefined when the caller cannot tell (it has the verdict but not the request). */
  key: MatchKey.optional(),
});
export type AcoMembership = z.infer<typeof AcoMembership>;

export const AcoFact = z.object({
  /** Every ACO the recipient is in, the verdict's own match first. Empty only for "caller". */
  memberships: z.array(AcoMembership),
  /** The caller (the page or the request) said the recipient is inside; nothing in the lists matched. */
  caller: z.boolean().optional(),
});
export type AcoFact = z.infer<typeof AcoFact>;

const digits = (value: string) => value.replace(/\D/g, "");

/** A 10-digit phone number as 312-555-0190 (a leading 1 of 11 dropped); anything else as given. */
export function formatPhone(value: string): string {
  const d = digits(value);
  const ten = d.length === 11 && d.startsWith("1") ? d.slice(1) : d;
  return ten.length === 10 ? `${ten.slice(0, 3)}-${ten.slice(3, 6)}-${ten.slice(6)}` : value.trim();
}

function keyOf(matchedBy: MatchedBy, given: string, listed: string): MatchKey {
  switch (matchedBy) {
    case "npi":
    case "tin":
      return { by: matchedBy, value: given.trim() };
    case "fax":
      return { by: "fax", value: formatPhone(given) };
    case "direct": {
      const address = directAddressKey(given);
      // A whole-domain alias is written "@domain"; anything else is the full address.
      if (listed.startsWith("@") || !address) return { by: "direct-domain", value: address?.domain ?? listed.replace(/^@/, "") };
      return { by: "direct-address", value: address.address };
    }
    case "name":
    case "alias":
      return { by: matchedBy, typed: given.trim(), listed };
  }
}

function membership(m: Found): AcoMembership {
  return {
    acoId: m.acoId,
    acoName: m.acoName,
    ...(m.program ? { program: m.program } : {}),
    participant: m.participant,
    key: keyOf(m.matchedBy, m.given, m.listed),
  };
}

/** Without the lists, what the verdict's match and the request say: the given value, and the listed name. */
function fromVerdictOnly(request: DisclosureRequest, match: NonNullable<Verdict["acoMatch"]>): AcoMembership {
  const r = request.recipient;
  const value: Partial<Record<MatchedBy, string | undefined>> = {
    npi: r.npi,
    tin: r.tin,
    fax: r.fax,
    direct: r.directAddress ?? r.name,
  };
  const given = match.matchedBy ? value[match.matchedBy] : undefined;
  let key: MatchKey | undefined;
  if (match.matchedBy === "direct" && given) {
    const address = directAddressKey(given);
    if (address) key = { by: "direct-address", value: address.address };
  } else if (match.matchedBy && given) key = keyOf(match.matchedBy, given, match.participant);
  else if (match.matchedBy === "name" && r.name) key = { by: "name", typed: r.name.trim(), listed: match.participant };
  return { acoId: match.acoId, acoName: match.acoName, participant: match.participant, ...(key ? { key } : {}) };
}

/**
 * The ACO fact for a verdict on `request`, or undefined when the recipient is not inside an ACO.
 * With the profile: every ACO the recipient is in (findAcoMemberships, in matching order, so the verdict's
 * match comes first). Without it: only the verdict's own match.
 */
export function acoFact(
  request: DisclosureRequest,
  verdict: Pick<Verdict, "acoMatch">,
  profile?: Pick<OrgProfileInput, "acos">,
): AcoFact | undefined {
  const match = verdict.acoMatch;
  if (!match) return request.recipient.inSameAco === true ? { memberships: [], caller: true } : undefined;
  if (profile) {
    const found = findAcoMemberships(acoIndexOf(profile), request.recipient).map(membership);
    // The verdict's match first, should the lists have changed between the verdict and now.
    const own = found.findIndex((m) => m.acoId === match.acoId && m.participant === match.participant);
    if (own > 0) found.unshift(...found.splice(own, 1));
    if (own >= 0) return { memberships: found };
  }
  return { memberships: [fromVerdictOnly(request, match)] };
}
