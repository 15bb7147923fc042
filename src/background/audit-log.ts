/**
 * The optional local audit log in storage.local: verdict metadata only (time, site origin, action kind, outcome,
 * rule ids, the kinds of cues the clinician set aside), never recipients, the page's text or patient data. Bounded by the retention period and by MAX_AUDIT_ENTRIES.
 */
import type { DisclosureRequest, InformationKind } from "../core/schema.ts";
import type { DetectedAction } from "../detect/action.ts";
import { cuedKinds } from "../detect/cues-match.ts";
import type { KeyValueArea } from "../platform/storage-area.ts";
import { AuditEntry } from "../settings/schema.ts";

export const AUDIT_KEY = "auditLog";
export const MAX_AUDIT_ENTRIES = 5000;
/** Verdicts for the same interaction within this window (the clinician refining answers) replace each other. */
export const COALESCE_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The kinds the page cued that the clinician set aside ("Not included"): cued, but no longer in the request. */
export function setAsideKinds(action: DetectedAction | undefined, request: DisclosureRequest): InformationKind[] {
  return cuedKinds(action?.cues).filter((kind) => !request.information.includes(kind));
}

/** Entries within the retention period, newest last, at most `cap`. Unparseable entries are dropped. */
export function pruneAudit(entries: unknown, retentionDays: number, now: Date, cap = MAX_AUDIT_ENTRIES): AuditEntry[] {
  if (!Array.isArray(entries)) return [];
  const oldest = now.getTime() - retentionDays * DAY_MS;
  const kept: AuditEntry[] = [];
  for (const raw of entries) {
    const entry = AuditEntry.safeParse(raw);
    if (entry.success && Date.parse(entry.data.time) >= oldest) kept.push(entry.data);
  }
  return kept.slice(-cap);
}

export type AuditLog = ReturnType<typeof createAuditLog>;

export function createAuditLog(area: KeyValueArea, now: () => Date = () => new Date()) {
  // Writes are read-modify-write: one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve();
  let last: { interaction: string; at: number } | undefined;

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function read(retentionDays: number): Promise<AuditEntry[]> {
    const stored = await area.get(AUDIT_KEY);
    return pruneAudit(stored[AUDIT_KEY], retentionDays, now());
  }

  return {
    /** `interaction` identifies one check (a tab's action, or the popup) so live re-evaluations log once. */
    append(entry: AuditEntry, retentionDays: number, interaction?: string): Promise<void> {
      return serial(async () => {
        const entries = await read(retentionDays);
        const at = now().getTime();
        const refine = interaction !== undefined && last?.interaction === interaction && at - last.at < COALESCE_MS;
        if (refine && entries.length > 0) entries[entries.length - 1] = entry;
        else entries.push(entry);
        last = interaction === undefined ? undefined : { interaction, at };
        await area.set({ [AUDIT_KEY]: entries.slice(-MAX_AUDIT_ENTRIES) });
      });
    },
    list(retentionDays: number): Promise<AuditEntry[]> {
      return serial(() => read(retentionDays));
    },
    clear(): Promise<void> {
      return serial(async () => {
        last = undefined;
        await area.remove(AUDIT_KEY);
      });
    },
  };
}
