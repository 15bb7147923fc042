/**
 * An import plan: which ACO of the profile each chosen group of the file goes to, and how ("add" or "replace").
 * The preview shows the plan against the lists on screen; Apply runs it again against the latest lists, so an edit
 * saved meanwhile is built upon, not overwritten.
 */
import type { Aco, AcoProgram } from "../core/schema.ts";
import { formatCsv } from "./csv.ts";
import type { ImportGroup, ParsedImport, RejectedRow } from "./participants.ts";
import { previewImport, type ImportMode, type Preview } from "./preview.ts";

export type AcoPlan = { acoId: string; acoName: string; program?: AcoProgram; group: ImportGroup; mode: ImportMode };
export type PlannedAco = AcoPlan & { exists: boolean; preview: Preview };

export function previewPlans(acos: readonly Aco[], plans: readonly AcoPlan[], fileHasAliases: boolean): PlannedAco[] {
  return plans.map((plan) => {
    const existing = acos.find((a) => a.id === plan.acoId);
    return {
      ...plan,
      exists: !!existing,
      preview: previewImport(existing?.participants ?? [], plan.group, { mode: plan.mode, fileHasAliases }),
    };
  });
}

/** The ACO lists after the import: each planned ACO's list updated (an ACO new to the profile is added). */
export function applyPlans(acos: readonly Aco[], plans: readonly AcoPlan[], fileHasAliases: boolean): Aco[] {
  let next = acos.slice();
  for (const p of previewPlans(acos, plans, fileHasAliases)) {
    const participants = p.preview.result;
    next = p.exists
      ? next.map((a) => (a.id === p.acoId ? { ...a, participants } : a))
      : [...next, { id: p.acoId, name: p.acoName, ...(p.program ? { program: p.program } : {}), participants }];
  }
  return next;
}

/** The rejected rows as CSV, for fixing the file: line, ACO, name, why, the row as it was. */
export function errorReport(file: ParsedImport, groups: readonly ImportGroup[], reason: (r: RejectedRow) => string): string {
  const rows = [...file.unplaced.map((r) => ({ r, aco: "" })), ...groups.flatMap((g) => g.rejected.map((r) => ({ r, aco: g.acoId })))].sort(
    (a, b) => a.r.line - b.r.line,
  );
  return formatCsv([
    ["line", "aco_id", "name", "reason", "row"],
    ...rows.map(({ r, aco }) => [String(r.line), aco, r.name, reason(r), r.raw]),
  ]);
}
