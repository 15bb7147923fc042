/**
 * What the panel frame says over its port (decisions, the live outcome, its height) and the
 * background's forward of it to the content script, defined once, in zod/mini so the content script's
 * panel part (content-panel.js, injected on demand) can carry it. The background parses the frame's
 * messages with the full request schema (src/messaging/messages.ts); the content script reads no
 * request, so it passes z.unknown() and leaves that to the background.
 */
import * as z from "zod/mini";
import { OUTCOMES, PANEL_DECISIONS, PANEL_MAX_HEIGHT, PANEL_SESSION_PATTERN } from "./protocol.ts";

/** A panel session id: random, made by the content script; it names the panel frame's port. */
export const panelSessionId = z.string().check(z.regex(PANEL_SESSION_PATTERN));

/** A panel frame's message; `request`: the schema its "outcome" event's request is parsed with. */
export function fromPanelFrame<Request extends z.core.SomeType>(request: Request) {
  return z.discriminatedUnion("type", [
    /** at: when the clinician pressed it (ms since the epoch), so a late-arriving Proceed is judged as of the press. */
    z.object({ type: z.literal("decision"), decision: z.enum(PANEL_DECISIONS), at: z.optional(z.number()) }),
    z.object({ type: z.literal("outcome"), outcome: z.enum(OUTCOMES), request }),
    z.object({ type: z.literal("size"), height: z.number().check(z.int(), z.minimum(0), z.maximum(PANEL_MAX_HEIGHT)) }),
  ]);
}

/** The background forwarding a panel frame's message to the content script that owns the session (tabs.sendMessage). */
export function panelEvent<Request extends z.core.SomeType>(request: Request) {
  return z.object({ type: z.literal("panel-event"), session: panelSessionId, event: fromPanelFrame(request) });
}
