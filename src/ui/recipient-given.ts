/**
 * Whether the request says who the record goes to. A provider with no name, address, number or
 * identifier is nobody yet: the popup starts there, and answers only once the clinician names the
 * recipient, or picks a kind of recipient that is an answer in itself (the patient, a family member,
 * an employer…).
 */
import type { DisclosureRequest } from "../core/schema.ts";

const SAYS_WHO = ["name", "tin", "npi", "directAddress", "fax", "organization"] as const;

export function recipientGiven(request: Pick<DisclosureRequest, "recipient">): boolean {
  const r = request.recipient;
  return r.type !== "provider" || SAYS_WHO.some((k) => (r[k]?.trim() ?? "") !== "");
}
