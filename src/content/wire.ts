/**
 * The content script's side of the message boundary, in zod/mini. The content script runs in every
 * frame of every watched page and must stay small (25 KB gzipped); classic zod alone is ~24 KB, so the
 * full schemas in src/messaging stay with the background (which parses everything it receives with
 * them) and this file checks only what the content script itself reads. The panel's events are one
 * schema for both (src/messaging/panel-events.ts, read in panel-part.ts); the replies are built from the same values
 * (src/messaging/protocol.ts), and wire.test.ts checks they accept the same messages.
 */
import * as z from "zod/mini";
import type { MessageRequest, MessageResponse, MessageType } from "../messaging/messages.ts";
import { INTERCEPTION_MODES, OUTCOMES, REPLY_TIMEOUT_MS } from "../messaging/protocol.ts";
import { browser } from "./extension.ts";

// Content scripts run under the page's CSP: never try eval.
z.config({ jitless: true });

/**
 * What the content script reads of each reply; the rest of a verdict is passed on untouched (the background
 * parses it in full). Built at the first message, not when the script loads: a page load pays for no schema.
 */
function replySchemas() {
  const OUTCOME = z.enum(OUTCOMES);
  const MODE = z.enum(INTERCEPTION_MODES);
  return {
    envelope: z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]),
    replies: {
      verdict: z.object({ verdict: z.looseObject({ outcome: OUTCOME, headline: z.string() }) }),
      "action-detected": z.object({}),
      "content-config": z.object({ mode: MODE }),
      "panel-open": z.object({}),
      "panel-part": z.object({}),
      "panel-update": z.object({}),
      "panel-close": z.object({}),
    },
  };
}
let schemas: ReturnType<typeof replySchemas> | undefined;

export type ContentMessage = keyof ReturnType<typeof replySchemas>["replies"];

export class WireError extends Error {
  override name = "WireError";
}

/** Request/reply to the background, as src/messaging/send.ts does for extension pages, with the lean reply checks above. */
export async function sendToBackground<T extends ContentMessage & MessageType>(
  type: T,
  payload: MessageRequest<T>,
  timeoutMs = REPLY_TIMEOUT_MS,
): Promise<MessageResponse<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WireError(`No answer to "${type}" within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    schemas ??= replySchemas();
    const envelope = schemas.envelope.safeParse(await Promise.race([browser.runtime.sendMessage({ type, payload }), timeout]));
    if (!envelope.success) throw new WireError(`Malformed reply to "${type}"`);
    if (!envelope.data.ok) throw new WireError(envelope.data.error);
    const data = schemas.replies[type].safeParse(envelope.data.data);
    if (!data.success) throw new WireError(`Malformed reply to "${type}"`);
    return data.data as MessageResponse<T>;
  } finally {
    clearTimeout(timer);
  }
}
