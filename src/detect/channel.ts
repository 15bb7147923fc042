/**
 * A Send that only a record's title made a share ("Consultation Letter" › Send) says nothing of how it goes; a
 * recipient who can be reached only one way says it. To a card that shows only a fax number it faxes the letter;
 * to one that shows only a Direct address (at a Direct domain: a plain e-mail address is no Direct address), it
 * sends it by Direct. So does a bare Send whose page offers both ways.
 */
import type { ActionKind, DetectedRecipient } from "./action.ts";
import type { Classification } from "./classify.ts";
import { DIRECT_DOMAIN } from "./recipient-card.ts";

/** A Send that names nothing: its kind came from the page around it, which may offer both fax and Direct (Kno2's send bar). */
const BARE_SEND = /^(?:send|submit|transmit|enviar|envoyer|senden)$/i;

export function sendChannel({ kind, label, untold }: Classification, recipient: DetectedRecipient | undefined): ActionKind {
  if (!recipient || !(untold || ((kind === "fax" || kind === "direct") && BARE_SEND.test(label.trim())))) return kind;
  const { fax, directAddress } = recipient;
  const direct = directAddress && DIRECT_DOMAIN.test(directAddress);
  return fax && !directAddress ? "fax" : direct && !fax ? "direct" : kind;
}
