/**
 * What an import would do to one ACO's participant list, participant by participant, and the list after applying
 * it. The user chooses per ACO:
 *   "add"      the file adds and corrects; participants it does not mention stay;
 *   "replace"  the list becomes the file; participants it does not mention are removed (and listed as such).
 * A file row is the participant already listed when it is the same participant (sameParticipant), or, failing
 * that, carries the NPI of one (a renamed practice). What the list knows and the file does not (a TIN, an NPI,
 * aliases added by hand) is kept either way; the file's aliases replace the list's only when it has that column.
 */
import type { Participant } from "../core/schema.ts";
import { identifiersAgree, legalNameKey, type ImportGroup, type RejectReason } from "./participants.ts";

export type ImportMode = "add" | "replace";

export type PreviewRow =
  | { line: number; change: "added"; participant: Participant }
  | { line: number; change: "changed"; participant: Participant; before: Participant }
  | { line: number; change: "unchanged"; participant: Participant }
  | { line: number; change: "rejected"; reason: RejectReason; name: string; raw: string; sameAs?: number }
  /** In the list but not in the file: kept on "add", removed on "replace". */
  | { line?: undefined; change: "missing"; participant: Participant };

export type PreviewChange = PreviewRow["change"];
export type PreviewCounts = Record<PreviewChange, number>;

export type Preview = {
  mode: ImportMode;
  rows: PreviewRow[];
  counts: PreviewCounts;
  /** The participant list as it would be after Apply. */
  result: Participant[];
};

export const emptyCounts = (): PreviewCounts => ({ added: 0, changed: 0, unchanged: 0, rejected: 0, missing: 0 });

/** The listed participant updated by the file's row: the file's name and identifiers, the list's where the file has none. */
function updated(before: Participant, row: Participant, fileHasAliases: boolean): Participant {
  const name = legalNameKey(before.name) === legalNameKey(row.name) ? before.name : row.name;
  const tin = row.tin ?? before.tin;
  const npi = row.npi ?? before.npi;
  const aliases = fileHasAliases ? row.aliases : before.aliases;
  return { name, ...(tin ? { tin } : {}), ...(npi ? { npi } : {}), ...(aliases?.length ? { aliases } : {}) };
}

function equal(a: Participant, b: Participant): boolean {
  const aa = a.aliases ?? [];
  const ba = b.aliases ?? [];
  return a.name === b.name && a.tin === b.tin && a.npi === b.npi && aa.length === ba.length && aa.every((x, i) => x === ba[i]);
}

export function previewImport(
  existing: readonly Participant[],
  group: Pick<ImportGroup, "entries" | "rejected">,
  { mode = "add", fileHasAliases = false }: { mode?: ImportMode; fileHasAliases?: boolean } = {},
): Preview {
  const byName = new Map<string, number[]>();
  const byNpi = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  existing.forEach((p, i) => {
    push(byName, legalNameKey(p.name), i);
    if (p.npi) push(byNpi, p.npi, i);
  });
  const used = new Uint8Array(existing.length);
  const find = (p: Participant): number | undefined => {
    for (const i of byName.get(legalNameKey(p.name)) ?? []) if (!used[i] && identifiersAgree(existing[i]!, p)) return i;
    // A renamed practice keeps its NPI (and its TIN, when both sides have one).
    for (const i of (p.npi && byNpi.get(p.npi)) || []) if (!used[i] && !(existing[i]!.tin && p.tin && existing[i]!.tin !== p.tin)) return i;
    return undefined;
  };

  const rows: PreviewRow[] = [];
  const counts = emptyCounts();
  // Where each listed participant ends up (its update), and the file's new participants, in file order.
  const replacement: (Participant | undefined)[] = new Array(existing.length);
  const fromFile: Participant[] = [];
  const added: Participant[] = [];
  for (const { line, participant } of group.entries) {
    const at = find(participant);
    if (at === undefined) {
      rows.push({ line, change: "added", participant });
      counts.added++;
      fromFile.push(participant);
      added.push(participant);
      continue;
    }
    used[at] = 1;
    const before = existing[at]!;
    const after = updated(before, participant, fileHasAliases);
    if (equal(before, after)) {
      rows.push({ line, change: "unchanged", participant: before });
      counts.unchanged++;
      replacement[at] = before;
    } else {
      rows.push({ line, change: "changed", participant: after, before });
      counts.changed++;
      replacement[at] = after;
    }
    fromFile.push(replacement[at]!);
  }
  for (const r of group.rejected) {
    rows.push({
      line: r.line,
      change: "rejected",
      reason: r.reason,
      name: r.name,
      raw: r.raw,
      ...(r.sameAs === undefined ? {} : { sameAs: r.sameAs }),
    });
    counts.rejected++;
  }
  rows.sort((a, b) => a.line! - b.line!);
  existing.forEach((participant, i) => {
    if (used[i]) return;
    rows.push({ change: "missing", participant });
    counts.missing++;
  });

  const result = mode === "replace" ? fromFile : [...existing.map((p, i) => replacement[i] ?? p), ...added];
  return { mode, rows, counts, result };
}
