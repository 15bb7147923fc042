import { describe, expect, it } from "vitest";
import { buildParticipantIndex } from "./participant-index.ts";

const acos = [
  {
    id: "A1",
    name: "Valley ACO",
    participants: [
      { name: "Smith & Jones Pediatrics, LLC", tin: "123456789" },
      {
        name: "Lakeside Neurology Associates, PLLC",
        npi: "1555555550",
        aliases: ["@direct.lakeside.example", "(555) 010-2345", "Lakeside Neuro"],
      },
    ],
  },
  { id: "A2", name: "Reach ACO", participants: [{ name: "SMITH AND JONES PEDIATRICS" }, { name: "Clínica Peñasco" }] },
];

describe("buildParticipantIndex", () => {
  const index = buildParticipantIndex(acos);
  const found = (q: string) => index.search(q).map((i) => `${index.rows[i]!.acoId}:${index.rows[i]!.participant.name}`);

  it("answers which ACOs a participant is in, folding case, & and and, as matching does", () => {
    expect(found("smith & jones")).toEqual(["A1:Smith & Jones Pediatrics, LLC", "A2:SMITH AND JONES PEDIATRICS"]);
    expect(found("Smith and Jones Pediatrics LLC")).toEqual(["A1:Smith & Jones Pediatrics, LLC", "A2:SMITH AND JONES PEDIATRICS"]);
  });

  it("folds accents", () => {
    expect(found("penasco")).toEqual(["A2:Clínica Peñasco"]);
  });

  it("finds by alias, Direct domain, fax, TIN and NPI", () => {
    expect(found("lakeside neuro")).toEqual(["A1:Lakeside Neurology Associates, PLLC"]);
    expect(found("@direct.lakeside")).toEqual(["A1:Lakeside Neurology Associates, PLLC"]);
    expect(found("555-010-2345")).toEqual(["A1:Lakeside Neurology Associates, PLLC"]);
    expect(found("12-3456789")).toEqual(["A1:Smith & Jones Pediatrics, LLC"]);
    expect(found("1555555550")).toEqual(["A1:Lakeside Neurology Associates, PLLC"]);
  });

  it("lists everyone for an empty query and no one for a miss", () => {
    expect(index.search("  ")).toEqual([0, 1, 2, 3]);
    expect(found("orthopedics")).toEqual([]);
  });
});
