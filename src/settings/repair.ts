/**
 * Turns whatever is stored under the settings key into valid Settings, never throwing: migrates old versions,
 * keeps every field that still parses, resets the damaged ones, and says what happened. Pure; the store does I/O.
 */
import { defaultSettings } from "./defaults.ts";
import { FIELD_SCHEMAS, getField, withField } from "./fields.ts";
import { MIGRATIONS, migrate, type Migration } from "./migrations.ts";
import type { SettingsProblem } from "./notice.ts";
import { MANAGED_FIELDS, SETTINGS_VERSION, Settings, type ManagedField } from "./schema.ts";

export type RepairResult = {
  settings: Settings;
  problems: SettingsProblem[];
  /** The stored value differs from `settings` (migrated or repaired) and should be rewritten, keeping the old one as a backup. */
  changed: boolean;
};

const UserSet = Settings.shape.userSet;

export function repairSettings(
  raw: unknown,
  { migrations = MIGRATIONS }: { migrations?: Readonly<Record<number, Migration>> } = {},
): RepairResult {
  if (raw === undefined) return { settings: defaultSettings(), problems: [], changed: false };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return reset({ kind: "unreadable" });

  const record = raw as Record<string, unknown>;
  const version = record["version"];
  let candidate: Record<string, unknown> = record;
  let changed = false;
  if (typeof version === "number" && Number.isInteger(version)) {
    if (version > SETTINGS_VERSION) return reset({ kind: "future-version", version });
    if (version < SETTINGS_VERSION) {
      try {
        candidate = migrate(record, version, { migrations });
        changed = true;
      } catch {
        return reset({ kind: "migration-failed", from: version });
      }
    }
  }

  const whole = Settings.safeParse(candidate);
  if (whole.success) return { settings: whole.data, problems: [], changed };
  return salvage(candidate);
}

/** Keeps each field that parses on its own; resets and names the rest. Unversioned values land here too. */
function salvage(candidate: Record<string, unknown>): RepairResult {
  let settings = defaultSettings();
  const reset: ManagedField[] = [];
  let kept = 0;
  for (const field of MANAGED_FIELDS) {
    const value = getField(candidate, field);
    if (value === undefined) {
      // Only reached when the whole value failed to parse, so a missing field is part of the damage (state is optional).
      if (field !== "state") reset.push(field);
      continue;
    }
    const parsed = FIELD_SCHEMAS[field].safeParse(value);
    if (parsed.success) {
      settings = withField(settings, field, parsed.data);
      kept++;
    } else {
      reset.push(field);
    }
  }
  if (kept === 0) return resetTo(settings, { kind: "unreadable" });
  const userSet = UserSet.safeParse(candidate["userSet"]);
  if (userSet.success && userSet.data) settings.userSet = userSet.data;
  return resetTo(settings, reset.length > 0 ? { kind: "fields-reset", fields: reset } : undefined);
}

function reset(problem: SettingsProblem): RepairResult {
  return resetTo(defaultSettings(), problem);
}

function resetTo(settings: Settings, problem: SettingsProblem | undefined): RepairResult {
  // A final parse guarantees the result is valid even if a field schema and Settings ever drift apart.
  const checked = Settings.safeParse(settings);
  if (!checked.success) return { settings: defaultSettings(), problems: [{ kind: "unreadable" }], changed: true };
  return { settings: checked.data, problems: problem ? [problem] : [], changed: true };
}
