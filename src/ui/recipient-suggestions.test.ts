import { describe, expect, it } from "vitest";
import { buildRecipientSuggestions } from "./recipient-suggestions.ts";

const suggest = buildRecipientSuggestions({
  acos: [
    {
      id: "A1",
      name: "Valley ACO",
      program: "mssp",
      participants: [
        { name: "Riverside Medical Group LLC", tin: "111111111" },
        { name: "North Valley Clinic", tin: "123456789", npi: "1234567893" },
      ],
    },
    {
      id: "B2",
      name: "Lakes ACO",
      program: "reach",
      participants: [
        { name: "Riverside Medical Group PC", tin: "222222222" },
        { name: "NORTH VALLEY  CLINIC", tin: "123456789" },
        { name: "Lakeside Neurology", aliases: ["@direct.lakeside.example", "312-555-0190"] },
      ],
    },
  ],
});

describe("buildRecipientSuggestions", () => {
  it("shows each ACO (and program) of a name listed in several, as one suggestion", () => {
    const [north, ...rest] = suggest("north valley");
    expect(rest).toEqual([]);
    expect(north).toEqual({
      name: "North Valley Clinic",
      tin: "123456789",
      acos: [
        { acoId: "A1", acoName: "Valley ACO", program: "mssp" },
        { acoId: "B2", acoName: "Lakes ACO", program: "reach" },
      ],
    });
  });

  it("keeps different legal entities apart, each with its own ACO", () => {
    expect(suggest("riverside").map((s) => [s.name, s.acos?.map((a) => a.acoId)])).toEqual([
      ["Riverside Medical Group LLC", ["A1"]],
      ["Riverside Medical Group PC", ["B2"]],
    ]);
  });

  it("finds a participant by its Direct domain or fax alias", () => {
    expect(suggest("direct.lakeside")[0]?.name).toBe("Lakeside Neurology");
    expect(suggest("(312) 555-0190")[0]?.name).toBe("Lakeside Neurology");
  });

  it("stops at the limit", () => {
    expect(suggest("i", 2)).toHaveLength(2);
  });
});
