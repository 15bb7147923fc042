/**
 * The verdict command line, as testable functions: argument parsing, answering a document or
 * JSON lines, and the run with its exit status. verdict.ts wires it to the process.
 */
import { ZodError } from "zod";
import { OrgProfile, type OrgProfileInput, evaluate, formatIssues } from "../core/index.ts";

export const USAGE = `Usage: npm run verdict -- [--profile PROFILE.json] FILE|-

Reads disclosure requests (rules-contract.md) from FILE, or from standard input with "-", and
prints ShareCheck's verdicts as JSON on standard output.

  FILE is JSON lines, one request per line (one verdict per line, in input order; blank lines
  are skipped), or one JSON request spread over several lines (its verdict printed pretty).
  A request that cannot be answered gets an error line instead, naming the input line and the
  field: {"line":3,"errors":["recipient.type: Invalid option: ..."]}; the other lines are still
  answered.

  --profile FILE   the organisation profile (ACO lists, policy, state) to evaluate with
  -h, --help       show this help

Exit status: 0 every request answered; 1 one or more rejected; 2 usage error, unreadable file
or invalid profile.`;

export type CliArgs = { help: true } | { help: false; input: string; profile: string | undefined };

export class UsageError extends Error {
  /** Whether the usage text helps (a wrong argument), or only the message (an unreadable file). */
  readonly showUsage: boolean;
  constructor(message: string, showUsage = true) {
    super(message);
    this.showUsage = showUsage;
  }
}

export function parseArgs(argv: readonly string[]): CliArgs {
  let input: string | undefined;
  let profile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") return { help: true };
    if (arg === "--profile" || arg.startsWith("--profile=")) {
      const value = arg === "--profile" ? argv[++i] : arg.slice("--profile=".length);
      if (!value) throw new UsageError("--profile needs a file name");
      if (profile !== undefined) throw new UsageError("--profile given twice");
      profile = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg}`);
    } else if (input === undefined) {
      input = arg;
    } else {
      throw new UsageError(`one input file only (got ${input} and ${arg})`);
    }
  }
  if (input === undefined) throw new UsageError("no input file (use - for standard input)");
  return { help: false, input, profile };
}

export interface Answers {
  /** What to print, in order: verdicts and error lines. */
  output: string[];
  answered: number;
  rejected: number;
}

function answerOne(value: unknown, profile: OrgProfileInput | undefined): { verdict: unknown } | { errors: string[] } {
  try {
    return { verdict: evaluate(value, profile) };
  } catch (error) {
    if (error instanceof ZodError) return { errors: formatIssues(error) };
    // evaluate never throws on a valid request; should it, the request is reported, not guessed at.
    return { errors: [`(request): could not decide: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/**
 * Answers JSON lines, or one JSON document spread over several lines. A single line is JSON
 * lines, so line-oriented input always gets line-oriented output.
 */
export function answer(text: string, profile?: OrgProfileInput): Answers {
  const out: Answers = { output: [], answered: 0, rejected: 0 };
  let whole: unknown;
  let isDocument = false;
  if (text.trim().includes("\n")) {
    try {
      whole = JSON.parse(text);
      isDocument = true;
    } catch {
      // Not one JSON value: read it as JSON lines.
    }
  }
  if (isDocument) {
    const result = answerOne(whole, profile);
    if ("verdict" in result) {
      out.answered++;
      out.output.push(JSON.stringify(result.verdict, null, 2));
    } else {
      out.rejected++;
      out.output.push(JSON.stringify({ line: 1, errors: result.errors }));
    }
    return out;
  }
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      out.rejected++;
      out.output.push(JSON.stringify({ line: i + 1, errors: [`(line): not valid JSON: ${(error as Error).message}`] }));
      return;
    }
    const result = answerOne(value, profile);
    if ("verdict" in result) {
      out.answered++;
      out.output.push(JSON.stringify(result.verdict));
    } else {
      out.rejected++;
      out.output.push(JSON.stringify({ line: i + 1, errors: result.errors }));
    }
  });
  return out;
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
    const result = answer(text, profile);
    for (const line of result.output) io.stdout(line);
    if (result.rejected > 0) io.stderr(`verdict: ${result.rejected} of ${result.answered + result.rejected} requests rejected`);
    return result.rejected > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.showUsage ? `verdict: ${error.message}\n\n${USAGE}` : `verdict: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
