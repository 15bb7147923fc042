/**
 * Every message between content scripts, popup, options and background: one zod schema per
 * request and per reply, keyed by `type`. Senders and the background both parse at the boundary.
 */
import { z } from "zod";
import { DisclosureRequest, Verdict } from "../core/schema.ts";
import { DetectedAction } from "../detect/action.ts";
import { AuditEntry, MANAGED_FIELDS, Settings } from "../settings/schema.ts";

const Empty = z.object({});
const TabId = z.number().int().nonnegative();

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

export const MESSAGES = {
  /** Evaluate a disclosure with the organisation's profile. `action` (when from a content script) feeds the badge, popup and audit log. */
  verdict: {
    request: z.object({ request: DisclosureRequest, action: DetectedAction.optional() }),
    response: z.object({ verdict: Verdict }),
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

