/**
 * Upgrades stored settings from the version they were saved with to SETTINGS_VERSION, one version at a time.
 * Settings started at version 1 and no release has changed their shape yet, so MIGRATIONS is empty: when the
 * schema changes, bump SETTINGS_VERSION and add `MIGRATIONS[old] = (value) => newShape`.
 */
import { SETTINGS_VERSION } from "./schema.ts";

export type Migration = (value: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n value into a version-(n+1) value. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function migrate(
  value: Record<string, unknown>,
  from: number,
  { to = SETTINGS_VERSION, migrations = MIGRATIONS }: { to?: number; migrations?: Readonly<Record<number, Migration>> } = {},
): Record<string, unknown> {
  let current = value;
  for (let version = from; version < to; version++) {
    const step = migrations[version];
    if (!step) throw new MigrationError(`No migration from settings version ${version}`);
    current = { ...step(current), version: version + 1 };
  }
  return current;
}
