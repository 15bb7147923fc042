/**
 * The verdict command line and batch audit, as testable functions: argument parsing, answering
 * JSON lines, one JSON document or a CSV of disclosures in JSON, CSV or CDS Hooks form, and the
 * run with its summary and exit status. verdict.ts wires it to the process.
 */
import { ZodError } from "zod";
import { OUTCOMES, OrgProfile, type OrgProfileInput, type Outcome, type Verdict, evaluate, formatIssues } from "../core/index.ts";
import { couldNotDecideCard, verdictCard } from "./cds-hooks.ts";
import { DISCLOSURE_COLUMNS, DisclosureCsvError, readDisclosureCsv } from "./disclosure-csv.ts";
import { type Origin, verdictCsvHeader, verdictCsvRow } from "./verdict-csv.ts";

export const OUTPUT_FORMATS = ["json", "csv", "cds-hooks"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const INPUT_FORMATS = ["json", "csv"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export const USAGE = `Usage: npm run verdict -- [--profile PROFILE.json] [--format json|csv|cds-hooks] [--input-format json|csv] FILE|-

Reads disclosure requests (rules-contract.md) from FILE, or from standard input with "-", and
prints ShareCheck's verdicts on standard output, one per request, in input order.

Input (--input-format, else a FILE ending in .csv, or input not starting with "{", is CSV):
  json  JSON lines, one request per line (blank lines are skipped), or one JSON request spread
        over several lines (its verdict printed pretty). A request may carry an "id", which the
        csv and cds-hooks outputs repeat.
  csv   a header row, then one row per disclosure. Columns (any order, names as in the
        contract; only purpose and recipient.type are required; an empty cell leaves the field
        out; true/false cells also take yes/no; information lists kinds separated by ";"):
          ${DISCLOSURE_COLUMNS.join(", ")}

Output (--format):
  json       one verdict per line (default)
  csv        a header row, then one row per disclosure: line, id, outcome, headline, rules,
             citations, minimumNecessary, conditions, cautions, acoId, acoName, participant,
             matchedBy, errors
  cds-hooks  one CDS Hooks 2.0 response per line, {"cards":[card]}: summary (<140 characters),
             indicator (info: allowed; warning: allowed with conditions or needs review;
             critical: authorization required or not allowed), detail (Markdown: reasons, rule
             ids, citations, conditions, cautions), source {label, url}, links to the citations

A request that cannot be answered gets an error instead, naming its line and field, e.g.
{"line":3,"errors":["recipient.type: Invalid option: ..."]} (csv input adds "row" and "id"); in
csv output the errors column says it, in cds-hooks a "could not decide" card. The other requests
are still answered. A summary line (counts by outcome) goes to standard error.

  --profile FILE   the organisation profile (ACO lists, policy, state) to evaluate with
  -h, --help       show this help

Exit status: 0 every request answered; 1 one or more rejected; 2 usage error, unreadable file,
a CSV whose header is not a disclosure CSV, or an invalid profile.`;

export type CliArgs =
  | { help: true }
  | { help: false; input: string; profile: string | undefined; format: OutputFormat; inputFormat: InputFormat | undefined };

export class UsageError extends Error {
  /** Whether the usage text helps (a wrong argument), or only the message (an unreadable file). */
  readonly showUsage: boolean;
  constructor(message: string, showUsage = true) {
    super(message);
    this.showUsage = showUsage;
  }
}

/** The value of `--name VALUE` or `--name=VALUE` at argv[i], and the index of the last argument it used. */
function optionValue(argv: readonly string[], i: number, name: string, what: string): { value: string; next: number } | undefined {
  const arg = argv[i]!;
  if (arg === name) {
    const value = argv[i + 1];
    if (!value) throw new UsageError(`${name} needs ${what}`);
    return { value, next: i + 1 };
  }
  return arg.startsWith(`${name}=`) ? { value: arg.slice(name.length + 1), next: i } : undefined;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(", ")} (got ${value})`);
  return value as T;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  let input: string | undefined;
  let profile: string | undefined;
  let format: OutputFormat | undefined;
  let inputFormat: InputFormat | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") return { help: true };
    const p = optionValue(argv, i, "--profile", "a file name");
    const f = optionValue(argv, i, "--format", "json, csv or cds-hooks");
    const inf = optionValue(argv, i, "--input-format", "json or csv");
    if (p) {
      if (!p.value) throw new UsageError("--profile needs a file name");
      if (profile !== undefined) throw new UsageError("--profile given twice");
      profile = p.value;
      i = p.next;
    } else if (f) {
      if (format !== undefined) throw new UsageError("--format given twice");
      format = oneOf("--format", f.value, OUTPUT_FORMATS);
      i = f.next;
    } else if (inf) {
      if (inputFormat !== undefined) throw new UsageError("--input-format given twice");
      inputFormat = oneOf("--input-format", inf.value, INPUT_FORMATS);
      i = inf.next;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg}`);
    } else if (input === undefined) {
      input = arg;
    } else {
      throw new UsageError(`one input file only (got ${input} and ${arg})`);
    }
  }
  if (input === undefined) throw new UsageError("no input file (use - for standard input)");
  return { help: false, input, profile, format: format ?? "json", inputFormat };
}

export interface Answers {
  /** What to print, in order: verdicts and error lines (csv: the header first). */
  output: string[];
  answered: number;
  rejected: number;
  /** Answered requests by outcome. */
  outcomes: Record<Outcome, number>;
}

/** One disclosure read from the input: where it came from, and its request or why there is none. */
type Item = Origin & { row?: number } & ({ value: unknown } | { errors: string[] });

type Result = { verdict: Verdict } | { errors: string[] };

function answerOne(value: unknown, profile: OrgProfileInput | undefined): Result {
  try {
    return { verdict: evaluate(value, profile) };
  } catch (error) {
    if (error instanceof ZodError) return { errors: formatIssues(error) };
    // evaluate never throws on a valid request; should it, the request is reported, not guessed at.
    return { errors: [`(request): could not decide: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

function idOf(value: unknown): string | undefined {
  const id = typeof value === "object" && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}

/** JSON lines, or one JSON document spread over several lines (then `document` is true). */
function jsonItems(text: string): { items: Item[]; document: boolean } {
  if (text.trim().includes("\n")) {
    try {
      const whole: unknown = JSON.parse(text);
      return { items: [{ line: 1, id: idOf(whole), value: whole }], document: true };
    } catch {
      // Not one JSON value: read it as JSON lines.
    }
  }
  const items: Item[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    try {
      const value: unknown = JSON.parse(raw);
      items.push({ line: i + 1, id: idOf(value), value });
    } catch (error) {
      items.push({ line: i + 1, id: undefined, errors: [`(line): not valid JSON: ${(error as Error).message}`] });
    }
  });
  return { items, document: false };
}

function csvItems(text: string): Item[] {
  return readDisclosureCsv(text).map((r) =>
    "request" in r ? { line: r.line, row: r.row, id: r.id, value: r.request } : { line: r.line, row: r.row, id: r.id, errors: r.errors },
  );
}

/** CSV when asked, else when the input does not start like JSON. */
function detectInput(text: string, path: string | undefined): InputFormat {
  if (path?.toLowerCase().endsWith(".csv")) return "csv";
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  return first === undefined || first === "{" || first === "[" ? "json" : "csv";
}

export interface AnswerOptions {
  format?: OutputFormat;
  inputFormat?: InputFormat;
  /** The input's file name, whose extension may say it is CSV. */
  path?: string;
}

/**
 * Answers every disclosure of the input. A single line is JSON lines, so line-oriented input
 * always gets line-oriented output. Throws DisclosureCsvError when a CSV cannot be read at all.
 */
export function answer(text: string, profile?: OrgProfileInput, options: AnswerOptions = {}): Answers {
  const format = options.format ?? "json";
  const inputFormat = options.inputFormat ?? detectInput(text, options.path);
  const { items, document } = inputFormat === "csv" ? { items: csvItems(text), document: false } : jsonItems(text);
  const out: Answers = {
    output: [],
    answered: 0,
    rejected: 0,
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
  };
  if (format === "csv") out.output.push(verdictCsvHeader());
  for (const item of items) {
    const result: Result = "value" in item ? answerOne(item.value, profile) : { errors: item.errors };
    if ("verdict" in result) {
      out.answered++;
      out.outcomes[result.verdict.outcome]++;
    } else {
      out.rejected++;
    }
    out.output.push(render(format, item, result, document));
  }
  return out;
}

function render(format: OutputFormat, item: Item, result: Result, pretty: boolean): string {
  const json = (value: unknown) => JSON.stringify(value, null, pretty ? 2 : undefined);
  switch (format) {
    case "csv":
      return verdictCsvRow(item, result);
    case "cds-hooks": {
      const where = item.row !== undefined ? `row ${item.row} (line ${item.line})` : `line ${item.line}`;
      return json({ cards: ["verdict" in result ? verdictCard(result.verdict) : couldNotDecideCard(where, result.errors)] });
    }
    default:
      if ("verdict" in result) return json(result.verdict);
      // Error lines stay one line, as before; csv input also names the row and its id.
      return JSON.stringify({
        line: item.line,
        ...(item.row !== undefined ? { row: item.row } : {}),
        ...(item.id !== undefined ? { id: item.id } : {}),
        errors: result.errors,
      });
  }
}

/** "12 requests: 7 allowed, 3 allowed-with-conditions, ...; 2 of 12 requests rejected". */
export function summaryLine(result: Answers): string {
  const total = result.answered + result.rejected;
  const counts = OUTCOMES.map((o) => `${result.outcomes[o]} ${o}`).join(", ");
  return `verdict: ${total} request${total === 1 ? "" : "s"}: ${counts}; ${result.rejected > 0 ? `${result.rejected} of ${total} requests rejected` : "none rejected"}`;
}

export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

async function read(io: CliIo, path: string, what: string): Promise<string> {
  try {
    return path === "-" ? await io.readStdin() : await io.readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`, false);
  }
}

async function loadProfile(io: CliIo, path: string): Promise<OrgProfileInput> {
  const text = await read(io, path, "profile");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`profile ${path} is not valid JSON: ${(error as Error).message}`, false);
  }
  const result = OrgProfile.safeParse(json);
  if (!result.success) throw new UsageError(`profile ${path} is not a valid profile:\n  ${formatIssues(result.error).join("\n  ")}`, false);
  return json as OrgProfileInput;
}

/** Runs the command; resolves to the exit status. */
export async function runVerdictCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (args.profile === "-" && args.input === "-") throw new UsageError("standard input can feed the requests or the profile, not both");
    const profile = args.profile === undefined ? undefined : await loadProfile(io, args.profile);
    const text = await read(io, args.input, "input");
    let result: Answers;
    try {
      result = answer(text, profile, { format: args.format, inputFormat: args.inputFormat, path: args.input });
    } catch (error) {
      if (error instanceof DisclosureCsvError) throw new UsageError(`input ${args.input}: ${error.message}`, false);
      throw error;
    }
    for (const line of result.output) io.stdout(line);
    io.stderr(summaryLine(result));
    return result.rejected > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.showUsage ? `verdict: ${error.message}\n\n${USAGE}` : `verdict: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
