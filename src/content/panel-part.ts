/**
 * What only a panel needs: the panel session with its tamper guard and the heartbeat to its frame, and
 * the check of the panel events the background forwards. It is kept out of content.js (which runs in
 * every frame of a watched page and must stay small) and built as content-panel.js, which the
 * background injects on demand into the frame that asks (panel-loader.ts).
 */
import * as z from "zod/mini";
import { panelEvent } from "../messaging/panel-events.ts";
import { createPanelLinks } from "./panel-link.ts";
import { PanelSession } from "./panel-session.ts";
import { replay } from "./replay.ts";

/** The background forwarding our panel frame's message; its request is the background's to read. */
export const PanelEvent = panelEvent(z.unknown());
export type PanelEvent = z.infer<typeof PanelEvent>;
export type PanelFrameEvent = PanelEvent["event"];

export const panelPart = {
  PanelSession,
  createPanelLinks,
  /** Completing a held action whose verdict let it through without a panel. */
  replay,
  /** A runtime message the background forwarded, when it is a panel event. */
  panelEvent(message: unknown): PanelEvent | undefined {
    const parsed = PanelEvent.safeParse(message);
    return parsed.success ? parsed.data : undefined;
  },
};
export type PanelPart = typeof panelPart;
