/**
 * The values the content script and the extension's zod schemas share, defined once and without zod:
 * the content script runs in every frame of a watched page and carries no schema library (src/content/wire.ts
 * guards its replies with these values; its panel part, content-panel.js, carries zod/mini), while
 * src/messaging and src/settings build their full schemas from these same values.
 */
export { OUTCOMES } from "../core/outcome.ts";

/** How the content script treats an action: off, advise (never hold), confirm-risky (default), confirm-all. */
export const INTERCEPTION_MODES = ["off", "advise", "confirm-risky", "confirm-all"] as const;

/** The storage.local key the settings live under (the content script watches it for changes). */
export const SETTINGS_KEY = "settings";

/** How long a sender waits for the background's reply. */
export const REPLY_TIMEOUT_MS = 1000;

/**
 * A proceeded click on a link that runs script (href="javascript:…", ASP.NET's __doPostBack): the content script marks
 * the link with this attribute and a random token, and the background clicks it in the page's own world, where
 * Chromium runs such a link (it refuses one clicked from a content script's world).
 */
export const PAGE_CLICK_ATTRIBUTE = "data-sharecheck-page-click";
export const PAGE_CLICK_TOKEN_PATTERN = /^[a-f0-9]{32}$/;

/** A panel session id: random, made by the content script; it names the panel frame's port. */
export const PANEL_SESSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** The panel frame's port is named PANEL_PORT_PREFIX + session. */
export const PANEL_PORT_PREFIX = "panel:";
/** What the clinician can decide in the panel. */
export const PANEL_DECISIONS = ["proceed", "cancel", "close"] as const;
/** The tallest panel frame height the frame may ask for (px). */
export const PANEL_MAX_HEIGHT = 10_000;
