/**
 * The content script's side of the message boundary. zod checks every message at the background, both
 * ways: the router parses what a content script sends and, before it leaves, each reply against its
 * full response schema (router.ts). A reply reaches the content script only from the extension itself
 * (runtime.sendMessage), so this file does not parse it a second time with a schema library, which
 * would cost every frame of every watched page ~5 KB of its 25 KB budget. It still guards what the
 * content script reads of a reply, from the same values (src/messaging/protocol.ts): a reply of another
 * shape (an extension half-updated, a handler's bug) is an error, and the interceptor fails safe on it.
 * wire.test.ts checks the guard accepts every reply the full schemas accept.
 */
import type { MessageRequest, MessageResponse, MessageType } from "../messaging/messages.ts";
import { INTERCEPTION_MODES, OUTCOMES, REPLY_TIMEOUT_MS } from "../messaging/protocol.ts";
import { browser } from "./extension.ts";

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === "object" && value !== null && !Array.isArray(value);
const isOneOf = (values: readonly string[], value: unknown) => typeof value === "string" && values.includes(value);

/** What the content script reads of each reply; the rest of a verdict is passed on untouched. */
const READS = {
  verdict: (data: Fields) => isObject(data.verdict) && isOneOf(OUTCOMES, data.verdict.outcome) && typeof data.verdict.headline === "string",
  "action-detected": () => true,
  "content-config": (data: Fields) => isOneOf(INTERCEPTION_MODES, data.mode),
  "panel-open": () => true,
  "panel-part": () => true,
  "warm-part": () => true,
  "reader-part": () => true,
  "click-in-page": (data: Fields) => typeof data.clicked === "boolean",
  "panel-update": () => true,
  "panel-close": () => true,
} satisfies Partial<Record<MessageType, (data: Fields) => boolean>>;

export type ContentMessage = keyof typeof READS;

export class WireError extends Error {
  override name = "WireError";
}

/** The reply's data when it is the router's envelope around a reply this script can read; else a WireError. */
export function readReply<T extends ContentMessage>(type: T, reply: unknown): unknown {
  if (isObject(reply) && reply.ok === false && typeof reply.error === "string") throw new WireError(reply.error);
  if (!isObject(reply) || reply.ok !== true || !isObject(reply.data) || !READS[type](reply.data)) {
    throw new WireError(`Malformed reply to "${type}"`);
  }
  return reply.data;
}

/** Request/reply to the background, as src/messaging/send.ts does for extension pages, with the guard above. */
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
    return readReply(type, await Promise.race([browser.runtime.sendMessage({ type, payload }), timeout])) as MessageResponse<T>;
  } finally {
    clearTimeout(timer);
  }
}
