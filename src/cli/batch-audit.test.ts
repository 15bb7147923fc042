/** The batch audit: a CSV of disclosures in, verdicts out as JSON, CSV or CDS Hooks cards. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OUTCOMES, type Outcome, type OrgProfileInput, type Verdict, evaluate } from "../core/index.ts";
import { parseCsv } from "../import/csv.ts";
import { CDS_INDICATOR, SUMMARY_MAX, type CdsHooksResponse, escapeMarkdown, summarise, verdictCard } from "./cds-hooks.ts";
import { DISCLOSURE_COLUMNS, DisclosureCsvError, readDisclosureCsv } from "./disclosure-csv.ts";
import { answer, runVerdictCli, summaryLine } from "./verdict-cli.ts";
import { VERDICT_CSV_COLUMNS } from "./verdict-csv.ts";

const EXAMPLES = new URL("./examples/", import.meta.url);
const SAMPLE_CSV = readFileSync(new URL("disclosures.csv", EXAMPLES), "utf8");
const SAMPLE_PROFILE = JSON.parse(readFileSync(new URL("profile.json", EXAMPLES), "utf8")) as OrgProfileInput;

describe("readDisclosureCsv", () => {
  it("builds requests from the contract's field paths: booleans, kinds split at ';', empty cells left out", () => {
    const rows = readDisclosureCsv(
      "ID,Purpose, recipient.type ,recipient.name,information,recipient.inSameAco,patient.part2Consent,emergency\r\n" +
        'A1,treatment,provider,"Smith, Jones & Co",general; mental-health ,Yes,tpo,\r\n' +
        "A2,payment,health-plan,,,no,,0\r\n",
    );
    expect(rows).toEqual([
      {
        line: 2,
        row: 1,
        id: "A1",
        request: {
          purpose: "treatment",
          recipient: { type: "provider", name: "Smith, Jones & Co", inSameAco: true },
          information: ["general", "mental-health"],
          patient: { part2Consent: "tpo" },
        },
      },
      {
        line: 3,
        row: 2,
        id: "A2",
        request: { purpose: "payment", recipient: { type: "health-plan", inSameAco: false }, emergency: false },
      },
    ]);
  });
  it("reads a BOM, quoted commas and line breaks inside quotes, and keeps the line each row starts on", () => {
    const rows = readDisclosureCsv(
      '\uFEFFpurpose,recipient.type,recipient.name\n"treatment",provider,"Dr. Marsh\nLakeside Neurology"\ntreatment,provider,Peñasco Clinic\n',
    );
    expect(rows.map((r) => [r.line, r.row])).toEqual([
      [2, 1],
      [4, 2],
    ]);
    expect(rows[0]).toMatchObject({ request: { recipient: { name: "Dr. Marsh\nLakeside Neurology" } } });
  });
  it("names the row and field of a bad cell, and of a row with the wrong number of cells; other rows still read", () => {
    const rows = readDisclosureCsv(
      "id,purpose,recipient.type,emergency\nx1,treatment,provider,perhaps\nx2,treatment\nx3,treatment,provider,\n",
    );
    expect(rows[0]).toEqual({ line: 2, row: 1, id: "x1", errors: ['emergency: expected true or false (or yes/no), got "perhaps"'] });
    expect(rows[1]).toEqual({ line: 3, row: 2, id: "x2", errors: ["(row): has 2 cells, the header has 4"] });
    expect(rows[2]).toMatchObject({ row: 3, request: { purpose: "treatment" } });
  });
  it("refuses a file whose header is not a disclosure CSV, saying which columns it expects", () => {
    expect(() => readDisclosureCsv("name,email,phone\nA,a@b.example,1\n")).toThrow(DisclosureCsvError);
    expect(() => readDisclosureCsv("name,email,phone\nA,a@b.example,1\n")).toThrow(
      /unknown columns "name", "email", "phone"; missing purpose and recipient\.type\)\. Columns: id, discloser, purpose/,
    );
    expect(() => readDisclosureCsv("purpose,recipient.type,purpose\n")).toThrow(/purpose is given twice/);
    expect(() => readDisclosureCsv("")).toThrow(/empty/);
    expect(() => readDisclosureCsv('purpose,recipient.type\n"treatment,provider\n')).toThrow(/cannot be read from line 2/);
  });
  it("knows every field of the request contract", () => {
    for (const field of ["discloser", "purpose", "operationsActivity", "otherPurpose", "forProviderTreatment", "information", "emergency"])
      expect(DISCLOSURE_COLUMNS).toContain(field);
    for (const field of [
      "type",
      "name",
      "tin",
      "npi",
      "organization",
      "directAddress",
      "fax",
      "inSameAco",
      "hasRelationshipWithPatient",
      "businessAssociateAgreement",
      "inSameOhca",
    ])
      expect(DISCLOSURE_COLUMNS).toContain(`recipient.${field}`);
    for (const field of ["authorizationOnFile", "part2Consent", "agreedRestriction", "selfPayRestriction"])
      expect(DISCLOSURE_COLUMNS).toContain(`patient.${field}`);
  });
});

describe("answer on the sample CSV (src/cli/examples)", () => {
  it("gives one verdict per row, in order, the same as evaluate, and names the row and field of each bad one", () => {
    const result = answer(SAMPLE_CSV, SAMPLE_PROFILE, { path: "disclosures.csv" });
    expect(result).toMatchObject({ answered: 9, rejected: 2 });
    const lines = result.output.map((l) => JSON.parse(l) as Verdict & { line?: number; row?: number; errors?: string[] });
    expect(lines).toHaveLength(11);
    const rows = readDisclosureCsv(SAMPLE_CSV);
    rows.forEach((row, i) => {
      if ("request" in row && !lines[i]!.errors) expect(lines[i]).toEqual(evaluate(row.request, SAMPLE_PROFILE));
    });
    expect(lines.map((l) => l.outcome ?? "error")).toEqual([
      "allowed",
      "allowed",
      "allowed",
      "needs-review",
      "authorization-required",
      "not-allowed",
      "needs-review",
      "allowed-with-conditions",
      "authorization-required",
      "error",
      "error",
    ]);
    expect(lines[0]!.acoMatch).toMatchObject({ participant: "Lakeside Neurology Associates, PLLC", matchedBy: "name" });
    expect(lines[1]!.acoMatch?.matchedBy).toBe("direct");
    expect(lines[2]!.acoMatch?.matchedBy).toBe("fax");
    expect(lines[9]).toEqual({ line: 11, row: 10, id: "D-1010", errors: [expect.stringMatching(/^recipient\.type: /)] });
    expect(lines[10]).toEqual({
      line: 12,
      row: 11,
      id: "D-1011",
      errors: [expect.stringMatching(/^recipient\.businessAssociateAgreement: /)],
    });
    expect(result.outcomes).toEqual({
      allowed: 3,
      "allowed-with-conditions": 1,
      "authorization-required": 2,
      "not-allowed": 1,
      "needs-review": 2,
    });
    expect(summaryLine(result)).toBe(
      "verdict: 11 requests: 3 allowed, 1 allowed-with-conditions, 2 authorization-required, 1 not-allowed, 2 needs-review; 2 of 11 requests rejected",
    );
  });
  it("detects CSV by the file name or by content that does not start like JSON; --input-format overrides", () => {
    expect(answer(SAMPLE_CSV, SAMPLE_PROFILE).answered).toBe(9);
    const asJson = answer(SAMPLE_CSV, SAMPLE_PROFILE, { inputFormat: "json" });
    expect(asJson.answered).toBe(0);
    expect(answer('{"purpose":"treatment","recipient":{"type":"provider"}}', undefined, { path: "x.jsonl" }).answered).toBe(1);
  });
});

describe("--format csv", () => {
  it("writes a header and one row per disclosure with outcome, rule ids and citations, or the errors", () => {
    const result = answer(SAMPLE_CSV, SAMPLE_PROFILE, { format: "csv" });
    const records = parseCsv(`${result.output.join("\n")}\n`);
    expect(records[0]!.fields).toEqual([...VERDICT_CSV_COLUMNS]);
    expect(records).toHaveLength(12);
    const col = (name: (typeof VERDICT_CSV_COLUMNS)[number]) => VERDICT_CSV_COLUMNS.indexOf(name);
    const first = records[1]!.fields;
    const firstRow = readDisclosureCsv(SAMPLE_CSV)[0]!;
    if (!("request" in firstRow)) throw new Error("the sample's first row is valid");
    const verdict = evaluate(firstRow.request, SAMPLE_PROFILE);
    expect(first[col("line")]).toBe("2");
    expect(first[col("id")]).toBe("D-1001");
    expect(first[col("outcome")]).toBe(verdict.outcome);
    expect(first[col("rules")]).toBe(verdict.reasons.map((r) => r.rule).join("; "));
    expect(first[col("citations")]).toBe(verdict.citations.join("; "));
    expect(first[col("participant")]).toBe("Lakeside Neurology Associates, PLLC");
    expect(first[col("matchedBy")]).toBe("name");
    const bad = records[10]!.fields;
    expect(bad[col("outcome")]).toBe("");
    expect(bad[col("errors")]).toMatch(/^recipient\.type: Invalid option/);
    for (const record of records.slice(1, 10)) expect(record.fields[col("citations")]).not.toBe("");
  });
  it("answers JSON lines input the same way, with a request's id", () => {
    const result = answer('{"id":"J-7","purpose":"treatment","recipient":{"type":"provider"}}\n', undefined, { format: "csv" });
    const [, row] = parseCsv(`${result.output.join("\n")}\n`);
    expect(row!.fields.slice(0, 3)).toEqual(["1", "J-7", "allowed"]);
  });
});

describe("--format cds-hooks", () => {
  it("writes one CDS Hooks response per disclosure, each card with the required attributes", () => {
    const result = answer(SAMPLE_CSV, SAMPLE_PROFILE, { format: "cds-hooks" });
    expect(result.output).toHaveLength(11);
    const verdicts = answer(SAMPLE_CSV, SAMPLE_PROFILE).output.map((l) => JSON.parse(l) as Partial<Verdict>);
    result.output.forEach((line, i) => {
      const response = JSON.parse(line) as CdsHooksResponse;
      expect(Object.keys(response)).toEqual(["cards"]);
      expect(response.cards).toHaveLength(1);
      const card = response.cards[0]!;
      expect(card.summary.length).toBeGreaterThan(0);
      expect(card.summary.length).toBeLessThan(140);
      expect(["info", "warning", "critical"]).toContain(card.indicator);
      expect(card.source.label).toMatch(/ShareCheck/);
      const verdict = verdicts[i]!;
      if (verdict.outcome) {
        expect(card.indicator).toBe(CDS_INDICATOR[verdict.outcome]);
        for (const reason of verdict.reasons!) expect(card.detail).toContain(`\`${reason.rule}\``);
        for (const citation of verdict.citations!) expect(card.detail).toContain(`[${citation}]`);
        expect(card.source.url).toMatch(/^https:\/\//);
        for (const link of card.links ?? [])
          expect(link).toEqual({ label: expect.any(String), url: expect.stringMatching(/^https:\/\//), type: "absolute" });
      } else {
        // A row ShareCheck could not read: fail safe, never silent.
        expect(card.summary).toMatch(/^Could not decide/);
        expect(card.indicator).toBe("warning");
        expect(card.detail).toMatch(/row \d+ \(line \d+\)/);
      }
    });
  });
  it("maps every outcome to an indicator: info only for allowed, critical for authorization required and not allowed", () => {
    expect(Object.keys(CDS_INDICATOR).sort()).toEqual([...OUTCOMES].sort());
    const expected: Record<Outcome, string> = {
      allowed: "info",
      "allowed-with-conditions": "warning",
      "needs-review": "warning",
      "authorization-required": "critical",
      "not-allowed": "critical",
    };
    expect(CDS_INDICATOR).toEqual(expected);
  });
  it("cuts a long headline under 140 characters at a word, and escapes Markdown in names", () => {
    const long = "Needs review (your organisation's policy): ".concat("word ".repeat(60));
    const short = summarise(long);
    expect(short.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(short.endsWith("word…")).toBe(true);
    expect(summarise("Allowed: fine.")).toBe("Allowed: fine.");
    expect(escapeMarkdown("*Acme* [Clinic] <b>")).toBe("\\*Acme\\* \\[Clinic\\] \\<b\\>");
    const verdict = evaluate(
      { purpose: "treatment", recipient: { type: "provider", name: "*Star* Clinic" } },
      { organization: { name: "O", role: "provider" }, acos: [{ id: "a", name: "A_B ACO", participants: [{ name: "*Star* Clinic" }] }] },
    );
    expect(verdictCard(verdict).detail).toContain("\\*Star\\* Clinic, a participant of A\\_B ACO (matched by name)");
  });
});

describe("runVerdictCli batch audit", () => {
  const io = (files: Record<string, string>) => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        readFile: async (p: string) => files[p] ?? Promise.reject(new Error(`ENOENT ${p}`)),
        readStdin: async () => "",
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => err.push(t),
      },
    };
  };
  it("exits 1 when rows were rejected, after answering every other row, with the summary on standard error", async () => {
    const run = io({ "d.csv": SAMPLE_CSV, "p.json": JSON.stringify(SAMPLE_PROFILE) });
    expect(await runVerdictCli(["--profile", "p.json", "--format", "csv", "d.csv"], run.io)).toBe(1);
    expect(run.out).toHaveLength(12);
    expect(run.err).toEqual([
      "verdict: 11 requests: 3 allowed, 1 allowed-with-conditions, 2 authorization-required, 1 not-allowed, 2 needs-review; 2 of 11 requests rejected",
    ]);
  });
  it("exits 2 on a CSV that is not a disclosure CSV, printing nothing on standard output", async () => {
    const run = io({ "people.csv": "name,email\nA,a@b.example\n" });
    expect(await runVerdictCli(["people.csv"], run.io)).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err[0]).toMatch(/^verdict: input people\.csv: line 1: the header is not a disclosure CSV/);
  });
});
