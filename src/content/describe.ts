/** Everything the content script needs to know about one action control, read off the page once. */
import type { DisclosureRequest } from "../core/schema.ts";
import type { DetectedAction } from "../detect/action.ts";
import type { Detector } from "../detect/detector.ts";
import { buildRequest, requestKey, toAction } from "./request.ts";

export type ActionFacts = { action: DetectedAction; request: DisclosureRequest; key: string };

/** Undefined for anything that is not a send-out control, and for openers of menus and dialogs (the send comes from what they open). */
export function describeControl(detector: Detector, control: Element): ActionFacts | undefined {
  const classified = detector.classify(control);
  if (!classified || classified.opensPopup) return undefined;
  const recipient = detector.readRecipient(control);
  const request = buildRequest(classified.kind, recipient);
  const origin = control.ownerDocument.defaultView?.location.origin ?? "";
  return { action: toAction(classified.kind, classified.label, recipient, origin), request, key: requestKey(request) };
}
