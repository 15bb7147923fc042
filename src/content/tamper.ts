/**
 * DOM clickjacking guard for the panel host. The page can read our open shadow root and restyle or
 * cover the host to trick a click on Proceed. We cannot stop that, but we can see it: the host must
 * be attached, unstyled by the page, fully opaque, untransformed, where we put it, and on top at
 * the points where the panel is. Anything else is tampering, and Proceed is refused until the panel
 * has been clean again for a while (a fresh, unobscured interaction).
 *
 * Limitation: an overlay with pointer-events:none is invisible to elementFromPoint; Chrome's
 * IntersectionObserver v2 inside the frame catches that case, other browsers rely on the rest.
 */
import type { Box } from "./anchor.ts";

const TOLERANCE_PX = 2;

function styleProblem(el: Element, isHost: boolean): string | undefined {
  const view = el.ownerDocument.defaultView;
  if (!view) return "detached";
  const cs = view.getComputedStyle(el);
  if (cs.display === "none") return "hidden";
  if (Number(cs.opacity) < 1) return "transparent";
  if (cs.filter !== "none" && cs.filter !== "") return "filtered";
  if (cs.clipPath !== "none" && cs.clipPath !== "") return "clipped";
  if (cs.transform !== "none" && cs.transform !== "") return "transformed";
  if (isHost && cs.visibility !== "visible") return "hidden";
  if (isHost && cs.position !== "fixed") return "moved";
  return undefined;
}

/** Why the panel cannot be trusted right now, or undefined when it is clean. */
export function tamperReason(host: HTMLElement, frame: HTMLIFrameElement | undefined, expected: Box): string | undefined {
  const root = host.shadowRoot;
  if (!host.isConnected || !root) return "removed";
  if (frame && frame.parentNode !== root) return "removed";
  for (let el: Element | null = host; el; el = el.parentElement) {
    const problem = styleProblem(el, el === host);
    if (problem) return problem;
  }
  if (frame) {
    const problem = styleProblem(frame, false);
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

/** Something else on top at the centre or near the corners (where Proceed and Cancel sit). */
function coveredAt(host: HTMLElement, rect: DOMRect): string | undefined {
  const doc = host.ownerDocument;
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
    const top = doc.elementFromPoint(x, y);
    if (top && top !== host) return "covered";
  }
  return undefined;
}
