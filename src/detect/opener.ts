/**
 * A control that would send but cannot yet: a menu item or toolbar button that faxes, sends by Direct, shares or
 * refers, outside any form or dialog, with no recipient anywhere around it ("Share" in a note's menu, "Send via fax"
 * in a document's ⋯ menu, an Ext JS "Transmit" button). It opens the place where the recipient is chosen, and the
 * send comes from there: holding the opener would hold the clinician twice. So does a control named by the channel
 * alone ("Fax" beside a note), wherever it is: with no one named it has no one to send to. An export needs no
 * recipient.
 */
import type { DetectedRecipient } from "./action.ts";
import type { Classification } from "./classify.ts";
import { DIALOG_SELECTOR } from "./dom.ts";
import { matchText } from "./text.ts";

const MENU_OR_TOOLBAR = '[role="menu"], [role="menubar"], [role="menuitem"], [role="toolbar"]';
const CHANNEL_ONLY = /^(?:e?fax|share|refer|transmit|compartir|remitir)$/;

export function opensRecipientChooser(
  control: Element,
  { kind, label }: Classification,
  recipient: DetectedRecipient | undefined,
): boolean {
  return (
    !recipient &&
    kind !== "export" &&
    !control.closest(`form, ${DIALOG_SELECTOR}`) &&
    (control.closest(MENU_OR_TOOLBAR) !== null || CHANNEL_ONLY.test(matchText(label)))
  );
}
