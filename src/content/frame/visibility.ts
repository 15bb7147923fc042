/**
 * Chrome's IntersectionObserver v2 tells a frame whether it is truly visible (not covered, not made
 * transparent, not transformed) from the top page's point of view. Where it exists, Proceed counts
 * only while the decision controls are visible; elsewhere the content script's tamper guard decides.
 */
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

export function trackTrueVisibility(target: Element, onChange: (visible: boolean) => void): () => boolean {
  let supported = false;
  let visible = false;
  try {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries as V2Entry[]) {
          if (typeof entry.isVisible !== "boolean") continue;
          supported = true;
          visible = entry.isVisible;
          onChange(visible);
        }
      },
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(target);
  } catch {
    // No v2 here: the content script's guard is the check.
  }
  return () => !supported || visible;
}
