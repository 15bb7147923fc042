/**
 * Whether a person can see an element. Reads layout and computed style, so it is for the content script
 * to call on the one control it is about to anchor a panel to, never in scans.
 */
import { parentAcrossShadow } from "./dom.ts";

const MAX_ANCESTORS = 256;

export function isVisible(el: Element): boolean {
  try {
    if (!el.isConnected) return false;
    const check = (el as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
    if (typeof check === "function") return check.call(el, { checkOpacity: true, checkVisibilityCSS: true });
    const view = el.ownerDocument.defaultView;
    let node: Element | null = el;
    for (let i = 0; node && i < MAX_ANCESTORS; i++, node = parentAcrossShadow(node)) {
      if (node.hasAttribute("hidden")) return false;
      const style = view?.getComputedStyle(node);
      if (style && (style.display === "none" || (node === el && style.visibility === "hidden") || style.opacity === "0")) return false;
    }
    return true;
  } catch {
    return false;
  }
}
