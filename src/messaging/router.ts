/**
 * The background's message router: parses every message against the union, checks who sent it,
 * and turns any failure into an error reply instead of a crash.
 */
import type { Runtime } from "../platform/browser.ts";
import { MESSAGES, WireMessage, type MessageResponse, type MessageType, type ParsedRequest, type Reply } from "./messages.ts";

export type Handlers = {
  [T in MessageType]: (payload: ParsedRequest<T>, sender: Runtime.MessageSender) => Promise<MessageResponse<T>> | MessageResponse<T>;
};

/** Messages a content script in a web page may send; everything else only from our own extension pages. */
const FROM_CONTENT_SCRIPTS: ReadonlySet<MessageType> = new Set([
  "verdict",
  "action-detected",
  "content-config",
  "panel-open",
  "panel-part",
  "warm-part",
  "reader-part",
  "click-in-page",
  "panel-update",
  "panel-close",
]);

export type SenderKind = "extension-page" | "content-script" | "foreign";

export function classifySender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return "foreign";
  if (sender.url?.startsWith(extensionOrigin)) return "extension-page";
  return sender.tab ? "content-script" : "foreign";
}

export function createRouter(
  handlers: Handlers,
  self: { id: string; origin: string },
): (message: unknown, sender: Runtime.MessageSender) => Promise<Reply<MessageType>> | undefined {
  return (message, sender) => {
    const kind = classifySender(sender, self.id, self.origin);
    if (kind === "foreign") return undefined; // dropped: not ours to answer
    return dispatch(handlers, message, sender, kind);
  };
}

async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Runtime.MessageSender,
  kind: Exclude<SenderKind, "foreign">,
): Promise<Reply<MessageType>> {
  const parsed = WireMessage.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Malformed message${issue ? ` at ${issue.path.join(".") || "(root)"}: ${issue.message}` : ""}` };
  }
  const { type, payload } = parsed.data;
  if (kind === "content-script" && !FROM_CONTENT_SCRIPTS.has(type)) {
    return { ok: false, error: `"${type}" is not accepted from a web page` };
  }
  try {
    const handler = handlers[type] as (p: typeof payload, s: Runtime.MessageSender) => unknown;
    const data = MESSAGES[type].response.parse(await handler(payload, sender)) as MessageResponse<typeof type>;
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
