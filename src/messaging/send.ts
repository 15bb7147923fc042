/** Typed request/reply to the background. Every reply is parsed; a missing or malformed reply is an error, never a guess. */
import { browser } from "../platform/browser.ts";
import { REPLY_TIMEOUT_MS } from "./protocol.ts";
import { ErrorReply, MESSAGES, type MessageRequest, type MessageResponse, type MessageType } from "./messages.ts";
import { z } from "zod";

export const DEFAULT_TIMEOUT_MS = REPLY_TIMEOUT_MS;

export class MessageError extends Error {
  override name = "MessageError";
}

export async function send<T extends MessageType>(
  type: T,
  payload: MessageRequest<T>,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<MessageResponse<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MessageError(`No answer to "${type}" within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const raw: unknown = await Promise.race([browser.runtime.sendMessage({ type, payload }), timeout]);
    const failed = ErrorReply.safeParse(raw);
    if (failed.success) throw new MessageError(failed.data.error);
    const ok = z.object({ ok: z.literal(true), data: MESSAGES[type].response }).safeParse(raw);
    if (!ok.success) throw new MessageError(`Malformed reply to "${type}"`);
    return ok.data.data as MessageResponse<T>;
  } finally {
    clearTimeout(timer);
  }
}
