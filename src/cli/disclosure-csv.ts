/**
 * A CSV of disclosures for the batch audit: one row per disclosure, a header row naming the
 * request fields of rules-contract.md by their paths (`recipient.type`, `patient.part2Consent`,
 * ...). Cells become a request; zod then checks the values, so an error names the field.
 */
import { type CsvRecord, parseCsv } from "../import/csv.ts";

/** Columns that hold true/false. */
const BOOLEAN_COLUMNS = [
  "forProviderTreatment",
  "recipient.inSameAco",
  "recipient.hasRelationshipWithPatient",
  "recipient.businessAssociateAgreement",
  "recipient.inSameOhca",
  "patient.authorizationOnFile",
  "patient.agreedRestriction",
  "patient.selfPayRestriction",
  "emergency",
] as const;

/** Columns that hold text or one of the contract's values, passed on as written. */
const TEXT_COLUMNS = [
  "discloser",
  "purpose",
  "operationsActivity",
  "otherPurpose",
  "recipient.type",
  "recipient.name",
  "recipient.organization",
  "recipient.tin",
  "recipient.npi",
  "recipient.directAddress",
  "recipient.fax",
  "patient.part2Consent",
] as const;

/** Every column the reader knows, in the order the help lists them; `id` is echoed, not evaluated. */
export const DISCLOSURE_COLUMNS: readonly string[] = ["id", ...TEXT_COLUMNS, "information", ...BOOLEAN_COLUMNS];
export const REQUIRED_COLUMNS = ["purpose", "recipient.type"] as const;

const BOOLEAN_SET: ReadonlySet<string> = new Set(BOOLEAN_COLUMNS);
const KNOWN: ReadonlySet<string> = new Set(DISCLOSURE_COLUMNS);
const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/** A data row: the line it starts on, its 1-based number among data rows, its id, and its request or why it has none. */
export type DisclosureRow =
  | { line: number; row: number; id: string | undefined; request: Record<string, unknown> }
  | { line: number; row: number; id: string | undefined; errors: string[] };

/** The whole file cannot be read (no header, unknown or missing columns, a broken quote). */
export class DisclosureCsvError extends Error {}

/** Header cells compared without case and surrounding space, so "Recipient.Type" is recipient.type. */
function canonicalColumn(header: string): string | undefined {
  const wanted = header.trim().toLowerCase();
  return DISCLOSURE_COLUMNS.find((column) => column.toLowerCase() === wanted);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split(".") as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  inner[tail] = value;
}

export function readDisclosureCsv(text: string): DisclosureRow[] {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    const line = (error as { line?: number }).line;
    throw new DisclosureCsvError(`the CSV cannot be read${line ? ` from line ${line}` : ""}: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw new DisclosureCsvError("the CSV is empty: it needs a header row and one row per disclosure");
  const columns = header.fields.map(canonicalColumn);
  const unknown = header.fields.filter((_, i) => columns[i] === undefined).map((f) => JSON.stringify(f.trim()));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    const problems = [
      unknown.length > 0 ? `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}` : "",
      missing.length > 0 ? `missing ${missing.join(" and ")}` : "",
    ].filter(Boolean);
    throw new DisclosureCsvError(
      `line ${header.line}: the header is not a disclosure CSV (${problems.join("; ")}). Columns: ${DISCLOSURE_COLUMNS.join(", ")}`,
    );
  }
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated) throw new DisclosureCsvError(`line ${header.line}: the column ${repeated} is given twice`);

  return data.map((record, index) => {
    const row = index + 1;
    const idAt = columns.indexOf("id");
    const id = idAt >= 0 ? record.fields[idAt]?.trim() || undefined : undefined;
    if (record.fields.length !== columns.length) {
      return { line: record.line, row, id, errors: [`(row): has ${record.fields.length} cells, the header has ${columns.length}`] };
    }
    const request: Record<string, unknown> = {};
    const errors: string[] = [];
    record.fields.forEach((raw, i) => {
      const column = columns[i]!;
      const cell = raw.trim();
      if (cell === "" || column === "id") return; // an empty cell leaves the field out, as the contract's optional fields allow
      if (BOOLEAN_SET.has(column)) {
        const lower = cell.toLowerCase();
        if (TRUE.has(lower)) setPath(request, column, true);
        else if (FALSE.has(lower)) setPath(request, column, false);
        else errors.push(`${column}: expected true or false (or yes/no), got ${JSON.stringify(cell)}`);
      } else if (column === "information") {
        setPath(
          request,
          column,
          cell
            .split(";")
            .map((kind) => kind.trim())
            .filter(Boolean),
        );
      } else if (KNOWN.has(column)) {
        setPath(request, column, cell);
      }
    });
    // Without a type the recipient is still an object, so the error names recipient.type.
    request.recipient ??= {};
    return errors.length > 0 ? { line: record.line, row, id, errors } : { line: record.line, row, id, request };
  });
}
