/**
 * Every message between content scripts, popup, options and background: one zod schema per
 * request and per reply, keyed by `type`. Senders and the background both parse at the boundary.
 */
import { z } from "zod";
import { AcoFact } from "../core/aco-fact.ts";
import { DisclosureRequest, Verdict } from "../core/schema.ts";
import { DetectedAction } from "../detect/action.ts";
import { PAGE_CLICK_TOKEN_PATTERN, PANEL_PORT_PREFIX } from "./protocol.ts";
import { fromPanelFrame, panelEvent, panelSessionId } from "./panel-events.ts";
import { Suggestion } from "../ui/recipient-suggestions.ts";
import { AuditEntry, InterceptionMode, MANAGED_FIELDS, Settings } from "../settings/schema.ts";

const Empty = z.object({});
const TabId = z.number().int().nonnegative();
/** The held click's own properties, given again to the click in the page's world. */
const PageClickInit = z.strictObject({
  bubbles: z.boolean(),
  cancelable: z.boolean(),
  composed: z.boolean(),
  clientX: z.number(),
  clientY: z.number(),
  screenX: z.number(),
  screenY: z.number(),
  button: z.number().int(),
  buttons: z.number().int(),
  detail: z.number().int(),
  ctrlKey: z.boolean(),
  shiftKey: z.boolean(),
  altKey: z.boolean(),
  metaKey: z.boolean(),
});

/** The settings as the UI sees them: the effective values, which fields an admin locked, and any repair notice. */
export const SettingsView = z.object({
  settings: Settings,
  locked: z.array(z.enum(MANAGED_FIELDS)),
  /** Set when stored settings were corrupted or unreadable and defaults were used (the bad value is kept as a backup). */
  notice: z.string().optional(),
  /** Sites an admin listed that still lack the host permission. */
  sitesNeedingGrant: z.array(z.string()).default([]),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const LastAction = z.object({
  action: DetectedAction,
  outcome: Verdict.shape.outcome.optional(),
});
export type LastAction = z.infer<typeof LastAction>;

/**
 * A panel session's id (defined once, in panel-events.ts, where the content script reads it too). Nonces and claim
 * tokens take the same form. (The session itself is the content script's PanelSession.)
 */
export const PanelSessionId = panelSessionId;
export type PanelSessionId = z.infer<typeof PanelSessionId>;
export { PANEL_PORT_PREFIX };

/** What an in-page panel shows: the action as detected, the request built from it, and the verdict when one came. */
export const PanelState = z.object({
  action: DetectedAction,
  request: DisclosureRequest,
  /** Absent when no verdict could be had (the frame then shows "could not decide"). */
  verdict: Verdict.optional(),
  /**
   * The recipient's ACO memberships and what matched, added by the background (which holds the lists) when the
   * session opens: every ACO, not only the verdict's own match. Absent: the frame shows the verdict's own match.
   */
  aco: AcoFact.optional(),
  /** Why there is no verdict, for the could-not-decide text. */
  problem: z.string().max(200).optional(),
  /** The action is held until the clinician decides (Proceed/Cancel); otherwise the panel only advises (Close). */
  held: z.boolean(),
  /** The page tampered with the panel (hid, covered, restyled or moved it): Proceed is refused until it is clean again. */
  tampered: z.boolean().default(false),
  /** The held control left the page, so Proceed has nothing to complete. */
  controlGone: z.boolean().default(false),
  /** This panel only tells the clinician that the page removed or replaced the previous one (or it lost ShareCheck): nothing was sent. */
  notice: z.enum(["interrupted"]).optional(),
});
export type PanelState = z.infer<typeof PanelState>;

/**
 * The panel frame's first message on its port. The nonce reaches the frame by postMessage from the
 * content script straight into our iframe's window, so a page that copies our (visible) frame URL
 * into a frame of its own cannot present it.
 */
export const PanelHello = z.object({
  type: z.literal("hello"),
  nonce: PanelSessionId,
  /** After the worker restarted: the token the background gave the frame that first claimed the session. */
  resume: z.optional(PanelSessionId),
});
export type PanelHello = z.infer<typeof PanelHello>;

/** What the panel frame says over its port: decisions, the live outcome (for the host's data-outcome) and its height. */
export const FromPanelFrame = fromPanelFrame(DisclosureRequest);
export type FromPanelFrame = z.infer<typeof FromPanelFrame>;

/** What the background tells the panel frame over its port. */
export const ToPanelFrame = z.discriminatedUnion("type", [
  /** resume: the claiming frame's proof for reconnecting after the worker was stopped (only ever sent over this port). */
  z.object({ type: z.literal("state"), state: PanelState, resume: z.optional(PanelSessionId) }),
  z.object({ type: z.literal("page"), tampered: z.boolean(), controlGone: z.boolean() }),
]);
export type ToPanelFrame = z.infer<typeof ToPanelFrame>;

/** The background forwarding a panel frame's message to the content script that owns the session (tabs.sendMessage). */
export const PanelEvent = panelEvent(DisclosureRequest);
export type PanelEvent = z.infer<typeof PanelEvent>;

export const MESSAGES = {
  /** Evaluate a disclosure with the organisation's profile. `action` (when from a content script) feeds the badge, popup and audit log. */
  verdict: {
    /** `cues` (or `action.cues`) from a content script: the kinds they name are added to the request before it is evaluated. */
    request: z.object({ request: DisclosureRequest, action: DetectedAction.optional(), cues: DetectedAction.shape.cues }),
    /** `aco`: the recipient's ACO memberships and what matched, worked out where the lists are. */
    response: z.object({ verdict: Verdict, aco: AcoFact.optional() }),
  },
  /**
   * The popup's recipient suggestions, from the ACO lists the background holds (the popup never loads a
   * 50,000-participant list). `participants`: how many the lists hold. Extension pages only.
   */
  "recipient-suggestions": {
    request: z.object({ query: z.string().max(500) }),
    response: z.object({ suggestions: z.array(Suggestion), participants: z.number().int().nonnegative() }),
  },
  /** A content script saw an action start (before the clinician answered anything). */
  "action-detected": {
    request: z.object({ action: DetectedAction }),
    response: Empty,
  },
  /** The popup asks for the last action detected on a tab. */
  "last-action": {
    request: z.object({ tabId: TabId }),
    response: z.object({ last: LastAction.nullable() }),
  },
  /** "Check this page": inject the scanner into the active tab (activeTab) and report what it finds. */
  "scan-tab": {
    request: z.object({ tabId: TabId }),
    response: z.object({ actions: z.array(DetectedAction) }),
  },
  /** What a content script needs from the settings: only the interception mode. */
  "content-config": {
    request: Empty,
    response: z.object({ mode: InterceptionMode }),
  },
  /** A content script opened a panel; the background remembers the session for the panel frame's port. */
  "panel-open": {
    request: z.object({ session: PanelSessionId, nonce: PanelSessionId, state: PanelState }),
    response: Empty,
  },
  /**
   * A content script is about to need a panel: the background injects CONTENT_PANEL_FILE (the panel session, tamper
   * guard and heartbeat, kept out of content.js to keep it small) into the sender's frame, in its isolated world.
   */
  "panel-part": {
    request: Empty,
    response: Empty,
  },
  /** A content script's page is loaded and idle: the background injects CONTENT_WARM_FILE (the idle pre-warm) the same way. */
  "warm-part": {
    request: Empty,
    response: Empty,
  },
  /** The clinician has started on a content script's page: the background injects CONTENT_READER_FILE (the reader) the same way. */
  "reader-part": {
    request: Empty,
    response: Empty,
  },
  /** A proceeded click on a link that runs script: the background clicks the marked link in the page's world (protocol.ts). */
  "click-in-page": {
    request: z.object({ token: z.string().regex(PAGE_CLICK_TOKEN_PATTERN), init: PageClickInit }),
    response: z.object({ clicked: z.boolean() }),
  },
  /** The content script saw the page tamper with the panel or remove the held control: tell the frame. */
  "panel-update": {
    request: z.object({ session: PanelSessionId, tampered: z.boolean(), controlGone: z.boolean() }),
    response: Empty,
  },
  /** The content script closed a panel: forget the session. */
  "panel-close": {
    request: z.object({ session: PanelSessionId }),
    response: Empty,
  },
  "settings-get": {
    request: Empty,
    response: SettingsView,
  },
  /** Save user settings; fields an admin enforces are kept as the admin set them. */
  "settings-save": {
    request: z.object({ settings: Settings }),
    response: SettingsView,
  },
  /** After a host permission was granted or removed: register content scripts for exactly the granted sites. */
  "sites-sync": {
    request: Empty,
    response: z.object({ granted: z.array(z.string()) }),
  },
  "audit-list": {
    request: Empty,
    response: z.object({ entries: z.array(AuditEntry) }),
  },
  "audit-clear": {
    request: Empty,
    response: Empty,
  },
} as const;

export type MessageType = keyof typeof MESSAGES;
export type MessageRequest<T extends MessageType> = z.input<(typeof MESSAGES)[T]["request"]>;
export type ParsedRequest<T extends MessageType> = z.output<(typeof MESSAGES)[T]["request"]>;
export type MessageResponse<T extends MessageType> = z.output<(typeof MESSAGES)[T]["response"]>;

/** The message on the wire: `{ type, payload }`, a discriminated union over every request schema. */
const variants = (Object.keys(MESSAGES) as MessageType[]).map((type) =>
  z.object({ type: z.literal(type), payload: MESSAGES[type].request }),
);
export const WireMessage = z.discriminatedUnion("type", variants as unknown as [(typeof variants)[number], ...(typeof variants)[number][]]);
export type WireMessage = { [T in MessageType]: { type: T; payload: ParsedRequest<T> } }[MessageType];

export type Reply<T extends MessageType> = { ok: true; data: MessageResponse<T> } | { ok: false; error: string };
export const ErrorReply = z.object({ ok: z.literal(false), error: z.string() });
