import { describe, expect, it } from "vitest";
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
