/**
 * Participant list files: the CMS Shared Savings Program "ACO Participants" public file, the ACO REACH
 * participant file, and a plain `name,tin,npi` CSV. Reads the header to tell them apart, checks every
 * row, and groups rows by ACO (a CMS file lists every ACO in the program; the user picks theirs).
 * Pure: text in, a description of the file out. Nothing is applied here.
 */
import { normaliseName } from "../core/aco-match.ts";
import type { AcoProgram, Participant } from "../core/schema.ts";
import { CsvError, MAX_ROWS, parseCsv } from "./csv.ts";
import { cleanNpi, cleanTin } from "./identifiers.ts";

export const MAX_BYTES = 20 * 1024 * 1024;

export type FileFormat = "mssp" | "reach" | "plain";
export type RejectReason = "bad-tin" | "bad-npi" | "missing-name" | "duplicate";

export type ImportRow =
  | { line: number; ok: true; participant: Participant }
  | { line: number; ok: false; reason: RejectReason; raw: string };

export type ImportGroup = {
  /** From the file for CMS formats; empty for a plain file (the user says which ACO it belongs to). */
  acoId: string;
  acoName: string;
  program?: AcoProgram;
  rows: ImportRow[];
};

export type ParsedImport = { format: FileFormat; groups: ImportGroup[]; rowCount: number };

export type ImportProblem =
  | { code: "empty" }
  | { code: "too-large"; bytes: number }
  | { code: "too-many-rows" }
  | { code: "not-csv"; detail?: string }
  | { code: "unknown-columns"; columns: string[] }
  | { code: "malformed"; line: number };

export type ImportResult = { ok: true; file: ParsedImport } | { ok: false; problem: ImportProblem };

const headerKey = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");

function detect(header: string[]): { format: FileFormat; col: Record<string, number> } | undefined {
  const col: Record<string, number> = {};
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (!(k in col)) col[k] = i;
  });
  if ("aco_id" in col && "par_lbn" in col) return { format: "prvdr_class" in col ? "reach" : "mssp", col };
  if ("name" in col) return { format: "plain", col };
  return undefined;
}

/** Identity of a participant within one ACO: NPI, else TIN, else the normalised name. */
export function participantKey(p: Participant): string {
  if (p.npi) return `npi:${p.npi}`;
  if (p.tin) return `tin:${p.tin}|${normaliseName(p.name)}`;
  return `name:${normaliseName(p.name)}`;
}

/** Reads a participant file. `byteLength` is the file's size, checked before anything else. */
export function readParticipantFile(text: string, byteLength = text.length): ImportResult {
  if (byteLength > MAX_BYTES) return { ok: false, problem: { code: "too-large", bytes: byteLength } };
  if (text.trim() === "" || text === "\uFEFF") return { ok: false, problem: { code: "empty" } };
  let records;
  try {
    records = parseCsv(text, MAX_ROWS + 1);
  } catch (e) {
    if (e instanceof CsvError) {
      if (e.code === "binary") return { ok: false, problem: { code: "not-csv" } };
      if (e.code === "too-many-rows") return { ok: false, problem: { code: "too-many-rows" } };
      return { ok: false, problem: { code: "malformed", line: e.line } };
    }
    throw e;
  }
  const [head, ...body] = records;
  if (!head) return { ok: false, problem: { code: "empty" } };
  const found = detect(head.fields);
  if (!found) {
    // A single column of prose or markup is not a CSV at all; a real header with other names is.
    return head.fields.length < 2
      ? { ok: false, problem: { code: "not-csv" } }
      : { ok: false, problem: { code: "unknown-columns", columns: head.fields.slice(0, 12).map((h) => h.trim()) } };
  }
  if (body.length === 0) return { ok: false, problem: { code: "empty" } };
  const { format, col } = found;
  const program: AcoProgram | undefined = format === "mssp" ? "mssp" : format === "reach" ? "reach" : undefined;
  const nameCol = format === "plain" ? col.name! : col.par_lbn!;
  const groups = new Map<string, ImportGroup & { seen: Set<string> }>();
  for (const { fields, line } of body) {
    const acoId = format === "plain" ? "" : (fields[col.aco_id!] ?? "").trim();
    let group = groups.get(acoId);
    if (!group) {
      const acoName = format === "plain" ? "" : (fields[col.aco_name ?? -1] ?? "").trim();
      group = { acoId, acoName: acoName || acoId, ...(program ? { program } : {}), rows: [], seen: new Set() };
      groups.set(acoId, group);
    }
    group.rows.push(checkRow(fields, line, nameCol, col, group.seen));
  }
  return {
    ok: true,
    file: {
      format,
      rowCount: body.length,
      groups: [...groups.values()].map(({ seen: _seen, ...g }) => g),
    },
  };
}

function checkRow(fields: string[], line: number, nameCol: number, col: Record<string, number>, seen: Set<string>): ImportRow {
  const raw = fields.join(", ");
  const name = (fields[nameCol] ?? "").trim();
  if (!name) return { line, ok: false, reason: "missing-name", raw };
  const participant: Participant = { name };
  const rawTin = (fields[col.tin ?? -1] ?? "").trim();
  if (rawTin) {
    const tin = cleanTin(rawTin);
    if (!tin) return { line, ok: false, reason: "bad-tin", raw };
    participant.tin = tin;
  }
  const rawNpi = (fields[col.npi ?? -1] ?? "").trim();
  if (rawNpi) {
    const npi = cleanNpi(rawNpi);
    if (!npi) return { line, ok: false, reason: "bad-npi", raw };
    participant.npi = npi;
  }
  const key = participantKey(participant);
  if (seen.has(key)) return { line, ok: false, reason: "duplicate", raw };
  seen.add(key);
  return { line, ok: true, participant };
}
