/**
 * Settings export and import as one versioned JSON file. Reading never changes anything: it returns the
 * settings to save, or says exactly what is wrong with the file.
 */
import { z } from "zod";
import { migrate, MigrationError } from "../settings/migrations.ts";
import { Settings, SETTINGS_VERSION } from "../settings/schema.ts";

export const SETTINGS_FILE_FORMAT = "sharecheck-settings";

export type SettingsFileProblem =
  | { code: "not-json" }
  | { code: "not-settings-file" }
  | { code: "newer-version"; version: number }
  | { code: "invalid"; path: string; message: string };

const Envelope = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.number().int().positive(),
  settings: z.record(z.string(), z.unknown()),
});

export function exportSettingsFile(settings: Settings, now = new Date()): string {
  // userSet is this browser's bookkeeping of the user's own choices, not part of the organisation's setup.
  const { userSet: _userSet, ...rest } = settings;
  return JSON.stringify(
    { format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), settings: rest },
    null,
    2,
  );
}

export function readSettingsFile(text: string): { ok: true; settings: Settings } | { ok: false; problem: SettingsFileProblem } {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, problem: { code: "not-json" } };
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return { ok: false, problem: { code: "not-settings-file" } };
  const { version, settings } = envelope.data;
  if (version > SETTINGS_VERSION) return { ok: false, problem: { code: "newer-version", version } };
  let upgraded: Record<string, unknown>;
  try {
    upgraded = migrate({ ...settings, version }, version);
  } catch (e) {
    if (e instanceof MigrationError) return { ok: false, problem: { code: "invalid", path: "version", message: e.message } };
    throw e;
  }
  const parsed = Settings.safeParse(upgraded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: { code: "invalid", path: issue.path.join(".") || "settings", message: issue.message } };
  }
  return { ok: true, settings: parsed.data };
}
