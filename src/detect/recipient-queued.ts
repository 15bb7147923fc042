/**
 * A send in an item of an outbox or queue that says what goes to whom on its first line ("Referral letter to Dr Liam
 * Chen" / "Bayside Orthopaedics · ReferralNet" / "Not sent: … [Send now]", Halaxy's outgoing secure messages): the
 * person after "to", with the practice on the line below when it names one.
 */
import type { DetectedRecipient } from "./action.ts";
import { isElement, selectedRowNear, TEXT_NODE } from "./dom.ts";
import { nameOf } from "./recipient-build.ts";
import { organizationPiece, PIECE_SEPARATOR } from "./recipient-card.ts";
import { cleanText, matchText } from "./text.ts";
import { RECORD_CONTEXT } from "./vocabulary.ts";

const ITEM = "li,[role=listitem],tr,[role=row]";
/** How far up the item may be from the control: its own line, not the list's. */
const MAX_ITEM_CLIMB = 3;
/** A record, then "to" and a proper name: "Referral letter to Dr Liam Chen", "Discharge summary to Harbor Clinic". */
const RECORD_TO = /^(.{1,60}?) to (\p{Lu}.{1,80})$/u;
const MAX_LINES = 4;
const LINE_BREAK = /^(?:br|div|p|li|ul|ol|table|tr|section|header|footer)$/;
const CONTROLS = "button,a[href],[role=button],input";

export function queuedTo(control: Element): DetectedRecipient | undefined {
  const item = control.closest(ITEM);
  if (item && depth(control, item) <= MAX_ITEM_CLIMB) {
    const [first, next] = itemLines(item);
    return sentTo(first, next);
  }
  // A toolbar's Resend over a table's selected row: the cell that says so ("Referral letter to Northfield Oral Surgery
  // <referrals@…>", Dentally's correspondence).
  for (const cell of selectedRowNear(control)?.children ?? []) {
    const read = sentTo(nameOf(cell.textContent ?? ""));
    if (read) return read;
  }
  return undefined;
}

function sentTo(first: string | undefined, next?: string): DetectedRecipient | undefined {
  const said = first ? RECORD_TO.exec(first) : null;
  if (!said || !RECORD_CONTEXT.test(matchText(said[1]!))) return undefined;
  const name = cleanText(said[2]!, 120);
  const organization = next?.split(PIECE_SEPARATOR)[0]?.trim();
  return { text: name, label: "to", name, ...(organization && organizationPiece(organization) ? { organization } : {}) };
}

function depth(control: Element, item: Element): number {
  let levels = 0;
  for (let el: Element | null = control; el && el !== item; el = el.parentElement) levels++;
  return levels;
}

/** The item's lines as shown: text runs broken at <br> and blocks, without its controls' names. */
function itemLines(item: Element): string[] {
  const lines: string[] = [];
  let line = "";
  const end = () => {
    const text = cleanText(line, 200);
    if (text) lines.push(text);
    line = "";
  };
  for (let node = item.firstChild; node && lines.length < MAX_LINES; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) line += (node as Text).data;
    else if (isElement(node)) {
      if (LINE_BREAK.test(node.localName)) end();
      if (!node.matches(CONTROLS)) line += ` ${node.textContent ?? ""} `;
      if (LINE_BREAK.test(node.localName)) end();
    }
  }
  end();
  return lines;
}
