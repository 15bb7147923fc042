import { describe, expect, it } from "vitest";
import { makeNpi } from "../../test/e2e/options-fixtures.ts";
import type { ImportRow } from "./participants.ts";
import { previewImport } from "./preview.ts";

describe("previewImport", () => {
  const npi = makeNpi(3);
  const existing = [
    { name: "Old Name Clinic", npi },
    { name: "Kept Clinic", tin: "111111111" },
    { name: "Same Clinic" },
  ];

  it("says row by row what is added, changed, unchanged and rejected, and keeps unmentioned participants", () => {
    const rows: ImportRow[] = [
      { line: 2, ok: true, participant: { name: "New Name Clinic", npi } },
      { line: 3, ok: true, participant: { name: "Same Clinic" } },
      { line: 4, ok: true, participant: { name: "Brand New" } },
      { line: 5, ok: false, reason: "bad-tin", raw: "X, 12" },
    ];
    const p = previewImport(existing, rows);
    expect(p.rows.map((r) => [r.line, r.change])).toEqual([
      [2, "changed"],
      [3, "unchanged"],
      [4, "added"],
      [5, "rejected"],
    ]);
    expect(p.rows[0]).toMatchObject({ before: { name: "Old Name Clinic" } });
    expect(p.counts).toEqual({ added: 1, changed: 1, unchanged: 1, rejected: 1 });
    expect(p.result).toEqual([{ name: "New Name Clinic", npi }, existing[1], existing[2], { name: "Brand New" }]);
  });

  it("leaves the existing list untouched", () => {
    const before = structuredClone(existing);
    previewImport(existing, [{ line: 2, ok: true, participant: { name: "Other", npi } }]);
    expect(existing).toEqual(before);
  });
});
