/**
 * The content script's side of the message boundary, in zod/mini. The content script runs in every
 * frame of every watched page and must stay under 40 KB gzipped; classic zod alone is ~24 KB, so the
 * full schemas in src/messaging stay with the background (which parses everything it receives with
 * them) and this file checks only what the content script itself reads. wire.test.ts keeps these in
 * step with src/messaging/messages.ts.
 */
import * as z from "zod/mini";
import type { MessageRequest, MessageResponse, MessageType } from "../messaging/messages.ts";
import { browser } from "../platform/browser.ts";

// Content scripts run under the page's CSP: never try eval.
z.config({ jitless: true });

export const REPLY_TIMEOUT_MS = 1000;

const OUTCOME = z.enum(["allowed", "allowed-with-conditions", "authorization-required", "not-allowed", "needs-review"]);
const MODE = z.enum(["off", "advise", "confirm-risky", "confirm-all"]);
const SESSION = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));

/** What the content script reads of each reply; the rest of a verdict is passed on untouched (the background parses it in full). */
const REPLIES = {
  verdict: z.object({ verdict: z.looseObject({ outcome: OUTCOME, headline: z.string() }) }),
  "action-detected": z.object({}),
  "content-config": z.object({ mode: MODE }),
  "panel-open": z.object({}),
  "panel-update": z.object({}),
  "panel-close": z.object({}),
};
export type ContentMessage = keyof typeof REPLIES;

const Envelope = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]);

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
    const envelope = Envelope.safeParse(await Promise.race([browser.runtime.sendMessage({ type, payload }), timeout]));
    if (!envelope.success) throw new WireError(`Malformed reply to "${type}"`);
    if (!envelope.data.ok) throw new WireError(envelope.data.error);
    const data = REPLIES[type].safeParse(envelope.data.data);
    if (!data.success) throw new WireError(`Malformed reply to "${type}"`);
    return data.data as MessageResponse<T>;
  } finally {
    clearTimeout(timer);
  }
}

/** The background forwarding our panel frame's message (see PanelEvent in src/messaging/messages.ts). */
export const PanelEvent = z.object({
  type: z.literal("panel-event"),
  session: SESSION,
  event: z.discriminatedUnion("type", [
    z.object({ type: z.literal("decision"), decision: z.enum(["proceed", "cancel", "close"]) }),
    z.object({ type: z.literal("outcome"), outcome: OUTCOME, request: z.unknown() }),
    z.object({ type: z.literal("size"), height: z.number().check(z.int(), z.minimum(0), z.maximum(10000)) }),
  ]),
});
export type PanelEvent = z.infer<typeof PanelEvent>;
export type PanelFrameEvent = PanelEvent["event"];
