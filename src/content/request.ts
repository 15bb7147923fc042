/**
 * From what detection saw to what the rules core is asked. Only what can be safely inferred is
 * filled in: a referral goes to a provider for treatment; anything else is asked in the panel
 * ("other"/"unspecified" purpose gives needs-review, so nothing unknown reads as allowed).
 */
import type { DisclosureRequest, DisclosureRequestInput } from "../core/schema.ts";
import { DetectedAction, type ActionKind, type DetectedRecipient } from "../detect/action.ts";
import { inferRequest } from "../detect/index.ts";

export function buildRequest(kind: ActionKind, recipient: DetectedRecipient | undefined): DisclosureRequest {
  const inferred = inferRequest(kind, recipient);
  const name = recipient?.name ?? recipient?.directAddress ?? recipient?.fax ?? recipient?.text;
  const request: DisclosureRequestInput = {
    purpose: inferred.purpose ?? "other",
    ...(inferred.purpose ? {} : { otherPurpose: "unspecified" as const }),
    recipient: {
      type: inferred.recipientType ?? "other",
      ...(name ? { name } : {}),
      ...(recipient?.npi ? { npi: recipient.npi } : {}),
      ...(recipient?.tin ? { tin: recipient.tin } : {}),
    },
    information: ["general"],
  };
  return request as DisclosureRequest;
}

/** A stable key for the verdict cache: the request is built in a fixed field order, so its JSON is canonical. */
export function requestKey(request: DisclosureRequest): string {
  return JSON.stringify(request);
}

/** The action as it crosses to the background; text off a hostile page is bounded, a bad recipient dropped. */
export function toAction(kind: ActionKind, label: string, recipient: DetectedRecipient | undefined, origin: string): DetectedAction {
  const action = { kind, label: label.slice(0, 300), origin: origin.slice(0, 200) };
  const withRecipient = DetectedAction.safeParse({ ...action, recipient });
  return withRecipient.success ? withRecipient.data : action;
}
