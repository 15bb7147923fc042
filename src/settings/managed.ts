/**
 * The administrator's policy from storage.managed (Chrome policy / Firefox policies.json "3rdparty"), parsed field
 * by field: each MANAGED_FIELDS entry is `{ value, enforced }`. An invalid field is ignored and reported; the rest
 * still apply. No policy at all is normal and never an error.
 */
import { z } from "zod";
import { FIELD_SCHEMAS } from "./fields.ts";
import type { SettingsProblem } from "./notice.ts";
import { MANAGED_FIELDS, type ManagedField } from "./schema.ts";

/** One managed field: its parsed value, and whether the user is locked out of changing it. */
export type ManagedEntry = { value: unknown; enforced: boolean };
export type ManagedPolicy = Partial<Record<ManagedField, ManagedEntry>>;

const Entry = z.object({ value: z.unknown(), enforced: z.boolean() });

export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy; invalid: ManagedField[] } {
  const policy: ManagedPolicy = {};
  const invalid: ManagedField[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { policy, invalid };
  const record = raw as Record<string, unknown>;
  for (const field of MANAGED_FIELDS) {
    if (record[field] === undefined) continue;
    const entry = Entry.safeParse(record[field]);
    const value = entry.success ? FIELD_SCHEMAS[field].safeParse(entry.data.value) : undefined;
    if (entry.success && value?.success) policy[field] = { value: value.data, enforced: entry.data.enforced };
    else invalid.push(field);
  }
  return { policy, invalid };
}

/**
 * Firefox rejects storage.managed.get() with "Managed storage manifest not found" when no policy names the add-on;
 * that means "no policy", like Chrome's empty object.
 */
export function isNoPolicyError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /managed storage manifest not found/i.test(message);
}

export type ManagedArea = { get(keys?: null): Promise<Record<string, unknown>> };

export async function readManagedPolicy(area: ManagedArea | undefined): Promise<{ policy: ManagedPolicy; problems: SettingsProblem[] }> {
  if (!area) return { policy: {}, problems: [] };
  let raw: unknown;
  try {
    raw = await area.get(null);
  } catch (error) {
    return { policy: {}, problems: isNoPolicyError(error) ? [] : [{ kind: "managed-unreadable" }] };
  }
  const { policy, invalid } = parseManagedPolicy(raw);
  return { policy, problems: invalid.length > 0 ? [{ kind: "managed-invalid", fields: invalid }] : [] };
}
