import { describe, expect, it } from "vitest";
import { HARBOR_PROFILE } from "../../test/support/profiles.ts";
import { type CliIo, UsageError, answer, parseArgs, runVerdictCli } from "./verdict-cli.ts";

const VALID = JSON.stringify({ purpose: "treatment", recipient: { type: "provider", name: "Riverside Family Medicine" } });
const BAD_TYPE = JSON.stringify({ purpose: "treatment", recipient: { type: "hospital" } });

function fakeIo(files: Record<string, string>, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`);
      return files[path]!;
    },
    readStdin: async () => stdin,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  };
  return { io, out, err };
}

describe("parseArgs", () => {
  it("reads the input and an optional profile in either form", () => {
    expect(parseArgs(["req.jsonl"])).toEqual({
      help: false,
      input: "req.jsonl",
      profile: undefined,
      format: "json",
      inputFormat: undefined,
    });
    expect(parseArgs(["--profile", "p.json", "-"])).toMatchObject({ help: false, input: "-", profile: "p.json" });
    expect(parseArgs(["-", "--profile=p.json"])).toMatchObject({ help: false, input: "-", profile: "p.json" });
    expect(parseArgs(["--help"])).toEqual({ help: true });
  });
  it("rejects what it cannot use", () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(["a", "b"])).toThrow(/one input file/);
    expect(() => parseArgs(["--profile"])).toThrow(/needs a file/);
    expect(() => parseArgs(["--pretty", "a"])).toThrow(/unknown option --pretty/);
    expect(() => parseArgs(["--format", "xml", "a"])).toThrow(/--format must be one of json, csv, cds-hooks \(got xml\)/);
    expect(() => parseArgs(["a", "--format"])).toThrow(/--format needs/);
    expect(() => parseArgs(["--input-format=tsv", "a"])).toThrow(/--input-format must be one of json, csv/);
    expect(() => parseArgs(["--format=csv", "--format=json", "a"])).toThrow(/given twice/);
  });
  it("reads the output and input formats in either form", () => {
    expect(parseArgs(["--format", "cds-hooks", "a.csv"])).toMatchObject({ input: "a.csv", format: "cds-hooks", inputFormat: undefined });
    expect(parseArgs(["--format=csv", "--input-format=csv", "-"])).toMatchObject({ input: "-", format: "csv", inputFormat: "csv" });
  });
});

describe("answer", () => {
  it("answers JSON lines one per line, errors naming line and field, blank lines skipped", () => {
    const result = answer([VALID, "", BAD_TYPE, "{oops", VALID].join("\n"));
    expect(result).toMatchObject({ answered: 2, rejected: 2 });
    expect(result.output).toHaveLength(4);
    expect(JSON.parse(result.output[0]!).outcome).toBe("allowed");
    expect(JSON.parse(result.output[1]!)).toEqual({ line: 3, errors: [expect.stringMatching(/^recipient\.type: /)] });
    expect(JSON.parse(result.output[2]!)).toEqual({ line: 4, errors: [expect.stringMatching(/^\(line\): not valid JSON/)] });
    expect(result.output.every((line) => !line.includes("\n"))).toBe(true);
  });
  it("answers one request spread over several lines, pretty", () => {
    const result = answer(JSON.stringify(JSON.parse(VALID), null, 2));
    expect(result).toMatchObject({ answered: 1, rejected: 0 });
    expect(result.output[0]).toContain("\n");
    expect(JSON.parse(result.output[0]!).outcome).toBe("allowed");
  });
  it("uses the profile", () => {
    expect(JSON.parse(answer(VALID, HARBOR_PROFILE).output[0]!).acoMatch).toMatchObject({ acoId: "aco-harbor" });
  });
  it("handles CRLF line ends", () => {
    expect(answer(`${VALID}\r\n${VALID}\r\n`)).toMatchObject({ answered: 2, rejected: 0 });
  });
});

describe("runVerdictCli", () => {
  it("exits 0 when every line is answered, with the run's summary on standard error", async () => {
    const { io, out, err } = fakeIo({ "r.jsonl": `${VALID}\n${VALID}\n` });
    expect(await runVerdictCli(["r.jsonl"], io)).toBe(0);
    expect(out).toHaveLength(2);
    expect(err).toEqual([
      "verdict: 2 requests: 2 allowed, 0 allowed-with-conditions, 0 authorization-required, 0 not-allowed, 0 needs-review; none rejected",
    ]);
  });
  it("exits 1 when any line is rejected, still answering the others", async () => {
    const { io, out, err } = fakeIo({}, `${BAD_TYPE}\n${VALID}\n`);
    expect(await runVerdictCli(["-"], io)).toBe(1);
    expect(out).toHaveLength(2);
    expect(JSON.parse(out[1]!).outcome).toBe("allowed");
    expect(err[0]).toMatch(/1 of 2 requests rejected/);
  });
  it("reads a profile file", async () => {
    const { io, out } = fakeIo({ "p.json": JSON.stringify(HARBOR_PROFILE) }, VALID);
    expect(await runVerdictCli(["--profile", "p.json", "-"], io)).toBe(0);
    expect(JSON.parse(out[0]!).acoMatch.participant).toBe("Riverside Family Medicine, P.C.");
  });
  it("exits 2 with a clear message for usage errors, unreadable files and invalid profiles", async () => {
    const usage = fakeIo({});
    expect(await runVerdictCli([], usage.io)).toBe(2);
    expect(usage.err[0]).toMatch(/no input file[\s\S]*Usage:/);
    const missing = fakeIo({});
    expect(await runVerdictCli(["nope.jsonl"], missing.io)).toBe(2);
    expect(missing.err[0]).toMatch(/^verdict: cannot read input nope\.jsonl/);
    expect(missing.err[0]).not.toContain("Usage:");
    const badProfile = fakeIo({ "p.json": JSON.stringify({ organization: { name: "X", role: "hospital" }, acos: [] }) }, VALID);
    expect(await runVerdictCli(["--profile", "p.json", "-"], badProfile.io)).toBe(2);
    expect(badProfile.err[0]).toMatch(/organization\.role: /);
    expect(badProfile.out).toEqual([]);
    const notJson = fakeIo({ "p.json": "{" }, VALID);
    expect(await runVerdictCli(["--profile", "p.json", "-"], notJson.io)).toBe(2);
  });
  it("prints help and exits 0", async () => {
    const { io, out } = fakeIo({});
    expect(await runVerdictCli(["-h"], io)).toBe(0);
    expect(out[0]).toMatch(/Exit status: 0/);
  });
});

describe("verdict.ts entry", () => {
  it("wires standard input, output and the exit status", async () => {
    const { spawnSync } = await import("node:child_process");
    const entry = new URL("./verdict.ts", import.meta.url).pathname;
    const run = spawnSync(process.execPath, ["--import", "tsx", entry, "-"], { input: `${VALID}\n${BAD_TYPE}\n`, encoding: "utf8" });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(JSON.parse(lines[0]!).outcome).toBe("allowed");
    expect(JSON.parse(lines[1]!).line).toBe(2);
    expect(run.stderr).toContain("1 of 2 requests rejected");
  }, 20_000);
});
