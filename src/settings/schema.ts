/** What the extension stores in storage.local, versioned. No patient data is ever stored here. */
import { z } from "zod";
import { InformationKind, OrgProfile, Outcome } from "../core/schema.ts";
import { ActionKind } from "../detect/action.ts";
import { INTERCEPTION_MODES } from "../messaging/protocol.ts";

export const SETTINGS_VERSION = 1;

export { INTERCEPTION_MODES };
export const InterceptionMode = z.enum(INTERCEPTION_MODES);
export type InterceptionMode = z.infer<typeof InterceptionMode>;

/** A watched EHR site as a match pattern, e.g. "https://ehr.example.org/*". */
export const SitePattern = z
  .string()
  .regex(/^(https?):\/\/(\*|(\*\.)?[a-z0-9.-]+)(:\d+)?\/\*$/i, "must look like https://ehr.example.org/*");

export const AuditSettings = z.object({
  enabled: z.boolean().default(false),
  retentionDays: z.number().int().min(1).max(3650).default(90),
});

/** Fields an administrator may set through managed storage. */
export const MANAGED_FIELDS = ["organization", "state", "acos", "policy", "mode", "sites", "audit"] as const;
export type ManagedField = (typeof MANAGED_FIELDS)[number];

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  profile: OrgProfile,
  mode: InterceptionMode.default("confirm-risky"),
  sites: z.array(SitePattern).default([]),
  audit: AuditSettings.prefault({}),
  /**
   * Fields the user changed themselves. An admin's non-enforced default applies only to fields not listed here,
   * so a later policy default never silently overwrites a choice the user made.
   */
  userSet: z.array(z.enum(MANAGED_FIELDS)).optional(),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

/** One local audit entry: verdict metadata only, never patient data. */
export const AuditEntry = z.object({
  time: z.string(),
  origin: z.string().max(200),
  action: ActionKind.or(z.literal("popup")),
  outcome: Outcome,
  rules: z.array(z.string()),
  /** Kinds of information the page cued and the clinician said were not included (the kinds only, never the page's text). */
  setAside: z.array(InformationKind).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
