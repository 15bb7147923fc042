import { describe, expect, it } from "vitest";
import { normaliseName } from "../core/index.ts";
import { buildParticipantSearch } from "./participant-search.ts";

const list = [
  { name: "North Valley Clinic", tin: "123456789", npi: "1234567893" },
  { name: "Valley Heart", tin: "987654321" },
  { name: "Lakeside Pediatrics" },
];

describe("buildParticipantSearch", () => {
  const search = buildParticipantSearch(list);

  it("finds by any part of the name, case-insensitively", () => {
    expect(search.all("VALLEY")).toEqual([0, 1]);
    expect(search.all("pediat")).toEqual([2]);
    expect(search.all("nothing like it")).toEqual([]);
  });

  it("finds by TIN or NPI, with dashes or spaces typed", () => {
    expect(search.all("12-3456789")).toEqual([0]);
    expect(search.all("1234567893")).toEqual([0]);
    expect(search.all("98765")).toEqual([1]);
  });

  it("returns every row for an empty query", () => {
    expect(search.all("  ")).toEqual([0, 1, 2]);
  });

  it("suggests names that start with the query first, up to the limit", () => {
    expect(search.top("valley").map((p) => p.name)).toEqual(["Valley Heart", "North Valley Clinic"]);
    expect(search.top("valley", 1).map((p) => p.name)).toEqual(["Valley Heart"]);
    expect(search.top("")).toEqual([]);
  });
});

describe("buildParticipantSearch folds names as ACO matching does (normaliseName)", () => {
  const folded = [
    { name: "PEÑASCO AND SONS, LLC" },
    { name: "Tri-County Health, P.C." },
    { name: "The Smith&Jones Clinic" },
    { name: "Summit Anesthesia Company, Inc." },
    { name: "Lakeside Neurology Associates, PLLC", aliases: ["Lakeside Neuro Group", "@direct.lakeside.example", "(312) 555-0190"] },
    { name: "Andrews Dermatology" },
  ];
  const search = buildParticipantSearch(folded);
  const names = (query: string) => search.all(query).map((i) => folded[i]!.name);

  it("folds accents, & and and, hyphens, punctuation, a leading the and legal suffixes on both sides", () => {
    expect(names("Penasco & Sons")).toEqual(["PEÑASCO AND SONS, LLC"]);
    expect(names("peñasco and sons llc")).toEqual(["PEÑASCO AND SONS, LLC"]);
    expect(names("Tri County Health PC")).toEqual(["Tri-County Health, P.C."]);
    expect(names("smith and jones")).toEqual(["The Smith&Jones Clinic"]);
    expect(names("the smith & jones clinic")).toEqual(["The Smith&Jones Clinic"]);
    expect(names("Summit Anesthesia")).toEqual(["Summit Anesthesia Company, Inc."]);
  });

  it("finds everything a verdict matches by name: the whole name, or one of its parts", () => {
    for (const p of folded) expect(names(p.name)).toContain(p.name);
    expect(names("Dr. Helena Marsh — Lakeside Neurology Associates")).toEqual(["Lakeside Neurology Associates, PLLC"]);
    expect(names("Dr. Helena Marsh")).toEqual([]);
    // A short part ("Dr") is no search of its own: "Andrews" holds those letters.
    expect(names("Dr, Helena Marsh")).toEqual([]);
  });

  it("folds name aliases too, keeps addresses and domains as written, and finds fax aliases by their digits", () => {
    expect(names("lakeside neuro-group")).toEqual(["Lakeside Neurology Associates, PLLC"]);
    expect(names("@DIRECT.lakeside.example")).toEqual(["Lakeside Neurology Associates, PLLC"]);
    expect(names("312.555.0190")).toEqual(["Lakeside Neurology Associates, PLLC"]);
  });

  it("gives nothing for a query that folds to nothing", () => {
    expect(names("Inc.")).toEqual([]);
    expect(search.top("The")).toEqual([]);
  });

  it("agrees with the core's matching on every name it folds equal", () => {
    for (const [typed, listed] of [
      ["Penasco and Sons", 0],
      ["TRI COUNTY HEALTH", 1],
      ["Smith & Jones Clinic", 2],
    ] as const) {
      expect(normaliseName(typed)).toBe(normaliseName(folded[listed]!.name));
      expect(search.all(typed)).toContain(listed);
    }
  });
});
