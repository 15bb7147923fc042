/**
 * Applying an adapter: host globs and selectors. No zod here (the schema is in schema.ts), so the
 * content script, which must stay small, can use adapters without bundling the schema library.
 */
import type { SiteAdapter } from "./schema.ts";

function globToRegExp(glob: string): RegExp {
  const body = glob.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[a-z0-9.-]*");
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

/** True when `el` or an ancestor matches any selector; a selector the browser rejects matches nothing. */
export function matchesAny(el: Element, selectors: readonly string[] | undefined, self = false): boolean {
  if (!selectors) return false;
  for (const selector of selectors) {
    try {
      if (self ? el.matches(selector) : el.closest(selector)) return true;
    } catch {
      // Invalid selector from configuration: ignore it rather than break detection.
    }
  }
  return false;
}
