/**
 * Frameworks re-render: a held control may be replaced by an identical fresh node before the clinician
 * proceeds. Its stand-in is that fresh node: under the nearest ancestor still in the page, the one
 * element with the same tag, type, role, naming attributes and text, told apart from its likes by the
 * replaced ancestors it sits in (the row of a list re-rendered whole, each row with its own "Send": CRISP's
 * care team). None, or more than one: no stand-in, and nothing is replayed (the panel says the control is gone).
 */
import { words } from "../detect/text.ts";

const MAX_ANCESTORS = 8;
const MAX_TEXT = 200;
const NAMING = words("type role name value aria-label title id");

export type Remembered = { element: Element; ancestors: Element[]; signature: string };

/**
 * Numbers in the naming attributes are no part of the name: a framework numbers the ids it generates afresh on each
 * layout (Ext JS "button-1041", then "button-1047"). The text still tells "Fax 2 pages" from "Fax 3 pages" on a button.
 */
function signature(el: Element): string {
  let sig = `${el.localName}\u0000${(el.textContent ?? "").trim().slice(0, MAX_TEXT)}`;
  for (const name of NAMING) sig += `\u0000${el.getAttribute(name)?.replace(/\d+/g, "#") ?? ""}`;
  return sig;
}

export function remember(element: Element): Remembered {
  const ancestors: Element[] = [];
  for (let up = element.parentElement; up && ancestors.length < MAX_ANCESTORS; up = up.parentElement) ancestors.push(up);
  return { element, ancestors, signature: signature(element) };
}

/** Whether `el`'s nearest ancestors show what the replaced ones did, level by level. */
function inSame(el: Element, within: readonly string[]): boolean {
  let up = el.parentElement;
  for (const sig of within) {
    if (!up || signature(up) !== sig) return false;
    up = up.parentElement;
  }
  return true;
}

/** The remembered element if it is still in the page, else its one identical replacement, else null. */
export function standIn(remembered: Remembered): Element | null {
  const { element, ancestors } = remembered;
  if (element.isConnected) return element;
  const replaced = ancestors.findIndex((el) => el.isConnected);
  if (replaced < 0) return null;
  // The replaced ancestors still hold what they showed: their fresh copies show the same.
  const within = ancestors.slice(0, replaced).map(signature);
  let found: Element | null = null;
  const same = ancestors[replaced]!.getElementsByTagName(element.localName);
  for (let i = 0; i < same.length; i++) {
    if (signature(same[i]!) !== remembered.signature) continue;
    if (!inSame(same[i]!, within)) continue;
    if (found) return null;
    found = same[i]!;
  }
  return found;
}
