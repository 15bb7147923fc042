/**
 * What went wrong while reading settings or the admin policy, as data (persisted until the user saves), and the
 * one sentence the options page shows for it. Texts go through the caller's i18n lookup with English fallbacks.
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
  /** The administrator's policy had fields that are not valid; those fields were ignored. */
  z.object({ kind: z.literal("managed-invalid"), fields: z.array(z.string()) }),
  /** The administrator's policy could not be read at all. */
  z.object({ kind: z.literal("managed-unreadable") }),
]);
export type SettingsProblem = z.infer<typeof SettingsProblem>;

/** i18n lookup: returns "" when the key is unknown (as browser.i18n.getMessage does). */
export type Translate = (key: string, substitutions?: string[]) => string;

const ENGLISH: Record<SettingsProblem["kind"], string> = {
  unreadable: "Your saved settings could not be read, so the defaults are in use. The old value was kept as a backup.",
  "future-version":
    "Your saved settings come from a newer version of ShareCheck, so the defaults are in use. The old value was kept as a backup.",
  "migration-failed":
    "Your saved settings come from an old version of ShareCheck that cannot be upgraded, so the defaults are in use. The old value was kept as a backup.",
  "fields-reset": "Some saved settings were damaged and were reset to their defaults: $1. The old value was kept as a backup.",
  "managed-invalid": "Your organisation's policy has settings that are not valid and were ignored: $1.",
  "managed-unreadable": "Your organisation's policy could not be read, so none of it is applied.",
};

const KEYS: Record<SettingsProblem["kind"], string> = {
  unreadable: "settingsNoticeUnreadable",
  "future-version": "settingsNoticeFutureVersion",
  "migration-failed": "settingsNoticeMigrationFailed",
  "fields-reset": "settingsNoticeFieldsReset",
  "managed-invalid": "settingsNoticeManagedInvalid",
  "managed-unreadable": "settingsNoticeManagedUnreadable",
};

/** One notice for all problems, or undefined when there are none. */
export function describeProblems(problems: readonly SettingsProblem[], translate: Translate = () => ""): string | undefined {
  if (problems.length === 0) return undefined;
  return problems
    .map((problem) => {
      const subs = "fields" in problem ? [problem.fields.join(", ")] : [];
      return translate(KEYS[problem.kind], subs) || ENGLISH[problem.kind].replace("$1", subs[0] ?? "");
    })
    .join(" ");
}
