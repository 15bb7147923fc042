/** Finds every action control in a tree, through open shadow roots, in one walk. Same-origin iframes are not entered: the content script runs in each frame. */
import type { ActionKind } from "./action.ts";
import { classifyControl, closedPanels, isControlElement } from "./classify.ts";
import { isOwnHost } from "./dom.ts";
import { walk } from "./walk.ts";

export interface Candidate {
  element: Element;
  kind: ActionKind;
  label: string;
  opensPopup?: boolean;
}

/** Controls classified per scan; a page with more buttons than this is hostile, and clicks are still classified on demand. */
export const MAX_CLASSIFIED = 5_000;

export function scanForActions(root: Node): Candidate[] {
  try {
    return classifyAll(collectControls(root));
  } catch {
    return [];
  }
}

/** The elements worth classifying under `root`, through open shadow roots; our own panel is not one. */
function collectControls(root: Node): Element[] {
  const controls: Element[] = [];
  walk(root, {
    element(el) {
      if (isOwnHost(el)) return false;
      if (isControlElement(el)) controls.push(el);
    },
  });
  return controls;
}

function classifyAll(elements: readonly Element[]): Candidate[] {
  const found: Candidate[] = [];
  // The page does not change during the pass: its closed panels are gathered once, when first needed.
  let closed: Element[] | undefined;
  const panels = () => (closed ??= elements[0] ? closedPanels(elements[0].ownerDocument) : []);
  for (const element of elements.slice(0, MAX_CLASSIFIED)) {
    const result = classifyControl(element, { panels });
    if (result) found.push({ element, ...result });
  }
  return found;
}
