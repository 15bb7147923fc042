/**
 * The admin policy over the user's settings, field by field, in both directions. Pure.
 * - Reading: an enforced field always takes the admin's value and is locked; a non-enforced one is a default that
 *   applies until the user changes that field themselves (Settings.userSet).
 * - Saving: an enforced field keeps what the user had stored (the admin's value is applied on read, so lifting
 *   the policy later gives the user their own value back); a field the user changed joins userSet.
 */
import { getField, withField } from "./fields.ts";
import type { ManagedPolicy } from "./managed.ts";
import { MANAGED_FIELDS, SETTINGS_VERSION, type ManagedField, type Settings } from "./schema.ts";

export function mergeSettings(user: Settings, policy: ManagedPolicy): { settings: Settings; locked: ManagedField[] } {
  let settings = user;
  const locked: ManagedField[] = [];
  const userSet = new Set(user.userSet);
  for (const field of MANAGED_FIELDS) {
    const entry = policy[field];
    if (!entry) continue;
    if (entry.enforced) locked.push(field);
    if (entry.enforced || !userSet.has(field)) settings = withField(settings, field, entry.value);
  }
  return { settings, locked };
}

/** What to store when the user saves `submitted` (the effective settings as the UI edited them). */
export function applyUserSave(stored: Settings, submitted: Settings, policy: ManagedPolicy): Settings {
  const effective = mergeSettings(stored, policy).settings;
  const userSet = new Set(stored.userSet);
  let next: Settings = { ...submitted, version: SETTINGS_VERSION };
  for (const field of MANAGED_FIELDS) {
    const changed = !deepEqual(getField(submitted, field), getField(effective, field));
    if (changed && !policy[field]?.enforced) userSet.add(field);
    else next = withField(next, field, getField(stored, field));
  }
  if (userSet.size > 0) next.userSet = MANAGED_FIELDS.filter((field) => userSet.has(field));
  else delete next.userSet;
  return next;
}

/** Structural equality of JSON-like values; object key order does not matter (the UI may rebuild objects). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!deepEqual(ra[key], rb[key])) return false;
  return true;
}
