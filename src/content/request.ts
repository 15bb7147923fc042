/**
 * From what detection saw to what the rules core is asked. Only what can be safely inferred is
 * filled in: a referral goes to a provider for treatment; anything else is asked in the panel
 * ("other"/"unspecified" purpose gives needs-review, so nothing unknown reads as allowed).
 */
import type { DisclosureRequest, DisclosureRequestInput } from "../core/schema.ts";
import type { ActionKind, DetectedAction, DetectedCue, DetectedRecipient } from "../detect/action.ts";
import { inferRequest } from "../detect/infer.ts";

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
      ...(recipient?.npi ? { npi: recipient.npi } : {}),
      ...(recipient?.tin ? { tin: recipient.tin } : {}),
      // Contract v1.1: each identifier the page shows apart, so ACO matching can use every one.
      ...(recipient?.organization ? { organization: recipient.organization } : {}),
      ...(recipient?.directAddress ? { directAddress: recipient.directAddress } : {}),
      ...(recipient?.fax ? { fax: recipient.fax } : {}),
    },
    information: inferred.information ?? ["general"],
  };
  return request as DisclosureRequest;
}

/** A stable key for the verdict cache: the request is built in a fixed field order, so its JSON is canonical. */
export function requestKey(request: DisclosureRequest): string {
  return JSON.stringify(request);
}

/** Limits of DetectedAction (src/detect/action.ts): text off a hostile page is cut to fit before it crosses. */
const RECIPIENT_LIMITS: Record<keyof DetectedRecipient, number> = { text: 300, label: 300, name: 300, organization: 300, tin: 20, npi: 20, directAddress: 300, fax: 40 };

function bounded(recipient: DetectedRecipient | undefined): DetectedRecipient | undefined {
  if (!recipient?.text) return undefined;
  const out: Record<string, string> = {};
  for (const [field, max] of Object.entries(RECIPIENT_LIMITS)) {
    const value: unknown = recipient[field as keyof DetectedRecipient];
    if (typeof value === "string" && value) out[field] = value.slice(0, max);
  }
  return out as DetectedRecipient;
}

/** Limits of DetectedAction's cues: at most 40, their text cut to fit. */
const MAX_CUES = 40;
const CUE_TEXT_MAX = 120;

/** The action as it crosses to the background (which parses it with the full schema). */
export function toAction(kind: ActionKind, label: string, recipient: DetectedRecipient | undefined, origin: string, cues: readonly DetectedCue[] = []): DetectedAction {
  const bound = bounded(recipient);
  const cued = cues.slice(0, MAX_CUES).map((cue) => ({ ...cue, ...(cue.text ? { text: cue.text.slice(0, CUE_TEXT_MAX) } : {}) }));
  return { kind, label: label.slice(0, 300), origin: origin.slice(0, 200), ...(bound ? { recipient: bound } : {}), ...(cued.length ? { cues: cued } : {}) };
}
