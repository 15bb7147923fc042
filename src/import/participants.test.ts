import { describe, expect, it } from "vitest";
import { makeNpi, msspCsv, plainCsv } from "../../test/e2e/options-fixtures.ts";
import { cmsParticipantFile } from "../../test/support/cms-participants.ts";
import { readParticipantFile, MAX_BYTES, type ImportResult } from "./participants.ts";

function file(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a file, got ${JSON.stringify(result.problem)}`);
  return result.file;
}

const outcome = (g: { entries: { line: number }[]; rejected: { line: number; reason: string }[] }) =>
  [...g.entries.map((e) => [e.line, "ok"] as const), ...g.rejected.map((r) => [r.line, r.reason] as const)]
    .sort((a, b) => a[0] - b[0])
    .map((x) => x[1]);

describe("readParticipantFile: a CMS Shared Savings Program participant file loses nothing", () => {
  const cms = cmsParticipantFile();

  it("keeps all 1,245 rows of 40 ACOs as 1,245 participants, with each ACO's own count", () => {
    const f = file(readParticipantFile(cms.text));
    expect(f.format).toBe("mssp");
    expect(f.rowCount).toBe(1245);
    expect(f.groups).toHaveLength(40);
    expect(f.groups.flatMap((g) => g.rejected)).toEqual([]);
    expect(f.groups.reduce((n, g) => n + g.entries.length, 0)).toBe(1245);
    expect(new Map(f.groups.map((g) => [g.acoId, g.entries.length]))).toEqual(cms.perAco);
    expect(new Map(f.groups.map((g) => [g.acoId, g.acoName]))).toEqual(cms.acoNames);
  });

  it("keeps names as CMS wrote them: accents, commas inside quotes, legal forms", () => {
    const biggest = file(readParticipantFile(cms.text)).groups.reduce((a, b) => (b.entries.length > a.entries.length ? b : a));
    const names = biggest.entries.map((e) => e.participant.name);
    expect(names).toContain("RIVERSIDE MEDICAL GROUP PC");
    expect(names).toContain("RIVERSIDE MEDICAL GROUP LLC");
    expect(names).toContain("SMITH, JONES & ASSOCIATES PC");
    expect(names).toContain("CLÍNICA PEÑASCO FAMILY HEALTH PC");
    expect(names).toContain("DR. ANA BELÉN OCAÑA, MD PC");
    expect(names.filter((n) => n.startsWith("RIVERSIDE MEDICAL GROUP")).length).toBeGreaterThan(5);
    expect(file(readParticipantFile(cms.text)).groups[0]!.entries[0]).toEqual({
      line: 2,
      participant: { name: "RIVERSIDE MEDICAL GROUP PC" },
    });
  });

  it("reads the same file with LF line ends, without a BOM, and as the lower-case API export", () => {
    const lf = cms.text
      .replace(/\r\n/g, "\n")
      .slice(1)
      .replace("ACO_ID,Par_LBN,ACO_Name,ACO_Service_Area", "aco_id,par_lbn,aco_name,aco_service_area");
    const f = file(readParticipantFile(lf));
    expect(f.groups.reduce((n, g) => n + g.entries.length, 0)).toBe(1245);
  });
});

describe("readParticipantFile: which rows are the same participant", () => {
  const rows = (text: string) => file(readParticipantFile(text)).groups;

  it("different legal forms are different participants; the same name again is a duplicate", () => {
    const [g] = rows(
      "ACO_ID,ACO_Name,Par_LBN\nA1,One,RIVERSIDE MEDICAL GROUP LLC\nA1,One,RIVERSIDE MEDICAL GROUP PC\nA1,One,Riverside  Medical Group pc \n",
    );
    expect(g!.entries.map((e) => e.participant.name)).toEqual(["RIVERSIDE MEDICAL GROUP LLC", "RIVERSIDE MEDICAL GROUP PC"]);
    expect(g!.rejected).toEqual([
      { line: 4, reason: "duplicate", name: "Riverside  Medical Group pc", raw: "A1, One, Riverside  Medical Group pc ", sameAs: 3 },
    ]);
  });

  it("the same name in two ACOs is a participant of each", () => {
    const groups = rows("ACO_ID,ACO_Name,Par_LBN\nA1,One,Same Clinic\nA2,Two,Same Clinic\n");
    expect(groups.map((g) => [g.acoId, g.entries.length, g.rejected.length])).toEqual([
      ["A1", 1, 0],
      ["A2", 1, 0],
    ]);
  });

  it("the same name with different TINs or NPIs is two participants; a row that adds an identifier is merged", () => {
    const [a, b] = [makeNpi(1), makeNpi(2)];
    const [g] = rows(
      [
        "name,tin,npi",
        `Family Practice,111111111,`,
        `Family Practice,222222222,`,
        `Family Practice,111111111,${a}`,
        `Family Practice,,${b}`,
        `Family Practice,,${a}`,
      ].join("\n"),
    );
    expect(g!.entries).toEqual([
      { line: 2, participant: { name: "Family Practice", tin: "111111111", npi: a }, merged: [4] },
      { line: 3, participant: { name: "Family Practice", tin: "222222222", npi: b }, merged: [5] },
    ]);
    expect(g!.rejected.map((r) => [r.line, r.reason, r.sameAs])).toEqual([[6, "duplicate", 2]]);
  });
});

describe("readParticipantFile: formats", () => {
  it("reads the CMS file, grouped by ACO", () => {
    const f = file(readParticipantFile(msspCsv(3, 4)));
    expect(f.format).toBe("mssp");
    expect(f.rowCount).toBe(12);
    expect(f.groups.map((g) => [g.acoId, g.acoName, g.program, g.entries.length])).toEqual([
      ["A1000", "ACO 0 Partners, LLC", "mssp", 4],
      ["A1001", "ACO 1 Partners, LLC", "mssp", 4],
      ["A1002", "ACO 2 Partners, LLC", "mssp", 4],
    ]);
  });

  it("reads the ACO REACH participant file", () => {
    const f = file(readParticipantFile("aco_id,aco_name,par_lbn,prvdr_class\nD0001,Reach One,Lakeside Cardiology,Participant Provider\n"));
    expect(f.format).toBe("reach");
    expect(f.groups[0]).toMatchObject({ acoId: "D0001", program: "reach" });
  });

  it("reads a plain name,tin,npi,aliases file with everything but the name optional", () => {
    const npi = makeNpi(7);
    const f = file(
      readParticipantFile(
        `Name,TIN,NPI,Aliases\r\nNorth Clinic,12-3456789,${npi},North Clinic Downtown; @Direct.North.example ;(555) 010-2345\r\nSouth Clinic,,,\r\nEast Clinic,987654321,,\r\n`,
      ),
    );
    expect(f.format).toBe("plain");
    expect(f.hasAliases).toBe(true);
    expect(f.groups[0]!.entries.map((e) => e.participant)).toEqual([
      { name: "North Clinic", tin: "123456789", npi, aliases: ["North Clinic Downtown", "@direct.north.example", "(555) 010-2345"] },
      { name: "South Clinic" },
      { name: "East Clinic", tin: "987654321" },
    ]);
  });

  it("reads an NPI written with the 80840 card-issuer prefix as its last 10 digits", () => {
    const npi = makeNpi(9);
    expect(file(readParticipantFile(`name,npi\nX,80840${npi}\n`)).groups[0]!.entries[0]!.participant).toEqual({ name: "X", npi });
  });
});

describe("readParticipantFile: bad rows", () => {
  it("rejects each bad row with its line, readable name and reason, and keeps the good ones", () => {
    const good = makeNpi(1);
    const wrongCheck = good.slice(0, 9) + String((Number(good[9]) + 1) % 10);
    const text = [
      "name,tin,npi,aliases",
      `Good Clinic,123456789,${good},`,
      "Short Tin,12345678,,",
      `Bad Npi,,${wrongCheck},`,
      "Nine Digit Npi,,123456789,",
      ",123456789,,",
      `Good Clinic,123456789,${good},`,
      "Letters,12345678a,,",
      "Bad Alias,,,555-0101",
      "Bad Address,,,not@an address",
    ].join("\n");
    const g = file(readParticipantFile(text)).groups[0]!;
    expect(outcome(g)).toEqual(["ok", "bad-tin", "bad-npi", "bad-npi", "missing-name", "duplicate", "bad-tin", "bad-alias", "bad-alias"]);
    expect(g.rejected[0]).toEqual({ line: 3, reason: "bad-tin", name: "Short Tin", raw: "Short Tin, 12345678, , " });
  });

  it("rejects a CMS row without an ACO ID rather than putting it in a nameless ACO", () => {
    const f = file(readParticipantFile("ACO_ID,ACO_Name,Par_LBN\nA1,One,Kept Clinic\n,One,Lost Clinic\n"));
    expect(f.groups.map((g) => g.acoId)).toEqual(["A1"]);
    expect(f.unplaced).toEqual([{ line: 3, reason: "missing-aco", name: "Lost Clinic", raw: ", One, Lost Clinic" }]);
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

  it("names the columns of a CSV that is not a participant list, a contact list included", () => {
    expect(readParticipantFile("first,last\nA,B\n")).toEqual({
      ok: false,
      problem: { code: "unknown-columns", columns: ["first", "last"] },
    });
    expect(readParticipantFile("name,email,phone\nAna,ana@example.org,555-0100\n")).toEqual({
      ok: false,
      problem: { code: "unknown-columns", columns: ["name", "email", "phone"] },
    });
  });

  it("refuses a huge file by size before reading it, and by row count", () => {
    expect(readParticipantFile("name\nx\n", MAX_BYTES + 1)).toEqual({ ok: false, problem: { code: "too-large", bytes: MAX_BYTES + 1 } });
    const many = `name\n${"x\n".repeat(200_001)}`;
    expect(readParticipantFile(many)).toEqual({ ok: false, problem: { code: "too-many-rows" } });
  });

  it("reports a malformed quote with its line", () => {
    expect(readParticipantFile('name\nok\n"broken\n')).toEqual({ ok: false, problem: { code: "malformed", line: 3 } });
  });

  it("handles 50,000 rows", () => {
    const f = file(readParticipantFile(plainCsv(50_000)));
    expect(f.groups[0]!.entries).toHaveLength(50_000);
  });
});
