/**
 * Verdicts as CSV for an audit spreadsheet: one row per disclosure, in input order, with its
 * outcome, rule ids and citations; a disclosure that could not be read has its errors instead.
 */
import { formatCsv } from "../import/csv.ts";
import type { Verdict } from "../core/index.ts";

export const VERDICT_CSV_COLUMNS = [
  "line",
  "id",
  "outcome",
  "headline",
  "rules",
  "citations",
  "minimumNecessary",
  "conditions",
  "cautions",
  "acoId",
  "acoName",
  "participant",
  "matchedBy",
  "errors",
] as const;

/** Where a disclosure came from: its input line and the id its row or request gave it. */
export interface Origin {
  line: number;
  id: string | undefined;
}

/** One CSV line (RFC 4180 quoting), without its line end. */
export function csvLine(cells: readonly string[]): string {
  return formatCsv([cells]).replace(/\r\n$/, "");
}

export function verdictCsvHeader(): string {
  return csvLine(VERDICT_CSV_COLUMNS);
}

/** Lists of ids and citations join with "; "; lists of sentences with " | ". */
export function verdictCsvRow(origin: Origin, result: { verdict: Verdict } | { errors: readonly string[] }): string {
  const base = { line: String(origin.line), id: origin.id ?? "" };
  const cells: Record<(typeof VERDICT_CSV_COLUMNS)[number], string> =
    "verdict" in result
      ? {
          ...base,
          outcome: result.verdict.outcome,
          headline: result.verdict.headline,
          rules: result.verdict.reasons.map((r) => r.rule).join("; "),
          citations: result.verdict.citations.join("; "),
          minimumNecessary: result.verdict.minimumNecessary,
          conditions: result.verdict.conditions.join(" | "),
          cautions: result.verdict.cautions.join(" | "),
          acoId: result.verdict.acoMatch?.acoId ?? "",
          acoName: result.verdict.acoMatch?.acoName ?? "",
          participant: result.verdict.acoMatch?.participant ?? "",
          matchedBy: result.verdict.acoMatch?.matchedBy ?? "",
          errors: "",
        }
      : {
          ...base,
          outcome: "",
          headline: "",
          rules: "",
          citations: "",
          minimumNecessary: "",
          conditions: "",
          cautions: "",
          acoId: "",
          acoName: "",
          participant: "",
          matchedBy: "",
          errors: result.errors.join(" | "),
        };
  return csvLine(VERDICT_CSV_COLUMNS.map((column) => cells[column]));
}
