/**
 * The background's one view of the settings: the user's stored settings with the admin policy merged over them,
 * loaded once and cached (the profile object stays the same between changes, so the core can index it once) until
 * storage says something changed.
 */
import type { SettingsView } from "../messaging/messages.ts";
import type { Browser } from "../platform/browser.ts";
import type { KeyValueArea } from "../platform/storage-area.ts";
import { readManagedPolicy, type ManagedArea, type ManagedPolicy } from "../settings/managed.ts";
import { applyUserSave, mergeSettings } from "../settings/merge.ts";
import { describeProblems, type SettingsProblem, type Translate } from "../settings/notice.ts";
import type { ManagedField, Settings } from "../settings/schema.ts";
import { loadSettings, saveSettings } from "../settings/store.ts";
import { covers } from "./match-patterns.ts";

export type CurrentSettings = {
  /** What the user saved (repaired if it had to be). */
  stored: Settings;
  policy: ManagedPolicy;
  /** What applies: stored settings with the policy merged over them. */
  effective: Settings;
  locked: ManagedField[];
  problems: SettingsProblem[];
};

export type SettingsServiceDeps = {
  local: KeyValueArea;
  managed: ManagedArea | undefined;
  permissions: Pick<Browser["permissions"], "getAll">;
  translate?: Translate;
  /** What a fresh install starts with (the demo builds' demo organisation); the defaults when absent. */
  fresh?: () => Settings;
};

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService({ local, managed, permissions, translate, fresh }: SettingsServiceDeps) {
  let cached: Promise<CurrentSettings> | undefined;

  async function load(): Promise<CurrentSettings> {
    const [user, admin] = await Promise.all([loadSettings(local, undefined, fresh), readManagedPolicy(managed)]);
    return combine(user.settings, admin.policy, [...user.problems, ...admin.problems]);
  }

  function combine(stored: Settings, policy: ManagedPolicy, problems: SettingsProblem[]): CurrentSettings {
    const { settings, locked } = mergeSettings(stored, policy);
    return { stored, policy, effective: settings, locked, problems };
  }

  function current(): Promise<CurrentSettings> {
    if (!cached) {
      const loading = load();
      cached = loading;
      // A failed read is not cached: the next caller tries again.
      loading.catch(() => {
        if (cached === loading) cached = undefined;
      });
    }
    return cached;
  }

  async function view(now: CurrentSettings): Promise<SettingsView> {
    const { origins = [] } = await permissions.getAll();
    const adminSites = (now.policy.sites?.value as string[] | undefined) ?? [];
    const notice = describeProblems(now.problems, translate);
    return {
      settings: now.effective,
      locked: now.locked,
      ...(notice ? { notice } : {}),
      sitesNeedingGrant: adminSites.filter((site) => !origins.some((granted) => covers(granted, site))),
    };
  }

  return {
    current,
    /** Forget the cache: storage changed (another window saved, an import, or the admin policy changed). */
    invalidate(): void {
      cached = undefined;
    },
    async view(): Promise<SettingsView> {
      return view(await current());
    },
    /** Stores what the user submitted; enforced fields stay the admin's. Clears any repair notice. */
    async save(submitted: Settings): Promise<SettingsView> {
      const before = await current();
      const stored = applyUserSave(before.stored, submitted, before.policy);
      await saveSettings(local, stored);
      const problems = before.problems.filter((p) => p.kind === "managed-invalid" || p.kind === "managed-unreadable");
      const after = combine(stored, before.policy, problems);
      cached = Promise.resolve(after);
      return view(after);
    },
  };
}
