/**
 * Whether a person can see an element. Reads layout and computed style, so it is for the content script
 * to call on the one control it is about to anchor a panel to, never in scans.
 */
import { parentAcrossShadow } from "./dom.ts";

const MAX_ANCESTORS = 256;

export function isVisible(el: Element): boolean {
  try {
    if (!el.isConnected) return false;
    const view = el.ownerDocument.defaultView;
    const check = (el as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
    let node: Element | null = el;
    for (let i = 0; node && i < MAX_ANCESTORS; i++, node = parentAcrossShadow(node)) {
      // `hidden` means "not relevant" whatever a stylesheet does with it.
      if (node.hasAttribute("hidden")) return false;
      if (typeof check === "function") continue;
      const style = view?.getComputedStyle(node);
      if (style && (style.display === "none" || (node === el && style.visibility === "hidden") || style.opacity === "0")) return false;
    }
    return typeof check === "function" ? check.call(el, { checkOpacity: true, checkVisibilityCSS: true }) : true;
  } catch {
    return false;
  }
}
