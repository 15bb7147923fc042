/**
 * The options page's one way to write settings, so that no edit is lost. Writes go one at a time, each applied to
 * the settings the previous write left (not to the settings the page showed when the edit was made):
 * - an update function gets the latest settings and returns the next;
 * - a whole Settings object (what a section built from what it showed) is rebased: only what it changed from
 *   what it showed is applied, key by key, over the latest settings. So the organisation's name typed in one
 *   section and the mode picked in another a moment later both persist, whichever write lands first.
 */
import { deepEqual } from "../settings/merge.ts";
import type { Settings } from "../settings/schema.ts";

export type SettingsUpdate = (latest: Settings) => Settings;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `latest` with the changes `next` made to `base` (objects merged key by key; arrays and values replaced whole). */
export function rebase<T>(base: T, next: T, latest: T): T {
  if (deepEqual(base, next)) return latest;
  if (!isRecord(base) || !isRecord(next) || !isRecord(latest)) return next;
  const out: Record<string, unknown> = { ...latest };
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (deepEqual(base[key], next[key])) continue;
    if (next[key] === undefined) delete out[key];
    else out[key] = rebase(base[key], next[key], latest[key]);
  }
  return out as T;
}

export type SettingsWriter = {
  /** The settings every queued write builds on; call when the page learns newer settings (another window saved). */
  setLatest(settings: Settings): void;
  /** Queues a write; resolves with what the background stored, rejects if that write failed (later writes still run). */
  write(update: SettingsUpdate): Promise<Settings>;
};

export function createSettingsWriter(initial: Settings, send: (settings: Settings) => Promise<Settings>): SettingsWriter {
  let latest = initial;
  let tail: Promise<unknown> = Promise.resolve();
  return {
    setLatest(settings) {
      latest = settings;
    },
    write(update) {
      const run = tail.then(async () => {
        latest = await send(update(latest));
        return latest;
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
