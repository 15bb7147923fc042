/**
 * Turns whatever is stored under the settings key into valid Settings, never throwing: migrates old versions,
 * keeps every field that still parses, resets the damaged ones, and says what happened. Pure; the store does I/O.
 */
import { Aco, Participant } from "../core/schema.ts";
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
  const version = record.version;
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
  const problems: SettingsProblem[] = [];
  let kept = 0;
  for (const field of MANAGED_FIELDS) {
    const value = getField(candidate, field);
    if (value === undefined) {
      // Only reached when the whole value failed to parse, so a missing field is part of the damage (state is optional).
      if (field !== "state") reset.push(field);
      continue;
    }
    const parsed = FIELD_SCHEMAS[field].safeParse(value);
    const acos = !parsed.success && field === "acos" ? salvageAcos(value) : undefined;
    if (parsed.success) {
      settings = withField(settings, field, parsed.data);
      kept++;
    } else if (acos) {
      // One damaged participant must not cost the organisation its whole ACO list.
      settings = withField(settings, field, acos.acos);
      problems.push({ kind: "acos-repaired", count: acos.repaired });
      kept++;
    } else {
      reset.push(field);
    }
  }
  if (kept === 0) return resetTo(settings, [{ kind: "unreadable" }]);
  const userSet = UserSet.safeParse(candidate.userSet);
  if (userSet.success && userSet.data) settings.userSet = userSet.data;
  return resetTo(settings, [...(reset.length > 0 ? [{ kind: "fields-reset" as const, fields: reset }] : []), ...problems]);
}

/**
 * An ACO list that fails the schema as a whole, mended entry by entry: a participant's damaged aliases are dropped
 * (then the participant itself, if it still fails), and an ACO that fails for another reason is dropped. Undefined
 * when it is not a list at all. `repaired` counts the entries changed or dropped.
 */
function salvageAcos(value: unknown): { acos: Aco[]; repaired: number } | undefined {
  if (!Array.isArray(value)) return undefined;
  let repaired = 0;
  const acos: Aco[] = [];
  for (const raw of value) {
    const whole = Aco.safeParse(raw);
    if (whole.success) {
      acos.push(whole.data);
      continue;
    }
    const shell = Aco.safeParse({ ...(raw as object), participants: [] });
    const list = (raw as { participants?: unknown } | null)?.participants;
    if (!shell.success || !Array.isArray(list)) {
      repaired++;
      continue;
    }
    const participants: Participant[] = [];
    for (const p of list) {
      const ok = Participant.safeParse(p);
      if (ok.success) {
        participants.push(ok.data);
        continue;
      }
      repaired++;
      const withoutAliases = Participant.safeParse({ ...(p as object), aliases: undefined });
      if (withoutAliases.success) participants.push(withoutAliases.data);
    }
    acos.push({ ...shell.data, participants });
  }
  return { acos, repaired };
}

function reset(problem: SettingsProblem): RepairResult {
  return resetTo(defaultSettings(), [problem]);
}

function resetTo(settings: Settings, problems: SettingsProblem[]): RepairResult {
  // A final parse guarantees the result is valid even if a field schema and Settings ever drift apart.
  const checked = Settings.safeParse(settings);
  if (!checked.success) return { settings: defaultSettings(), problems: [{ kind: "unreadable" }], changed: true };
  return { settings: checked.data, problems, changed: true };
}
