import { describe, expect, it } from "vitest";
import { makeNpi, msspCsv, plainCsv } from "../../test/e2e/options-fixtures.ts";
import { readParticipantFile, MAX_BYTES, type ImportResult } from "./participants.ts";

function file(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a file, got ${JSON.stringify(result.problem)}`);
  return result.file;
}

describe("readParticipantFile: formats", () => {
  it("reads the CMS Shared Savings Program participant file, grouped by ACO", () => {
    const f = file(readParticipantFile(msspCsv(3, 4)));
    expect(f.format).toBe("mssp");
    expect(f.rowCount).toBe(12);
    expect(f.groups.map((g) => [g.acoId, g.acoName, g.program, g.rows.length])).toEqual([
      ["A1000", "ACO 0 Partners, LLC", "mssp", 4],
      ["A1001", "ACO 1 Partners, LLC", "mssp", 4],
      ["A1002", "ACO 2 Partners, LLC", "mssp", 4],
    ]);
    expect(f.groups[0]!.rows[0]).toEqual({ line: 2, ok: true, participant: { name: "Practice 0-0 LLC" } });
  });

  it("accepts lower-case CMS headers and extra columns in any order", () => {
    const f = file(readParticipantFile("par_lbn,aco_service_area,aco_name,aco_id\nValley Clinic,TX,Valley ACO,A9999\n"));
    expect(f.format).toBe("mssp");
    expect(f.groups[0]).toMatchObject({ acoId: "A9999", acoName: "Valley ACO" });
    expect(f.groups[0]!.rows[0]).toMatchObject({ ok: true, participant: { name: "Valley Clinic" } });
  });

  it("reads the ACO REACH participant file", () => {
    const f = file(readParticipantFile("aco_id,aco_name,par_lbn,prvdr_class\nD0001,Reach One,Lakeside Cardiology,Participant Provider\n"));
    expect(f.format).toBe("reach");
    expect(f.groups[0]).toMatchObject({ acoId: "D0001", program: "reach" });
  });

  it("reads a plain name,tin,npi file with TIN and NPI optional", () => {
    const npi = makeNpi(7);
    const f = file(readParticipantFile(`Name,TIN,NPI\r\nNorth Clinic,12-3456789,${npi}\r\nSouth Clinic,,\r\nEast Clinic,987654321,\r\n`));
    expect(f.format).toBe("plain");
    expect(f.groups).toHaveLength(1);
    expect(f.groups[0]!.rows).toEqual([
      { line: 2, ok: true, participant: { name: "North Clinic", tin: "123456789", npi } },
      { line: 3, ok: true, participant: { name: "South Clinic" } },
      { line: 4, ok: true, participant: { name: "East Clinic", tin: "987654321" } },
    ]);
  });

  it("reads a BOM, quoted names with commas, and a name-only file", () => {
    const f = file(readParticipantFile('\uFEFFname\n"Smith, Jones ""and"" Partners"\n'));
    expect(f.groups[0]!.rows[0]).toMatchObject({ ok: true, participant: { name: 'Smith, Jones "and" Partners' } });
  });
});

describe("readParticipantFile: bad rows", () => {
  it("rejects each bad row with its reason and keeps the good ones", () => {
    const good = makeNpi(1);
    const wrongCheck = good.slice(0, 9) + String((Number(good[9]) + 1) % 10);
    const text = [
      "name,tin,npi",
      `Good Clinic,123456789,${good}`,
      "Short Tin,12345678,",
      `Bad Npi,,${wrongCheck}`,
      "Nine Digit Npi,,123456789",
      ",123456789,",
      `Good Clinic,123456789,${good}`,
      "Letters,12345678a,",
    ].join("\n");
    const rows = file(readParticipantFile(text)).groups[0]!.rows;
    expect(rows.map((r) => (r.ok ? "ok" : r.reason))).toEqual([
      "ok",
      "bad-tin",
      "bad-npi",
      "bad-npi",
      "missing-name",
      "duplicate",
      "bad-tin",
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it("counts a duplicate per ACO, not across ACOs", () => {
    const f = file(readParticipantFile("ACO_ID,ACO_Name,Par_LBN\nA1,One,Same Clinic\nA2,Two,Same Clinic\nA1,One,\"same clinic, llc\"\n"));
    // The third row is the first one again once names are normalised (case, punctuation, legal form).
    expect(f.groups.map((g) => g.rows.map((r) => (r.ok ? "ok" : r.reason)))).toEqual([["ok", "duplicate"], ["ok"]]);
  });
});

describe("readParticipantFile: files it refuses", () => {
  it("says a file is empty", () => {
    expect(readParticipantFile("")).toEqual({ ok: false, problem: { code: "empty" } });
    expect(readParticipantFile("\uFEFF\r\n")).toEqual({ ok: false, problem: { code: "empty" } });
    expect(readParticipantFile("name,tin,npi\r\n")).toEqual({ ok: false, problem: { code: "empty" } });
  });

  it("says a file is not a CSV", () => {
    expect(readParticipantFile("\u0089PNG\r\n\u001a\n\u0000\u0000")).toMatchObject({ ok: false, problem: { code: "not-csv" } });
    expect(readParticipantFile("<html><body>Hello</body></html>")).toMatchObject({ ok: false, problem: { code: "not-csv" } });
  });

  it("names the columns of a CSV it does not recognise", () => {
    expect(readParticipantFile("first,last\nA,B\n")).toEqual({ ok: false, problem: { code: "unknown-columns", columns: ["first", "last"] } });
  });

  it("refuses a huge file by size before reading it, and by row count", () => {
    expect(readParticipantFile("name\nx\n", MAX_BYTES + 1)).toEqual({ ok: false, problem: { code: "too-large", bytes: MAX_BYTES + 1 } });
    const many = "name\n" + "x\n".repeat(200_001);
    expect(readParticipantFile(many)).toEqual({ ok: false, problem: { code: "too-many-rows" } });
  });

  it("reports a malformed quote with its line", () => {
    expect(readParticipantFile('name\nok\n"broken\n')).toEqual({ ok: false, problem: { code: "malformed", line: 3 } });
  });

  it("handles 50,000 rows", () => {
    const f = file(readParticipantFile(plainCsv(50_000)));
    expect(f.groups[0]!.rows.filter((r) => r.ok)).toHaveLength(50_000);
  });
});
