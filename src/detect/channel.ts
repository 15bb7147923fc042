/**
 * A Send that only a record's title made a share ("Consultation Letter" › Send) says nothing of how it goes; a
 * recipient who can be reached only one way says it. To a card that shows only a fax number it faxes the letter;
 * to one that shows only a Direct address (at a Direct domain: a plain e-mail address is no Direct address), it
 * sends it by Direct. (A title that offers both ways names neither: classify.ts.)
 */
import type { ActionKind, DetectedRecipient } from "./action.ts";
import type { Classification } from "./classify.ts";
import { DIRECT_DOMAIN } from "./address.ts";

export function sendChannel({ kind, untold }: Classification, recipient: DetectedRecipient | undefined): ActionKind {
  if (!recipient || !untold) return kind;
  const { fax, directAddress } = recipient;
  const direct = directAddress && DIRECT_DOMAIN.test(directAddress);
  return fax && !directAddress ? "fax" : direct && !fax ? "direct" : kind;
}
