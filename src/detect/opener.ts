/**
 * A control that would send but cannot yet: outside any form or dialog, with no recipient anywhere around it and
 * none in its name ("Fax" beside a note, "Enviar documento" in a card's header, "Send Direct Message" in a worklist's
 * toolbar, "Send via fax" in a document's ⋯ menu). It opens the place where the recipient is chosen, and the send
 * comes from there: holding the opener would hold the clinician twice. A send that goes as it is shows where to
 * (a chosen row or card, a header's "To", its own "Fax to PCP"), and is held. An export needs no recipient, and a
 * field a key sends from (shortcut.ts) opens nothing.
 */
import type { DetectedRecipient } from "./action.ts";
import type { Classification } from "./classify.ts";
import { attachedFile } from "./context.ts";
import { attr, DIALOG_SELECTOR, EDITABLE_SELECTOR, parentAcrossShadow, POSITION_FOLLOWING } from "./dom.ts";
import { matchText } from "./text.ts";
import { BARE_WAY, RESEND_PATTERN } from "./vocabulary.ts";

/**
 * A name that says where it sends ("Fax to PCP", "Send to HIE", "Enviar al especialista", "Skicka till Försäkringskassan", "Alimenter le DMP"), or to a service that takes
 * it from there (e-RS's "Send for triage").
 */
const NAMES_DESTINATION = /\b(?:to|al|till|til|naar|aan|au|aux|dmp)\b|^enviar a\b|\bfor (?:triage|assessment|advice|(?:an? )?opinion)$/;
/** A destination that is anyone of a kind ("Send to HCP", Jump's sidebar icon): the one is chosen in what it opens. */
const ANY_ONE = /\bto (?:an? |another )?(?:hcps?|health ?care professionals?|colleagues?)$/;
/**
 * A name that ends a flow rather than opens one: "Submit" on a wizard's last step (ReferralMD), whose recipient was chosen on
 * a step now hidden; or that repeats a send already addressed ("Resend" in a fax log).
 */
const ENDS_FLOW = new RegExp(`^(?:submit|finish|done)\\b|${RESEND_PATTERN}`);

/**
 * In a popup menu: role=menu, or a block whose trigger just before it, or naming it, is expanded. Not one in a form or
 * dialog: a choice there ("By fax" in a send dialog) may send as it is.
 */
function inOpenMenu(control: Element): boolean {
  if (control.closest(`form,${DIALOG_SELECTOR}`)) return false;
  if (control.closest("[role=menu]")) return true;
  const box = control.parentElement;
  if (!box) return false;
  const trigger = box.previousElementSibling;
  if (trigger && attr(trigger, "aria-expanded") === "true") return true;
  const id = attr(box, "id");
  return !!id && box.ownerDocument.querySelector(`[aria-expanded=true][aria-controls~="${CSS.escape(id)}"]`) !== null;
}

/** Fields a person writes what leaves into (a reason, a message): search boxes aside. */
const WRITTEN = "textarea,input:not([type]),input[type=text],[contenteditable=true]";

export function opensRecipientChooser(
  control: Element,
  { kind, label }: Classification,
  recipient: DetectedRecipient | undefined,
): boolean {
  const named = matchText(label);
  // A way alone in a menu just opened ("Fax" in a committed referral's ⋯ menu, Canvas) opens that way's dialog, though
  // the record it acts on names its recipient: the dialog is where it is sent from.
  if (kind !== "export" && BARE_WAY.test(named) && inOpenMenu(control)) return true;
  return (
    !recipient &&
    kind !== "export" &&
    !control.matches(EDITABLE_SELECTOR) &&
    (!NAMES_DESTINATION.test(named) || ANY_ONE.test(named)) &&
    !ENDS_FLOW.test(named) &&
    // Only a send that says what it sends ("Send referral") sends the fields above it; a chat's "Send" under its message box
    // takes its kind from the page around it, and whom it goes to is chosen elsewhere. A way alone ("Fax" under Canvas's
    // letter editor) opens the place where the letter is addressed.
    !inForm(control, named.includes(kind.slice(0, 3)) && (kind === "referral" || named.includes(" ")))
  );
}

/**
 * In a form or dialog, across shadow roots (a web component's button), beside a file attached to what it sends, or
 * just below fields in view that hold what it sends: the last step of a wizard laid out without a form (ReferralCatch's "Send referral", where "Next" was).
 * Below them: a field further down the page (a search panel under a Send) is not what the send sends, nor is one
 * anywhere at the page's body level.
 */
function inForm(control: Element, orBelowFields: boolean): boolean {
  for (let node: Element | null = control, from = control, up = 0; node; from = node, node = parentAcrossShadow(node), up++) {
    if (node.matches(`form,${DIALOG_SELECTOR}`)) return true;
    if (up > 0 && up < 4 && node.localName !== "body") {
      // A send beside a file attached to the message sends it where the conversation goes (Spruce's composer); further
      // up, a file is the thread's history.
      if (up < 3 && attachedFile(node)) return true;
      if (
        orBelowFields &&
        Array.from(node.querySelectorAll(WRITTEN)).some(
          (field) => field.compareDocumentPosition(from) & POSITION_FOLLOWING && field.checkVisibility(),
        )
      )
        return true;
    }
  }
  return false;
}
