/**
 * Undo of the last change to the ACO participant lists (an import, an edit, a removal), kept in storage.local so
 * it survives a reload, until the next change replaces it. It holds the lists as they were before the change and a
 * fingerprint of the lists the change left: if they differ now (another window, a settings file, an admin), the
 * lists changed since, and undoing would discard that too, so the page asks first instead of doing it silently.
 */
import { z } from "zod";
import { Aco } from "../core/schema.ts";
import type { KeyValueArea } from "../platform/storage-area.ts";

export const UNDO_KEY = "acoUndo";

export const UndoRecord = z.object({
  /** What the change was, as the page said it ("Import of cms.csv", "Removed Valley ACO"). */
  label: z.string().max(500),
  at: z.string(),
  before: z.array(Aco),
  after: z.string(),
});
export type UndoRecord = z.infer<typeof UndoRecord>;

/** A fingerprint of ACO lists (FNV-1a over their JSON): equal lists, equal prints. */
export function fingerprint(acos: readonly Aco[]): string {
  const text = JSON.stringify(acos);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

export async function readUndo(area: KeyValueArea): Promise<UndoRecord | undefined> {
  const parsed = UndoRecord.safeParse((await area.get(UNDO_KEY))[UNDO_KEY]);
  return parsed.success ? parsed.data : undefined;
}

export async function recordUndo(
  area: KeyValueArea,
  label: string,
  before: readonly Aco[],
  after: readonly Aco[],
  now = new Date(),
): Promise<UndoRecord> {
  const record: UndoRecord = { label, at: now.toISOString(), before: [...before], after: fingerprint(after) };
  await area.set({ [UNDO_KEY]: record });
  return record;
}

export async function clearUndo(area: KeyValueArea): Promise<void> {
  await area.remove(UNDO_KEY);
}

/** Whether undoing `record` now would also discard changes made after it. */
export function changedSince(record: UndoRecord, current: readonly Aco[]): boolean {
  return fingerprint(current) !== record.after;
}
