/**
 * Chrome's IntersectionObserver v2 tells a frame whether it is truly visible (not covered, not made
 * transparent, not transformed) from the top page's point of view, even under an overlay that lets
 * clicks through. Where it exists, Proceed counts only once the decision controls have been visible
 * without a break for a minimum time up to the click, so a cover lifted just before the click does
 * not count. Firefox has no v2: there the content script's tamper guard decides alone.
 */
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

/** Returns how long (ms) the target has been truly visible without a break (negative while it is not). */
export function trackTrueVisibility(target: Element, onChange: (visible: boolean) => void): () => number {
  let supported = false;
  let visibleSince: number | undefined;
  try {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries as V2Entry[]) {
          if (typeof entry.isVisible !== "boolean") continue;
          supported = true;
          // The entry's time, not now: the change happened before the callback ran.
          if (!entry.isVisible) visibleSince = undefined;
          else visibleSince ??= entry.time;
          onChange(entry.isVisible);
        }
      },
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(target);
  } catch {
    // No v2 here: the content script's guard is the check.
  }
  // Without v2, the time since this document was first shown (the content script watches for covers).
  const shown = performance.now();
  return () => performance.now() - (!supported ? shown : (visibleSince ?? Infinity));
}
