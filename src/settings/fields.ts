/**
 * The fields an administrator can manage (MANAGED_FIELDS): where each lives inside Settings and the schema its
 * value must pass. Shared by the managed-policy merge and by the field-by-field repair of damaged settings.
 */
import { z } from "zod";
import { Aco, OrgPolicy, OrgProfile, UsState } from "../core/schema.ts";
import { AuditSettings, InterceptionMode, SitePattern, type ManagedField, type Settings } from "./schema.ts";

export const FIELD_SCHEMAS: Record<ManagedField, z.ZodType> = {
  organization: OrgProfile.shape.organization,
  state: UsState,
  acos: z.array(Aco),
  policy: OrgPolicy,
  mode: InterceptionMode,
  sites: z.array(SitePattern),
  audit: AuditSettings,
};

const IN_PROFILE: ReadonlySet<ManagedField> = new Set(["organization", "state", "acos", "policy"]);

/** Reads a field from a value that may not be Settings at all (stored data is untrusted until parsed). */
export function getField(settings: unknown, field: ManagedField): unknown {
  const container = IN_PROFILE.has(field) ? asRecord(settings)?.profile : settings;
  return asRecord(container)?.[field];
}

/** A copy of `settings` with one field replaced; `value` must already have passed FIELD_SCHEMAS[field]. */
export function withField(settings: Settings, field: ManagedField, value: unknown): Settings {
  if (IN_PROFILE.has(field)) return { ...settings, profile: { ...settings.profile, [field]: value } };
  return { ...settings, [field]: value };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
