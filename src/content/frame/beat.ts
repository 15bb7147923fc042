/**
 * The heartbeat between the content script and the panel frame (see src/content/panel-link.ts), in
 * zod/mini because the content script's panel part (content-panel.js) bundles it. Beats go into the
 * frame, addressed to the extension's origin; echoes come out to the page's window, where page script
 * sees them too, so they carry nothing secret and each token is accepted once.
 */
import * as z from "zod/mini";

export const PANEL_BEAT = "sharecheck-beat";
const TOKEN = z.string().check(z.regex(/^[a-z0-9]{3,40}$/));
const SESSION = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));

/** Into the frame: a fresh token, and the session nonce until the frame reports its port up. */
export const PanelBeat = z.object({ type: z.literal(PANEL_BEAT), token: TOKEN, nonce: z.optional(SESSION) });
export type PanelBeat = z.infer<typeof PanelBeat>;

/**
 * Out of the frame: "echo" (token, this document's id, the port's state), "bye" as the document
 * unloads, "dismiss" for Cancel/Close when the background cannot carry them.
 */
export const PanelBeatEcho = z.discriminatedUnion("kind", [
  z.object({ type: z.literal(PANEL_BEAT), kind: z.literal("echo"), token: TOKEN, doc: TOKEN, port: z.enum(["pending", "up", "down"]) }),
  z.object({ type: z.literal(PANEL_BEAT), kind: z.literal("bye"), doc: TOKEN }),
  z.object({ type: z.literal(PANEL_BEAT), kind: z.literal("dismiss"), decision: z.enum(["cancel", "close"]) }),
]);
export type PanelBeatEcho = z.infer<typeof PanelBeatEcho>;
