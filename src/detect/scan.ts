/** Finds every action control in a tree, through open shadow roots, in one walk. Same-origin iframes are not entered: the content script runs in each frame. */
import type { ActionKind } from "./action.ts";
import { controlSelectors, matchesAny, queryAny } from "./adapters/match.ts";
import type { SiteAdapter } from "./adapters/schema.ts";
import { classifyControl, closedPanels, isControlElement } from "./classify.ts";
import { isElement, PANEL_TAG } from "./dom.ts";
import { walk } from "./walk.ts";

export interface Candidate {
  element: Element;
  kind: ActionKind;
  label: string;
  opensPopup?: boolean;
}

/** Controls classified per scan; a page with more buttons than this is hostile, and clicks are still classified on demand. */
export const MAX_CLASSIFIED = 5_000;

export interface ScanOptions {
  /** The site adapter for this page: it adds the controls it marks and drops the ones it ignores. */
  adapter?: SiteAdapter | undefined;
}

export function scanForActions(root: Node, { adapter }: ScanOptions = {}): Candidate[] {
  try {
    return classifyAll(collectControls(root, adapter), adapter);
  } catch {
    return [];
  }
}

/**
 * The elements worth classifying under `root`: controls, plus whatever the adapter marks. The
 * adapter's selectors run once per tree as one selector list; a leaf root (no element children) only
 * needs `matches`.
 */
function collectControls(root: Node, adapter: SiteAdapter | undefined): Element[] {
  const controls: Element[] = [];
  const shadows: ShadowRoot[] = [];
  walk(root, {
    element(el) {
      if (el.localName === PANEL_TAG) return false;
      if (isControlElement(el)) controls.push(el);
    },
    shadowRoot(shadow) {
      shadows.push(shadow);
    },
  });
  const selectors = controlSelectors(adapter);
  if (!selectors) return controls;
  const all = new Set(controls);
  for (const tree of [root, ...shadows]) {
    if (isElement(tree)) {
      if (tree.localName === PANEL_TAG) continue;
      if (matchesAny(tree, selectors, true)) all.add(tree);
      if (!tree.firstElementChild) continue;
    }
    queryAny(tree as ParentNode & Node, selectors, all);
  }
  return [...all];
}

function classifyAll(elements: readonly Element[], adapter: SiteAdapter | undefined): Candidate[] {
  const found: Candidate[] = [];
  // The page does not change during the pass: its closed panels are gathered once, when first needed.
  let closed: Element[] | undefined;
  const panels = () => (closed ??= elements[0] ? closedPanels(elements[0].ownerDocument) : []);
  for (const element of elements.slice(0, MAX_CLASSIFIED)) {
    const result = classifyControl(element, { adapter, panels });
    if (result) found.push({ element, ...result });
  }
  return found;
}
