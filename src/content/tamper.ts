/**
 * DOM clickjacking guard for the panel host. The page can read our open shadow root and restyle or
 * cover the host to trick a click on Proceed. We cannot stop that, but we can see it: the host must
 * be attached and ours, unstyled by the page, fully opaque, untransformed, where we put it, in the
 * top layer, and on top at the points where the panel is. Anything else is tampering, and Proceed is
 * refused until the panel has been clean again for a while (see panel-session.ts).
 *
 * In the top layer the host is painted above the page and apart from its ancestors, so their
 * opacity, transforms and filters (a modal dialog's fade-in, a centring transform) do not reach it
 * and are not held against the page; what still does is an ancestor that stops rendering it
 * (display:none, content-visibility) or makes it inert.
 *
 * Limitation: an overlay with pointer-events:none is invisible to elementFromPoint. In the top layer
 * only another top-layer element can be drawn over the panel, and `topLayerOver` finds those in the
 * light DOM; Chrome's IntersectionObserver v2 inside the frame catches the rest (panel frame).
 */
import type { Box } from "./anchor.ts";
import { parentAcrossShadow } from "../detect/dom.ts";

const TOLERANCE_PX = 2;

export type TamperReason =
  | "removed"
  | "hidden"
  | "transparent"
  | "filtered"
  | "clipped"
  | "transformed"
  | "moved"
  | "covered"
  | "inert"
  | "lowered";

/** The host as the guard sees it (PanelFrameHost satisfies this). */
export type GuardedHost = {
  host: HTMLElement;
  frame: HTMLIFrameElement | undefined;
  expected: Box;
  isOurs(): boolean;
  readonly raised: boolean;
};

function styleProblem(el: Element, isHost: boolean, inTopLayer: boolean): TamperReason | undefined {
  const view = el.ownerDocument.defaultView;
  if (!view) return "removed";
  const cs = view.getComputedStyle(el);
  if (cs.display === "none" || cs.contentVisibility === "hidden") return "hidden";
  if (inTopLayer && !isHost) return undefined;
  if (Number(cs.opacity) < 1) return "transparent";
  if (cs.filter !== "none" && cs.filter !== "") return "filtered";
  if (cs.clipPath !== "none" && cs.clipPath !== "") return "clipped";
  if (cs.transform !== "none" && cs.transform !== "") return "transformed";
  if (isHost && cs.visibility !== "visible") return "hidden";
  if (isHost && cs.position !== "fixed") return "moved";
  return undefined;
}

/** Why the panel cannot be trusted right now, or undefined when it is clean. */
export function tamperReason(guarded: GuardedHost): TamperReason | undefined {
  const { host, frame, expected } = guarded;
  const root = host.shadowRoot;
  if (!guarded.isOurs() || !root) return "removed";
  if (frame && frame.parentNode !== root) return "removed";
  const inTopLayer = host.matches(":popover-open");
  if (!guarded.raised) return "lowered";
  if (host.closest("[inert]") || blockedByModal(host)) return "inert";
  // Up to the page's root across shadow roots: a component's modal dialog holds the panel (Jane's chart).
  for (let el: Element | null = host; el; el = parentAcrossShadow(el)) {
    const problem = styleProblem(el, el === host, inTopLayer);
    if (problem) return problem;
  }
  if (frame) {
    const problem = styleProblem(frame, false, false);
    if (problem) return problem;
    const cs = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    if (cs && (cs.visibility !== "visible" || cs.display === "none")) return "hidden";
  }
  const rect = host.getBoundingClientRect();
  if (
    Math.abs(rect.left - expected.left) > TOLERANCE_PX ||
    Math.abs(rect.top - expected.top) > TOLERANCE_PX ||
    Math.abs(rect.width - expected.width) > TOLERANCE_PX ||
    Math.abs(rect.height - expected.height) > TOLERANCE_PX
  ) {
    return "moved";
  }
  return coveredAt(host, rect);
}

/** A modal dialog open elsewhere makes everything outside it inert, our frame included. */
function blockedByModal(host: HTMLElement): boolean {
  for (const modal of host.ownerDocument.querySelectorAll("dialog:modal")) if (!modal.contains(host)) return true;
  return false;
}

/** Something else on top at the centre or near the corners (where Proceed and Cancel sit). */
function coveredAt(host: HTMLElement, rect: DOMRect): TamperReason | undefined {
  const doc = host.ownerDocument;
  // In a shadow root the document's hit test answers with the root's host: the root's own answers with ours.
  const hits = host.getRootNode() as Document | ShadowRoot;
  const inset = Math.min(12, rect.width / 4, rect.height / 4);
  const points: [number, number][] = [
    [rect.left + rect.width / 2, rect.top + rect.height / 2],
    [rect.left + inset, rect.top + inset],
    [rect.right - inset, rect.top + inset],
    [rect.left + inset, rect.bottom - inset],
    [rect.right - inset, rect.bottom - inset],
  ];
  const view = doc.defaultView;
  for (const [x, y] of points) {
    if (view && (x < 0 || y < 0 || x > view.innerWidth || y > view.innerHeight)) continue; // off screen is not covered
    const top = hits.elementFromPoint(x, y);
    if (top && top !== host) return "covered";
  }
  return undefined;
}

/**
 * Page elements in the top layer (open popovers, modal dialogs) over the panel's box, other than
 * the host and the dialog it sits in. Whether one was opened after ours (and so is drawn above it)
 * is for the caller to know; hit testing cannot tell when it lets clicks through.
 */
export function topLayerOver(host: HTMLElement, box: Box): Element[] {
  const found: Element[] = [];
  for (const el of host.ownerDocument.querySelectorAll(":popover-open, dialog:modal")) {
    if (el === host || el.contains(host)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > box.left && r.left < box.left + box.width && r.bottom > box.top && r.top < box.top + box.height) found.push(el);
  }
  return found;
}

/** How much of a subtree added or restyled while the panel is open is looked at for click-through covers. */
const COVER_SCAN_LIMIT = 50;

function paints(el: Element, cs: CSSStyleDeclaration): boolean {
  if (cs.backgroundImage !== "none" || /^(img|canvas|video|svg|picture)$/.test(el.localName)) return true;
  const alpha = /rgba?\([^)]*?,\s*([\d.]+)\)$/.exec(cs.backgroundColor);
  if (cs.backgroundColor === "transparent") return false;
  return !alpha || Number(alpha[1]) >= 0.5;
}

/**
 * An element the page added or restyled while the panel is open that paints over the panel's box
 * and lets clicks through (pointer-events:none): the decoy of a timed clickjack, which hit testing
 * cannot see. Counted as a cover wherever it sits in the stacking order, so lifting it restarts the
 * wait before Proceed counts. A transparent container (a toast layer over the whole viewport) does not count.
 */
export function clickThroughCover(root: Element, box: Box): Element | undefined {
  const view = root.ownerDocument.defaultView;
  if (!view) return undefined;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  let el: Node | null = root;
  for (let seen = 0; el && seen < COVER_SCAN_LIMIT; el = walker.nextNode(), seen++) {
    const element = el as Element;
    const r = element.getBoundingClientRect();
    if (
      r.width === 0 ||
      r.height === 0 ||
      r.right <= box.left ||
      r.left >= box.left + box.width ||
      r.bottom <= box.top ||
      r.top >= box.top + box.height
    )
      continue;
    const cs = view.getComputedStyle(element);
    if (cs.pointerEvents !== "none" || cs.visibility !== "visible" || Number(cs.opacity) < 0.1) continue;
    if (paints(element, cs)) return element;
  }
  return undefined;
}
