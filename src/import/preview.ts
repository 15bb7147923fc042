/**
 * What an import would do to one ACO's participant list, row by row, and the list after applying it.
 * Existing participants the file does not mention are kept: a file adds and corrects, it never deletes.
 */
import type { Participant } from "../core/schema.ts";
import { participantKey, type ImportRow, type RejectReason } from "./participants.ts";

export type PreviewRow =
  | { line: number; change: "added"; participant: Participant }
  | { line: number; change: "changed"; participant: Participant; before: Participant }
  | { line: number; change: "unchanged"; participant: Participant }
  | { line: number; change: "rejected"; reason: RejectReason; raw: string };

export type Preview = {
  rows: PreviewRow[];
  counts: Record<PreviewRow["change"], number>;
  /** The participant list as it would be after Apply. */
  result: Participant[];
};

const same = (a: Participant, b: Participant) => a.name === b.name && a.tin === b.tin && a.npi === b.npi;

export function previewImport(existing: readonly Participant[], rows: readonly ImportRow[]): Preview {
  const index = new Map<string, number>();
  const result = existing.slice();
  result.forEach((p, i) => {
    const k = participantKey(p);
    if (!index.has(k)) index.set(k, i);
  });
  const out: PreviewRow[] = [];
  const counts = { added: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const row of rows) {
    if (!row.ok) {
      out.push({ line: row.line, change: "rejected", reason: row.reason, raw: row.raw });
      counts.rejected++;
      continue;
    }
    const p = row.participant;
    const at = index.get(participantKey(p));
    if (at === undefined) {
      index.set(participantKey(p), result.length);
      result.push(p);
      out.push({ line: row.line, change: "added", participant: p });
      counts.added++;
    } else if (same(result[at]!, p)) {
      out.push({ line: row.line, change: "unchanged", participant: p });
      counts.unchanged++;
    } else {
      out.push({ line: row.line, change: "changed", participant: p, before: result[at]! });
      result[at] = p;
      counts.changed++;
    }
  }
  return { rows: out, counts, result };
}
