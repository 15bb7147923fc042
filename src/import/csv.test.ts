import { describe, expect, it } from "vitest";
import { CsvError, formatCsv, parseCsv } from "./csv.ts";

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe("parseCsv", () => {
  it("splits plain records on LF and CRLF alike", () => {
    expect(fields("a,b\nc,d\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(fields("a,b\r\nc,d\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(fields("a,b\r\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("drops a leading byte order mark", () => {
    expect(fields("\uFEFFname,tin\nX,1\n")[0]).toEqual(["name", "tin"]);
  });

  it("reads quoted fields with commas, doubled quotes and newlines", () => {
    const rows = parseCsv('name,note\r\n"Smith, Jones & Co","He said ""hi""\r\nthen left"\r\nnext,row\r\n');
    expect(rows.map((r) => r.fields)).toEqual([
      ["name", "note"],
      ["Smith, Jones & Co", 'He said "hi"\r\nthen left'],
      ["next", "row"],
    ]);
    // Line numbers count the newline inside the quoted field.
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("keeps empty fields and skips blank lines", () => {
    expect(fields("a,,c\n\n,b,\n")).toEqual([
      ["a", "", "c"],
      ["", "b", ""],
    ]);
  });

  it("reports an unterminated quote with its line", () => {
    try {
      parseCsv('a,b\n"open,field\nmore');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).code).toBe("unterminated-quote");
      expect((e as CsvError).line).toBe(2);
    }
  });

  it("rejects text after a closing quote and binary content", () => {
    expect(() => parseCsv('"a"b,c\n')).toThrow(CsvError);
    expect(() => parseCsv("PK\u0003\u0004\u0000\u0000")).toThrow(/binary/);
  });

  it("stops at the row limit", () => {
    expect(() => parseCsv("a\nb\nc\n", 2)).toThrow(/too-many-rows/);
    expect(parseCsv("a\nb\n", 2)).toHaveLength(2);
  });

  it("round-trips what formatCsv writes", () => {
    const rows = [
      ["time", "note"],
      ["2026-01-01", 'a "quoted", multi\nline value'],
      ["", "plain"],
    ];
    expect(fields(formatCsv(rows))).toEqual(rows);
  });
});
