/**
 * Participant list files: the CMS Shared Savings Program "ACO Participants" public file (ACO_ID, Par_LBN,
 * ACO_Name and more columns), the ACO REACH participant file, and a plain `name,tin,npi,aliases` CSV. Reads the
 * header to tell them apart, checks every row, and groups rows by ACO (a CMS file lists every ACO in the
 * program; the user picks theirs). Pure: text in, a description of the file out. Nothing is applied here.
 *
 * Nothing is lost: CMS files carry legal business names only, and distinct legal entities often differ only in
 * their legal form ("RIVERSIDE MEDICAL GROUP PC" and "RIVERSIDE MEDICAL GROUP LLC"). So two rows are the same
 * participant only when they are in the same ACO, have the same legal name (case and whitespace aside) and no
 * conflicting TIN or NPI; a later row that adds an identifier is merged into the earlier one.
 */
import type { AcoProgram, Participant } from "../core/schema.ts";
import { invalidAlias, splitAliases, uniqueAliases } from "./aliases.ts";
import { type CsvRecord, CsvError, MAX_ROWS, parseCsv } from "./csv.ts";
import { cleanNpi, cleanTin } from "./identifiers.ts";

export const MAX_BYTES = 20 * 1024 * 1024;

export type FileFormat = "mssp" | "reach" | "plain";
export type RejectReason = "bad-tin" | "bad-npi" | "bad-alias" | "missing-name" | "missing-aco" | "duplicate";

/** One participant the file describes, from its first row (and any later rows merged into it). */
export type ImportEntry = { line: number; participant: Participant; merged?: number[] };
/** A row that was not used: why, and enough to find it in the file. */
export type RejectedRow = { line: number; reason: RejectReason; name: string; raw: string; sameAs?: number };

export type ImportGroup = {
  /** From the file for CMS formats; empty for a plain file (the user says which ACO it belongs to). */
  acoId: string;
  acoName: string;
  program?: AcoProgram;
  entries: ImportEntry[];
  rejected: RejectedRow[];
  /** Rows of the file in this group. */
  rows: number;
};

export type ParsedImport = {
  format: FileFormat;
  groups: ImportGroup[];
  /** Rows that could not be placed in any ACO (a CMS row without an ACO ID). */
  unplaced: RejectedRow[];
  rowCount: number;
  /** The file has an aliases column, so what it says about aliases replaces what the list had. */
  hasAliases: boolean;
};

export type ImportProblem =
  | { code: "empty" }
  | { code: "too-large"; bytes: number }
  | { code: "too-many-rows" }
  | { code: "not-csv"; detail?: string }
  | { code: "unknown-columns"; columns: string[] }
  | { code: "malformed"; line: number };

export type ImportResult = { ok: true; file: ParsedImport } | { ok: false; problem: ImportProblem };

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** The columns a plain list may have, by every name people give them. */
const PLAIN_COLUMNS: Record<string, "name" | "tin" | "npi" | "aliases"> = {
  name: "name",
  participant: "name",
  participant_name: "name",
  legal_business_name: "name",
  par_lbn: "name",
  tin: "tin",
  ein: "tin",
  tax_id: "tin",
  npi: "npi",
  aliases: "aliases",
  alias: "aliases",
};

type Columns = { name: number; tin?: number; npi?: number; aliases?: number; acoId?: number; acoName?: number };

function detect(header: string[]): { format: FileFormat; col: Columns } | undefined {
  const at: Record<string, number> = {};
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !(k in at)) at[k] = i;
  });
  // CMS files carry many more columns (service area, agreement period, ...): only these three matter.
  if ("aco_id" in at && "par_lbn" in at) {
    const format = "prvdr_class" in at || "participant_type" in at ? "reach" : "mssp";
    return { format, col: { name: at.par_lbn!, acoId: at.aco_id!, acoName: at.aco_name ?? at.aco_legal_name, tin: at.tin, npi: at.npi } };
  }
  // A plain list is recognised only when every column is one it knows: a contact list (name, email, phone) is not
  // a participant list, and reading it as one would fill the ACO with people.
  const col: Partial<Columns> = {};
  for (const [key, index] of Object.entries(at)) {
    const role = PLAIN_COLUMNS[key];
    if (!role) return undefined;
    if (col[role] === undefined) col[role] = index;
  }
  return col.name === undefined ? undefined : { format: "plain", col: col as Columns };
}

/** Printable ASCII words separated by single spaces: already its own key once lower-cased (most CMS names). */
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** A participant's legal name as identity: case and runs of whitespace aside, nothing else. */
export function legalNameKey(name: string): string {
  const lower = name.toLowerCase();
  return PLAIN.test(lower) ? lower : lower.normalize("NFC").replace(/\s+/g, " ").trim();
}

const conflicts = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== b;

/** No TIN or NPI of one disagrees with the other's. */
export function identifiersAgree(a: Participant, b: Participant): boolean {
  return !conflicts(a.tin, b.tin) && !conflicts(a.npi, b.npi);
}

/** The same participant: same legal name (case and whitespace aside), no TIN or NPI that disagrees. */
export function sameParticipant(a: Participant, b: Participant): boolean {
  return legalNameKey(a.name) === legalNameKey(b.name) && identifiersAgree(a, b);
}

/** `a` completed with what `b` knows and `a` does not (identifiers, aliases), or `a` itself when `b` adds nothing. */
export function completeWith(a: Participant, b: Participant): Participant {
  const aliases = uniqueAliases([...(a.aliases ?? []), ...(b.aliases ?? [])]);
  const addsAliases = aliases.length > (a.aliases?.length ?? 0);
  if ((a.tin || !b.tin) && (a.npi || !b.npi) && !addsAliases) return a;
  return {
    ...a,
    ...(a.tin || !b.tin ? {} : { tin: b.tin }),
    ...(a.npi || !b.npi ? {} : { npi: b.npi }),
    ...(addsAliases ? { aliases } : {}),
  };
}

/** Reads a participant file. `byteLength` is the file's size, checked before anything else. */
export function readParticipantFile(text: string, byteLength = text.length): ImportResult {
  if (byteLength > MAX_BYTES) return { ok: false, problem: { code: "too-large", bytes: byteLength } };
  if (text.trim() === "" || text === "\uFEFF") return { ok: false, problem: { code: "empty" } };
  let records: CsvRecord[];
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
    return head.fields.length < 2 && !/^[\w\s-]+$/.test(head.fields[0] ?? "")
      ? { ok: false, problem: { code: "not-csv" } }
      : {
          ok: false,
          problem: {
            code: "unknown-columns",
            columns: head.fields
              .slice(0, 12)
              .map((h) => h.trim())
              .filter(Boolean),
          },
        };
  }
  if (body.length === 0) return { ok: false, problem: { code: "empty" } };
  const { format, col } = found;
  const program: AcoProgram | undefined = format === "mssp" ? "mssp" : format === "reach" ? "reach" : undefined;
  const groups = new Map<string, Builder>();
  const unplaced: RejectedRow[] = [];
  for (const { fields, line } of body) {
    const acoId = col.acoId === undefined ? "" : (fields[col.acoId] ?? "").trim();
    if (col.acoId !== undefined && !acoId) {
      unplaced.push({ line, reason: "missing-aco", name: cell(fields, col.name), raw: fields.join(", ") });
      continue;
    }
    let group = groups.get(acoId);
    if (!group) {
      const acoName = cell(fields, col.acoName);
      group = new Builder(acoId, acoName || acoId, program);
      groups.set(acoId, group);
    }
    group.add(fields, line, col);
  }
  return {
    ok: true,
    file: {
      format,
      rowCount: body.length,
      groups: [...groups.values()].map((g) => g.done()),
      unplaced,
      hasAliases: col.aliases !== undefined,
    },
  };
}

function cell(fields: string[], index: number | undefined): string {
  return index === undefined ? "" : (fields[index] ?? "").trim();
}

/** The row's participant, or why it cannot be one. */
function checkRow(name: string, fields: string[], col: Columns): Participant | RejectReason {
  const participant: Participant = { name };
  const rawTin = cell(fields, col.tin);
  if (rawTin) {
    const tin = cleanTin(rawTin);
    if (!tin) return "bad-tin";
    participant.tin = tin;
  }
  const rawNpi = cell(fields, col.npi);
  if (rawNpi) {
    const npi = cleanNpi(rawNpi);
    if (!npi) return "bad-npi";
    participant.npi = npi;
  }
  const rawAliases = cell(fields, col.aliases);
  if (rawAliases) {
    const aliases = uniqueAliases(splitAliases(rawAliases));
    if (invalidAlias(aliases) !== undefined) return "bad-alias";
    if (aliases.length > 0) participant.aliases = aliases;
  }
  return participant;
}

/** One ACO's rows as they are read: entries by legal name, so a same-named row finds its earlier twin at once. */
class Builder {
  private readonly entries: ImportEntry[] = [];
  private readonly rejected: RejectedRow[] = [];
  private readonly byName = new Map<string, ImportEntry[]>();
  private rows = 0;

  constructor(
    private readonly acoId: string,
    private readonly acoName: string,
    private readonly program: AcoProgram | undefined,
  ) {}

  add(fields: string[], line: number, col: Columns): void {
    this.rows++;
    const name = cell(fields, col.name);
    const checked = name ? checkRow(name, fields, col) : "missing-name";
    if (typeof checked === "string") return this.reject(fields, line, name, checked);
    const participant = checked;
    const key = legalNameKey(name);
    const twins = this.byName.get(key);
    let twin: ImportEntry | undefined;
    for (const e of twins ?? []) {
      if (identifiersAgree(e.participant, participant)) {
        twin = e;
        break;
      }
    }
    if (twin) {
      const completed = completeWith(twin.participant, participant);
      if (completed === twin.participant) return this.reject(fields, line, name, "duplicate", twin.line);
      twin.participant = completed;
      (twin.merged ??= []).push(line);
      return;
    }
    const entry: ImportEntry = { line, participant };
    this.entries.push(entry);
    if (twins) twins.push(entry);
    else this.byName.set(key, [entry]);
  }

  private reject(fields: string[], line: number, name: string, reason: RejectReason, sameAs?: number): void {
    this.rejected.push({ line, reason, name, raw: fields.join(", "), ...(sameAs === undefined ? {} : { sameAs }) });
  }

  done(): ImportGroup {
    return {
      acoId: this.acoId,
      acoName: this.acoName,
      ...(this.program ? { program: this.program } : {}),
      entries: this.entries,
      rejected: this.rejected,
      rows: this.rows,
    };
  }
}
