/** Finds every action control in a tree, through open shadow roots, in one walk. Same-origin iframes are not entered: the content script runs in each frame. */
import type { ActionKind } from "./action.ts";
import { controlSelectors, matchesAny, queryAny } from "./adapters/match.ts";
import type { SiteAdapter } from "./adapters/schema.ts";
import { classifyWith, isControlElement } from "./classify.ts";
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

export function scanForActions(root: Document | ShadowRoot | Element): Candidate[] {
  return scanWith(root, undefined);
}

export function scanWith(root: Node, adapter: SiteAdapter | undefined, seen?: WeakSet<ShadowRoot>): Candidate[] {
  try {
    return classifyAll(collectControls(root, adapter, seen), adapter);
  } catch {
    return [];
  }
}

/**
 * The elements worth classifying under `root` (or each of several roots, in one walk): controls, plus
 * whatever the adapter marks. The adapter's selectors run once per tree as one selector list; a leaf
 * root (no element children) only needs `matches`.
 */
export function collectControls(
  root: Node | readonly Node[],
  adapter: SiteAdapter | undefined,
  seen?: WeakSet<ShadowRoot>,
  onShadowRoot?: (shadow: ShadowRoot) => void,
): Element[] {
  const controls: Element[] = [];
  const shadows: ShadowRoot[] = [];
  walk(
    root,
    {
      element(el) {
        if (el.localName === PANEL_TAG) return false;
        if (isControlElement(el)) controls.push(el);
      },
      shadowRoot(shadow) {
        shadows.push(shadow);
        onShadowRoot?.(shadow);
      },
    },
    seen,
  );
  const selectors = controlSelectors(adapter);
  if (!selectors) return controls;
  const all = new Set(controls);
  for (const tree of [...(Array.isArray(root) ? (root as readonly Node[]) : [root as Node]), ...shadows]) {
    if (isElement(tree)) {
      if (tree.localName === PANEL_TAG) continue;
      if (matchesAny(tree, selectors, true)) all.add(tree);
      if (!tree.firstElementChild) continue;
    }
    queryAny(tree as ParentNode & Node, selectors, all);
  }
  return [...all];
}

export function classifyAll(elements: readonly Element[], adapter: SiteAdapter | undefined): Candidate[] {
  const found: Candidate[] = [];
  for (const element of elements.slice(0, MAX_CLASSIFIED)) {
    const result = classifyWith(element, adapter);
    if (result) found.push({ element, ...result });
  }
  return found;
}
