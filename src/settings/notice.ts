/**
 * What went wrong while reading settings or the admin policy, as data (persisted until the user saves), and the
 * one sentence the options page shows for it, from _locales through the caller's i18n lookup.
 */
import { z } from "zod";
import { MANAGED_FIELDS } from "./schema.ts";

export const SettingsProblem = z.discriminatedUnion("kind", [
  /** Stored settings were not settings at all (wrong type, garbage). */
  z.object({ kind: z.literal("unreadable") }),
  /** Saved by a newer ShareCheck than this one. */
  z.object({ kind: z.literal("future-version"), version: z.number() }),
  /** An older version we cannot migrate. */
  z.object({ kind: z.literal("migration-failed"), from: z.number() }),
  /** Some fields were damaged and reset; the others were kept. */
  z.object({ kind: z.literal("fields-reset"), fields: z.array(z.enum(MANAGED_FIELDS)) }),
  /** Some ACO list entries were damaged (a participant's aliases, say): they were mended or dropped, the rest kept. */
  z.object({ kind: z.literal("acos-repaired"), count: z.number() }),
  /** The administrator's policy had fields that are not valid; those fields were ignored. */
  z.object({ kind: z.literal("managed-invalid"), fields: z.array(z.string()) }),
  /** The administrator's policy could not be read at all. */
  z.object({ kind: z.literal("managed-unreadable") }),
]);
export type SettingsProblem = z.infer<typeof SettingsProblem>;

/** i18n lookup: returns "" when the key is unknown (as browser.i18n.getMessage does). */
export type Translate = (key: string, substitutions?: string[]) => string;

/** The message of each problem in _locales (a test checks every key is there). */
export const NOTICE_KEYS: Record<SettingsProblem["kind"], string> = {
  unreadable: "settings_notice_unreadable",
  "future-version": "settings_notice_future_version",
  "migration-failed": "settings_notice_migration_failed",
  "fields-reset": "settings_notice_fields_reset",
  "acos-repaired": "settings_notice_acos_repaired",
  "managed-invalid": "settings_notice_managed_invalid",
  "managed-unreadable": "settings_notice_managed_unreadable",
};

/** One notice for all problems, or undefined when there are none. A key the locale lacks shows as itself, never as nothing. */
export function describeProblems(problems: readonly SettingsProblem[], translate: Translate = () => ""): string | undefined {
  if (problems.length === 0) return undefined;
  return problems
    .map((problem) => {
      const key = NOTICE_KEYS[problem.kind];
      const subs = "fields" in problem ? [problem.fields.join(", ")] : "count" in problem ? [String(problem.count)] : [];
      return translate(key, subs) || key;
    })
    .join(" ");
}
