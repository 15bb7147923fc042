import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_NAME_KEY, keyHash, nameKeyHash, normaliseName } from "./name-key.ts";

/** What nameKeyHash must give: the hash of normaliseName's key, NO_NAME_KEY for no key. */
function expected(name: string): number {
  const key = normaliseName(name);
  return key === "" ? NO_NAME_KEY : keyHash(key);
}

/** Pieces of names as lists and pages write them, every character normaliseName treats apart among them. */
const PIECES = [
  "The",
  "the",
  "THE",
  "theory",
  "LLC",
  "L.L.C.",
  "llc",
  "Pllc",
  "P.C.",
  "PC",
  "pc.",
  "Inc",
  "Inc.",
  "INCORPORATED",
  "Corp",
  "Corporation",
  "Co",
  "Co.",
  "company",
  "Ltd",
  "PA",
  "P.A.",
  "S.C.",
  "sc",
  "LLP",
  "LP",
  "and",
  "&",
  " & ",
  "Lakeside",
  "Neurology",
  "Associates",
  "O'Brien",
  "St. Mary's",
  "(Main)",
  '"Quoted"',
  "Peñasco",
  "Peña",
  "Ñ",
  "é",
  "ﬁ",
  "Ⅻ",
  "ß",
  "İ",
  "Dr",
  "12",
  "0",
  " ",
  "  ",
  "\u00a0",
  "\t",
  "\n",
  "\u2014",
  "\u2013",
  "\u2010",
  "-",
  "/",
  "\u00b7",
  ",",
  ".",
  "'",
  "\u3000",
  "\ufeff",
  "\u0000",
  "\u0001",
  "\u0002",
  "\u0003",
  "\u007f",
  "\u0301",
  "Z",
  "a",
];

describe("nameKeyHash", () => {
  it("is the hash of normaliseName's key for names made of the pieces that matter", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }),
        fc.array(fc.constantFrom("", " ", ", ", "-"), { maxLength: 12 }),
        (pieces, joins) => {
          const name = pieces.map((piece, i) => piece + (joins[i] ?? "")).join("");
          expect(nameKeyHash(name)).toBe(expected(name));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("is the hash of normaliseName's key for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (name) => {
        expect(nameKeyHash(name)).toBe(expected(name));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ["Lakeside Neurology Associates, PLLC", "lakeside neurology associates"],
    ["The Company", ""],
    ["Inc.", ""],
    ["the the", "the"],
    ["Smith & Jones, P.C., L.L.C.", "smith and jones"],
    ["Care Co Inc LLC", "care co"],
    ["AT&T", "at and t"],
    ["Ñandú Clinic", "nandu clinic"],
    ["", ""],
    ["...", ""],
  ])("reads %j as normaliseName's %j", (name, key) => {
    expect(normaliseName(name)).toBe(key);
    expect(nameKeyHash(name)).toBe(key === "" ? NO_NAME_KEY : keyHash(key));
  });

  it("reads a name with more words than it first has room for", () => {
    const name = Array.from({ length: 200 }, (_, i) => `w${i}`).join(" ");
    expect(nameKeyHash(name)).toBe(expected(name));
  });
});
