/**
 * Applying an adapter: host globs and selectors. No zod here (the schema is in schema.ts), so the
 * content script, which must stay small, can use adapters without bundling the schema library.
 */
import type { SiteAdapter } from "./schema.ts";

function globToRegExp(glob: string): RegExp {
  const body = glob
    .toLowerCase()
    .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[a-z0-9.-]*");
  return new RegExp(`^${body}$`);
}

/** Whether an adapter applies to a page's host ("localhost:8080") or hostname ("localhost"). */
export function adapterMatchesHost(adapter: SiteAdapter, host: string): boolean {
  const lower = host.toLowerCase();
  const hostname = lower.replace(/:\d+$/, "");
  return adapter.hosts.some((glob) => {
    const re = globToRegExp(glob);
    return glob.includes(":") && !glob.startsWith("[") ? re.test(lower) : re.test(hostname) || re.test(lower);
  });
}

const controlSelectorLists = new WeakMap<SiteAdapter, readonly string[]>();

/** The adapter's control selectors, one stable array per adapter (so its joined list is cached too). */
export function controlSelectors(adapter: SiteAdapter | undefined): readonly string[] | undefined {
  if (!adapter?.controls?.length) return undefined;
  let list = controlSelectorLists.get(adapter);
  if (!list) controlSelectorLists.set(adapter, (list = adapter.controls.map((control) => control.selector)));
  return list;
}

const joinedLists = new WeakMap<readonly string[], string | null>();

/**
 * The selectors as one selector list, so the browser matches all of them in one call instead of one
 * call each (this runs per added subtree on pages that churn). Selectors the browser rejects are left
 * out (they match nothing either way); null when one would change the meaning of the list (an
 * unclosed string or bracket swallowing what follows), and callers then match one by one.
 */
function selectorList(selectors: readonly string[], node: Node): string | null {
  let list = joinedLists.get(selectors);
  if (list !== undefined) return list;
  const doc = node.ownerDocument ?? (node as Document);
  const empty = doc.createDocumentFragment();
  const probe = doc.createElement("i");
  const valid: string[] = [];
  list = "";
  for (const selector of selectors) {
    try {
      empty.querySelector(selector);
    } catch {
      continue;
    }
    let joins = false;
    try {
      // A selector that swallows the rest of a list (or throws in one) cannot be joined with others.
      joins = probe.matches(`${selector},i`);
    } catch {}
    if (!joins) {
      list = null;
      break;
    }
    valid.push(selector);
  }
  if (list !== null) list = valid.length ? valid.join(",") : null;
  joinedLists.set(selectors, list);
  return list;
}

/** True when `el` (self) or an ancestor matches any selector; a selector the browser rejects matches nothing. */
export function matchesAny(el: Element, selectors: readonly string[] | undefined, self = false): boolean {
  if (!selectors?.length) return false;
  const list = joined(selectors, el);
  if (list !== null) {
    try {
      return self ? el.matches(list) : el.closest(list) !== null;
    } catch {
      // Fall back to one selector at a time.
    }
  }
  return matchEach(el, selectors, self);
}

/** The joined list for two or more selectors, or null (one selector, or not joinable, or no document to check them with). */
function joined(selectors: readonly string[], node: Node): string | null {
  if (selectors.length < 2) return null;
  try {
    return selectorList(selectors, node);
  } catch {
    return null;
  }
}

function matchEach(el: Element, selectors: readonly string[], self: boolean): boolean {
  for (const selector of selectors) {
    try {
      if (self ? el.matches(selector) : el.closest(selector)) return true;
    } catch {
      // Invalid selector from configuration: ignore it rather than break detection.
    }
  }
  return false;
}

/** Every element under `tree` matching any of the selectors, in one query when they join into one list. */
export function queryAny(tree: ParentNode & Node, selectors: readonly string[], into: Set<Element>): void {
  const list = joined(selectors, tree);
  for (const selector of list !== null ? [list] : selectors) {
    try {
      for (const el of tree.querySelectorAll(selector)) into.add(el);
    } catch {
      // Invalid selector from configuration.
    }
  }
}
