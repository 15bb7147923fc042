/**
 * The user's settings in storage.local. Loading never throws on bad data: a damaged or old value is repaired,
 * the original is kept under BACKUP_KEY, and the problem is kept under NOTICE_KEY until the user saves.
 */
import { SETTINGS_KEY } from "../messaging/protocol.ts";
import type { KeyValueArea } from "../platform/storage-area.ts";
import { SettingsProblem } from "./notice.ts";
import { repairSettings } from "./repair.ts";
import type { Settings } from "./schema.ts";

export { SETTINGS_KEY };
/** One backup, the latest: an ACO list can be megabytes, and storage.local has a quota. */
export const BACKUP_KEY = "settingsBackup";
export const NOTICE_KEY = "settingsNotice";

export type LoadedSettings = { settings: Settings; problems: SettingsProblem[] };

/** `fresh` is what a fresh install starts with (nothing stored yet); it is stored once the user saves. */
export async function loadSettings(
  area: KeyValueArea,
  now: () => Date = () => new Date(),
  fresh?: () => Settings,
): Promise<LoadedSettings> {
  const stored = await area.get([SETTINGS_KEY, NOTICE_KEY]);
  const raw = stored[SETTINGS_KEY];
  if (raw === undefined && fresh) return { settings: fresh(), problems: [] };
  const { settings, problems, changed } = repairSettings(raw);
  if (changed) {
    await area.set({
      [BACKUP_KEY]: { savedAt: now().toISOString(), problems, value: raw },
      [SETTINGS_KEY]: settings,
      ...(problems.length > 0 ? { [NOTICE_KEY]: problems } : {}),
    });
    return { settings, problems };
  }
  const pending = SettingsProblem.array().safeParse(stored[NOTICE_KEY]);
  return { settings, problems: pending.success ? pending.data : [] };
}

/** Saving is the user's acknowledgement of any repair notice, so it clears it. */
export async function saveSettings(area: KeyValueArea, settings: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: settings });
  await area.remove(NOTICE_KEY);
}
