/** Finds every action control in a tree, through open shadow roots, in one walk. Same-origin iframes are not entered: the content script runs in each frame. */
import type { ActionKind } from "./action.ts";
import { matchesAny } from "./adapters/match.ts";
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

/** The elements worth classifying under `root`: controls, plus whatever the adapter marks. */
export function collectControls(
  root: Node,
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
  const selectors = adapter?.controls?.map((control) => control.selector);
  if (!selectors?.length) return controls;
  // Adapter selectors run once per tree, not once per element.
  const all = new Set(controls);
  for (const tree of [root, ...shadows]) {
    if (isElement(tree) && matchesAny(tree, selectors, true)) all.add(tree);
    for (const selector of selectors) {
      try {
        (tree as ParentNode).querySelectorAll(selector).forEach((el) => all.add(el));
      } catch {
        // Invalid selector from configuration.
      }
    }
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
