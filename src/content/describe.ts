/** Everything the content script needs to know about one action control, read off the page once. */
import type { DisclosureRequest } from "../core/schema.ts";
import type { DetectedAction, DetectedRecipient } from "../detect/action.ts";
import type { Classification } from "../detect/classify.ts";
import type { Detector } from "../detect/detector.ts";
import { sendChannel } from "../detect/channel.ts";
import type { CueText } from "../detect/cues.ts";
import { opensRecipientChooser } from "../detect/opener.ts";
import { PAST_DEADLINE } from "../detect/walk.ts";
import { buildRequest } from "../messaging/action-request.ts";
import { ReaderNotLoaded } from "./reader-loader.ts";
import { requestKey, toAction } from "./request.ts";

export type ActionFacts = { action: DetectedAction; request: DisclosureRequest; key: string };

export type DescribeOptions = {
  /** Also read what the record holds off what leaves with it; only for the action being checked (a click, a press, the popup's check). */
  cues?: boolean;
  /** Past it (performance.now()) throws PastDeadline. */
  deadline?: number | undefined;
  /** The control's classification, made in this same task (finding the control): not made again. */
  classified?: Classification | null;
};

/**
 * A send control whose surroundings could not be read: half a reading could miss what makes the record sensitive,
 * so nothing is asked and the clinician is told it could not be decided.
 */
export class ControlUnread extends Error {
  override name = "ControlUnread";
  constructor(readonly facts: ActionFacts) {
    super("ShareCheck could not read this page around the action");
  }
}

/**
 * Undefined for anything that is not a send-out control, and for openers of menus and dialogs, marked so or
 * sending to no one yet (the send comes from what they open). Throws ControlUnread when reading around a send fails.
 */
export function describeControl(
  detector: Detector,
  control: Element,
  { cues = true, deadline, classified = detector.classify(control) }: DescribeOptions = {},
): ActionFacts | undefined {
  if (!classified || classified.opensPopup) return undefined;
  // Classified once the reader has come (interceptor.ts's readLater), as reading waits for it too.
  if (classified.pending) throw new ReaderNotLoaded();
  if (classified.unread) throw new ControlUnread(unreadFacts(control, classified));
  try {
    // A download goes to the clinician's own device: whoever the page names beside it (the note's author) is no recipient.
    const recipient = classified.kind === "export" ? undefined : detector.readRecipient(control, deadline);
    if (opensRecipientChooser(control, classified, recipient)) return undefined;
    return factsOf(control, classified, recipient, cues ? detector.readCues(control, deadline) : []);
  } catch (error) {
    if (error instanceof ReaderNotLoaded || (error instanceof Error && error.name === PAST_DEADLINE)) throw error;
    throw new ControlUnread(unreadFacts(control, classified));
  }
}

/** What is known of an action whose surroundings could not be read: its kind and name, for a "could not decide" panel. */
export function unreadFacts(control: Element, classified: Classification): ActionFacts {
  return factsOf(control, classified, undefined, []);
}

function factsOf(
  control: Element,
  classified: Classification,
  recipient: DetectedRecipient | undefined,
  read: readonly CueText[],
): ActionFacts {
  const kind = sendChannel(classified, recipient);
  // The background adds the kinds the cues name; the verdict depends on them, so the cache key does too.
  const request = buildRequest(kind, recipient);
  const origin = control.ownerDocument.defaultView?.location.origin ?? "";
  const action = toAction(kind, classified.label, recipient, origin, read);
  return { action, request, key: action.cues ? `${requestKey(request)}\n${JSON.stringify(action.cues)}` : requestKey(request) };
}
