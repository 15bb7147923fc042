/**
 * Applying an adapter: host globs and selectors. No zod here (the schema is in schema.ts), so the
 * content script, which must stay small, can use adapters without bundling the schema library.
 */
import type { SiteAdapter } from "./schema.ts";

/** A host glob as a pattern for a page's host: "*" is any run of name characters, and a glob without a port matches any port. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .toLowerCase()
    .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[a-z0-9.-]*");
  return new RegExp(`^${body}${/:\d+$/.test(glob) ? "" : "(?::\\d+)?"}$`);
}

/** Whether an adapter applies to a page's host ("localhost:8080", or "localhost" without a port). */
export function adapterMatchesHost(adapter: SiteAdapter, host: string): boolean {
  return adapter.hosts.some((glob) => globToRegExp(glob).test(host.toLowerCase()));
}

const controlSelectorLists = new WeakMap<SiteAdapter, readonly string[]>();

/** The adapter's control selectors, one stable array per adapter (so its joined list is made once too). */
export function controlSelectors(adapter: SiteAdapter | undefined): readonly string[] | undefined {
  if (!adapter?.controls?.length) return undefined;
  let list = controlSelectorLists.get(adapter);
  if (!list) controlSelectorLists.set(adapter, (list = adapter.controls.map((control) => control.selector)));
  return list;
}

const joinedLists = new WeakMap<readonly string[], string>();

/**
 * The selectors as one selector list, so the browser matches all of them in one call instead of one call each
 * (this runs per added subtree on pages that churn). A list the browser rejects is tried one selector at a time.
 */
function joined(selectors: readonly string[]): string {
  let list = joinedLists.get(selectors);
  if (list === undefined) joinedLists.set(selectors, (list = selectors.join()));
  return list;
}

/** `apply` on the joined list, else on each selector alone: a selector the browser rejects matches nothing. */
function eachList<T>(selectors: readonly string[], apply: (selector: string) => T): T[] {
  try {
    return [apply(joined(selectors))];
  } catch {
    return selectors.flatMap((selector) => {
      try {
        return [apply(selector)];
      } catch {
        return [];
      }
    });
  }
}

/** True when `el` (self) or an ancestor matches any selector. */
export function matchesAny(el: Element, selectors: readonly string[] | undefined, self = false): boolean {
  return !!selectors && eachList(selectors, (selector) => (self ? el.matches(selector) : el.closest(selector) !== null)).includes(true);
}

/** Every element under `tree` matching any of the selectors. */
export function queryAny(tree: ParentNode & Node, selectors: readonly string[], into: Set<Element>): void {
  for (const found of eachList(selectors, (selector) => tree.querySelectorAll(selector))) for (const el of found) into.add(el);
}
