/** The local audit log as CSV: verdict metadata only, exactly the stored fields. */
import { formatCsv } from "../import/csv.ts";
import type { AuditEntry } from "../settings/schema.ts";

export function auditCsv(entries: readonly AuditEntry[]): string {
  return formatCsv([
    ["time", "origin", "action", "outcome", "rules", "set_aside"],
    ...entries.map((e) => [e.time, e.origin, e.action, e.outcome, e.rules.join(" "), (e.setAside ?? []).join(" ")]),
  ]);
}
