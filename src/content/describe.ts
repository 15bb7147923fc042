/** Everything the content script needs to know about one action control, read off the page once. */
import type { DisclosureRequest } from "../core/schema.ts";
import type { DetectedAction } from "../detect/action.ts";
import type { Classification } from "../detect/classify.ts";
import type { Detector } from "../detect/detector.ts";
import { sendChannel } from "../detect/channel.ts";
import { readCues } from "../detect/cues.ts";
import { opensRecipientChooser } from "../detect/opener.ts";
import type { Candidate } from "../detect/scan.ts";
import { buildRequest } from "../messaging/action-request.ts";
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
 * Undefined for anything that is not a send-out control, and for openers of menus and dialogs, marked so or
 * sending to no one yet (the send comes from what they open).
 */
export function describeControl(
  detector: Detector,
  control: Element,
  { cues = true, deadline, classified = detector.classify(control) }: DescribeOptions = {},
): ActionFacts | undefined {
  if (!classified || classified.opensPopup) return undefined;
  // A download goes to the clinician's own device: whoever the page names beside it (the note's author) is no recipient.
  const recipient = classified.kind === "export" ? undefined : detector.readRecipient(control, deadline);
  if (opensRecipientChooser(control, classified, recipient)) return undefined;
  const read = cues ? readCues(control) : [];
  const kind = sendChannel(classified, recipient);
  // The background adds the kinds the cues name; the verdict depends on them, so the cache key does too.
  const request = buildRequest(kind, recipient);
  const origin = control.ownerDocument.defaultView?.location.origin ?? "";
  const action = toAction(kind, classified.label, recipient, origin, read);
  return { action, request, key: action.cues ? `${requestKey(request)}\n${JSON.stringify(action.cues)}` : requestKey(request) };
}

const CONTAINER = "form,dialog,[role=dialog],[role=form],table,section,article";

/**
 * Reading the recipient is the costly part (it searches the control's surroundings). Ahead of a
 * click, controls of the same kind and name in the same form, dialog or section send to the same
 * place, so they are described once; `forget()` when a field changes. At click time the control is
 * always described afresh.
 */
export function createDescriptionCache(detector: Detector, cues = false) {
  let seen = new WeakMap<Node, Map<string, ActionFacts | undefined>>();
  const slot = (control: Element, kind: string, label: string) => {
    const container: Node = control.closest(CONTAINER) ?? control.ownerDocument;
    let known = seen.get(container);
    if (!known) seen.set(container, (known = new Map()));
    return { known, id: `${kind}\n${label}` };
  };
  return {
    /** The description if one was made for a control like this one here (cheap: no layout, no recipient search). */
    known(candidate: Candidate): ActionFacts | undefined | null {
      const { known, id } = slot(candidate.element, candidate.kind, candidate.label);
      return known.has(id) ? (known.get(id) ?? null) : undefined;
    },
    /** `classified`: the control's classification when already made. Past `deadline` throws PastDeadline and remembers nothing. */
    describe(control: Element, classified = detector.classify(control), deadline?: number): ActionFacts | undefined {
      if (!classified || classified.opensPopup) return undefined;
      const { known, id } = slot(control, classified.kind, classified.label);
      if (!known.has(id)) known.set(id, describeControl(detector, control, { cues, deadline, classified }));
      return known.get(id);
    },
    forget() {
      seen = new WeakMap();
    },
  };
}
export type DescriptionCache = ReturnType<typeof createDescriptionCache>;
