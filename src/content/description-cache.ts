/**
 * Descriptions of action controls made ahead of a click (the idle pre-warm, "Check this page"), shared by controls that
 * send to the same place. `describe` is describeControl (describe.ts), passed in so that a part loaded apart from
 * content.js (idle-warm.ts) uses content.js's own.
 */
import type { Detector } from "../detect/detector.ts";
import type { Candidate } from "../detect/scan.ts";
import type { ActionFacts, describeControl } from "./describe.ts";

const CONTAINER = "form,dialog,[role=dialog],[role=form],table,section,article";

/**
 * Reading the recipient is the costly part (it searches the control's surroundings). Ahead of a
 * click, controls of the same kind and name in the same form, dialog or section send to the same
 * place, so they are described once; `forget()` when a field changes. At click time the control is
 * always described afresh.
 */
export function createDescriptionCache(detector: Detector, describe: typeof describeControl, cues = false) {
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
      if (!known.has(id)) known.set(id, describe(detector, control, { cues, deadline, classified }));
      return known.get(id);
    },
    forget() {
      seen = new WeakMap();
    },
  };
}
export type DescriptionCache = ReturnType<typeof createDescriptionCache>;
