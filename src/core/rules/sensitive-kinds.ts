/**
 * Sensitive kinds of information: ordinary PHI under federal law, so they only add
 * cautions (state-law.* may add more).
 */
import { type Facts, hasKind } from "../facts.ts";

export const SENSITIVE_KIND_CAUTION =
  "Federal law treats this information like other health information, but stricter state law is not preempted (45 CFR 160.203(b))";
export const REPRODUCTIVE_HEALTH_CAUTION =
  "Several states (e.g. California) restrict sharing reproductive health information further; check state law.";

export function sensitiveKindCautions(f: Facts): string[] {
  const cautions: string[] = [];
  if (hasKind(f, "mental-health") || hasKind(f, "hiv") || hasKind(f, "genetic") || hasKind(f, "reproductive-health")) {
    cautions.push(SENSITIVE_KIND_CAUTION);
  }
  // The 2024 reproductive health rule was vacated (Purl v. HHS, 2025): no attestation, a caution only.
  if (hasKind(f, "reproductive-health")) cautions.push(REPRODUCTIVE_HEALTH_CAUTION);
  // The reference's note on genetic information and underwriting (164.502(a)(5)(i)) is background: the
  // cautions it names are the preemption line and the state's line only.
  return cautions;
}
