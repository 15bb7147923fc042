/**
 * From what detection saw to what the rules core is asked, for the content script's panel and the popup's Check
 * this page alike. Only what can be safely inferred is filled in: a referral goes to a provider for treatment;
 * anything else is asked ("other"/"unspecified" purpose gives needs-review, so nothing unknown reads as allowed).
 */
import type { DisclosureRequest, DisclosureRequestInput } from "../core/schema.ts";
import type { ActionKind, DetectedCue, DetectedRecipient } from "../detect/action.ts";
import { inferRequest } from "../detect/infer.ts";

const IDENTIFIERS = ["npi", "tin", "organization", "directAddress", "fax"] as const;

/** `cues` whose kind is known (the popup's, matched by the background) add their kinds; without any the record is "general". */
export function buildRequest(kind: ActionKind, recipient: DetectedRecipient | undefined, cues?: readonly DetectedCue[]): DisclosureRequest {
  const inferred = inferRequest(kind, recipient, cues);
  const name = recipient?.name ?? recipient?.directAddress ?? recipient?.fax ?? recipient?.text;
  const request: DisclosureRequestInput = {
    purpose: inferred.purpose ?? "other",
    ...(inferred.purpose ? {} : { otherPurpose: "unspecified" as const }),
    recipient: {
      type: inferred.recipientType ?? "other",
      ...(name ? { name } : {}),
      // Contract v1.1: each identifier the page shows apart, so ACO matching can use every one.
      ...Object.fromEntries(IDENTIFIERS.flatMap((key) => (recipient?.[key] ? [[key, recipient[key]]] : []))),
    },
    information: inferred.information ?? ["general"],
  };
  return request as DisclosureRequest;
}
