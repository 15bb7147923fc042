/**
 * One pass over a tree and every open shadow root inside it. firstElementChild/nextElementSibling
 * with an explicit stack: no recursion to overflow, no selector engine, and shadow hosts are found on
 * the way (there is no selector for them). Bounded so a pathological page cannot hold the main thread.
 */
import { DOCUMENT_NODE, ELEMENT_NODE, FRAGMENT_NODE, openShadowRoot } from "./dom.ts";

export const WALK_LIMITS = {
  /** Elements visited per walk; beyond this the page is pathological and click-time detection still works. */
  elements: 200_000,
  /** Nesting of shadow roots inside shadow roots. */
  shadowDepth: 32,
  /** Shadow roots per walk. */
  shadowRoots: 5_000,
};

/** PastDeadline's name: a part bundled apart (the idle pre-warm's) knows the reader's error by it, not by its class. */
export const PAST_DEADLINE = "PastDeadline";

/**
 * Thrown by a walk given a deadline once it passes it: work ahead of the clinician (the idle pre-warm)
 * stops there rather than hold the main thread, and the same read is made in full when it is needed.
 */
export class PastDeadline extends Error {
  constructor() {
    super("past the deadline");
    this.name = PAST_DEADLINE;
  }
}

/** Elements between two looks at the clock. */
const CLOCK_EVERY = 64;

export interface WalkVisitor {
  /** Return false to skip the element's subtree (and its shadow root). */
  element(el: Element): boolean | undefined;
  /** Called once per open shadow root met, before its content is walked. */
  shadowRoot?(root: ShadowRoot): void;
}

/**
 * Walks `start` (an element and its subtree, or the children of a document or shadow root), or each of
 * several starts under one element limit (a batch of added subtrees). Past `deadline` (performance.now()), throws
 * PastDeadline.
 */
export function walk(
  start: Node | readonly Node[],
  visitor: WalkVisitor,
  seen: WeakSet<ShadowRoot> = new WeakSet(),
  limit: number = WALK_LIMITS.elements,
  deadline = Infinity,
): void {
  const roots: Array<{ node: Node; depth: number }> = (Array.isArray(start) ? (start as readonly Node[]) : [start as Node])
    .map((node) => ({ node, depth: 0 }))
    .reverse();
  let visited = 0;
  let shadows = 0;
  while (roots.length > 0) {
    const { node, depth } = roots.pop()!;
    const stack: Element[] = [];
    if (node.nodeType === ELEMENT_NODE) stack.push(node as Element);
    else if (node.nodeType === DOCUMENT_NODE || node.nodeType === FRAGMENT_NODE) {
      for (let child = (node as ParentNode).firstElementChild; child; child = child.nextElementSibling) stack.push(child);
    }
    while (stack.length > 0) {
      if (++visited > limit) return;
      if (visited % CLOCK_EVERY === 0 && deadline !== Infinity && performance.now() > deadline) throw new PastDeadline();
      const el = stack.pop()!;
      try {
        if (visitor.element(el) === false) continue;
        const shadow = openShadowRoot(el);
        if (shadow && !seen.has(shadow) && depth < WALK_LIMITS.shadowDepth && shadows < WALK_LIMITS.shadowRoots) {
          seen.add(shadow);
          shadows++;
          visitor.shadowRoot?.(shadow);
          roots.push({ node: shadow, depth: depth + 1 });
        }
        for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
      } catch {
        // A hostile element (throwing getter) is skipped with its subtree; the rest of the page still scans.
      }
    }
  }
}
