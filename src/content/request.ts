/** The action as it crosses from the content script to the background, and the key its verdict is cached under. */
import type { DisclosureRequest } from "../core/schema.ts";
import type { ActionKind, DetectedAction, DetectedCue, DetectedRecipient } from "../detect/action.ts";

/** A stable key for the verdict cache: the request is built in a fixed field order, so its JSON is canonical. */
export function requestKey(request: DisclosureRequest): string {
  return JSON.stringify(request);
}

/** Limits of DetectedAction (src/detect/action.ts): text off a hostile page is cut to fit before it crosses. */
const RECIPIENT_LIMITS: Record<keyof DetectedRecipient, number> = {
  text: 300,
  label: 300,
  name: 300,
  organization: 300,
  tin: 20,
  npi: 20,
  directAddress: 300,
  fax: 40,
};

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
export function toAction(
  kind: ActionKind,
  label: string,
  recipient: DetectedRecipient | undefined,
  origin: string,
  cues: readonly DetectedCue[] = [],
): DetectedAction {
  const bound = bounded(recipient);
  const cued = cues.slice(0, MAX_CUES).map((cue) => ({ ...cue, ...(cue.text ? { text: cue.text.slice(0, CUE_TEXT_MAX) } : {}) }));
  return {
    kind,
    label: label.slice(0, 300),
    origin: origin.slice(0, 200),
    ...(bound ? { recipient: bound } : {}),
    ...(cued.length ? { cues: cued } : {}),
  };
}
