import { describe, expect, it } from "vitest";
import { makeNpi } from "../../test/e2e/options-fixtures.ts";
import type { ImportGroup } from "./participants.ts";
import { previewImport } from "./preview.ts";

const group = (entries: ImportGroup["entries"], rejected: ImportGroup["rejected"] = []) => ({ entries, rejected });

describe("previewImport", () => {
  const npi = makeNpi(3);
  const existing = [
    { name: "Old Name Clinic", npi },
    { name: "Kept Clinic", tin: "111111111", aliases: ["@direct.kept.example"] },
    { name: "Same Clinic" },
    { name: "RIVERSIDE MEDICAL GROUP LLC" },
  ];
  const file = group(
    [
      { line: 2, participant: { name: "New Name Clinic", npi } },
      { line: 3, participant: { name: "same  clinic" } },
      { line: 4, participant: { name: "RIVERSIDE MEDICAL GROUP PC" } },
      { line: 6, participant: { name: "Kept Clinic" } },
    ],
    [{ line: 5, reason: "bad-tin", name: "X", raw: "X, 12" }],
  );

  it("says per participant what is added, changed, unchanged, rejected, and what the file does not mention", () => {
    const p = previewImport(existing, file);
    expect(p.rows.map((r) => [r.line, r.change])).toEqual([
      [2, "changed"],
      [3, "unchanged"],
      [4, "added"],
      [5, "rejected"],
      [6, "unchanged"],
      [undefined, "missing"],
    ]);
    expect(p.rows[0]).toMatchObject({ before: { name: "Old Name Clinic" }, participant: { name: "New Name Clinic", npi } });
    expect(p.rows[3]).toMatchObject({ name: "X", reason: "bad-tin" });
    expect(p.rows[5]).toMatchObject({ participant: { name: "RIVERSIDE MEDICAL GROUP LLC" } });
    expect(p.counts).toEqual({ added: 1, changed: 1, unchanged: 2, rejected: 1, missing: 1 });
  });

  it("on add, keeps what the file does not mention and appends the new ones", () => {
    expect(previewImport(existing, file, { mode: "add" }).result).toEqual([
      { name: "New Name Clinic", npi },
      existing[1],
      existing[2],
      existing[3],
      { name: "RIVERSIDE MEDICAL GROUP PC" },
    ]);
  });

  it("on replace, the list becomes the file, keeping identifiers and aliases the list knew", () => {
    expect(previewImport(existing, file, { mode: "replace" }).result).toEqual([
      { name: "New Name Clinic", npi },
      { name: "Same Clinic" },
      { name: "RIVERSIDE MEDICAL GROUP PC" },
      existing[1],
    ]);
  });

  it("a file with an aliases column sets aliases; a TIN the file adds is a change", () => {
    const p = previewImport(
      existing,
      group([
        { line: 2, participant: { name: "Kept Clinic", aliases: ["Kept Downtown"] } },
        { line: 3, participant: { name: "Same Clinic", tin: "222222222" } },
      ]),
      {
        fileHasAliases: true,
      },
    );
    expect(p.rows.slice(0, 2)).toMatchObject([
      { change: "changed", participant: { name: "Kept Clinic", tin: "111111111", aliases: ["Kept Downtown"] } },
      { change: "changed", participant: { name: "Same Clinic", tin: "222222222" } },
    ]);
  });

  it("a listed participant with a conflicting TIN is not the file's row", () => {
    const p = previewImport(
      [{ name: "Family Practice", tin: "111111111" }],
      group([{ line: 2, participant: { name: "Family Practice", tin: "222222222" } }]),
    );
    expect(p.counts).toMatchObject({ added: 1, missing: 1 });
  });

  it("leaves the existing list untouched", () => {
    const before = structuredClone(existing);
    previewImport(existing, file, { mode: "replace" });
    expect(existing).toEqual(before);
  });
});
