import { describe, expect, it } from "vitest";
import { INVALID_IDENTIFIER_CAUTION, buildAcoIndex, matchRecipient, normaliseName, npiKey, tinKey } from "./aco-match.ts";
import { evaluate } from "./evaluate.ts";
import type { OrgProfileInput } from "./schema.ts";
import { HARBOR_PROFILE, npiWithCheckDigit } from "./test-support.ts";

const TWO_ACOS: OrgProfileInput = {
  organization: { name: "Clinic", role: "provider" },
  acos: [
    { id: "a", name: "The Harbor Valley ACO, LLC", participants: [{ name: "Riverside Family Medicine, P.C.", tin: "33-3333333" }, { name: "Smith & Jones", npi: "1234567893" }] },
    { id: "b", name: "Summit Health Partners", participants: [{ name: "Eastgate Orthopedics", npi: "1666666668", tin: "66-6666666" }, { name: "Riverside Family Medicine" }] },
  ],
};

describe("NPI and TIN keys", () => {
  it("accepts a 10-digit NPI only with its Luhn check digit over 80840, keyed by its first nine digits", () => {
    expect(npiKey("1234567893")).toBe(123456789);
    expect(npiKey("1234567890")).toBeUndefined();
    expect(npiKey("123456789")).toBeUndefined();
    expect(npiKey("12345678931")).toBeUndefined();
    expect(npiKey(" 1234-567-893 ")).toBe(123456789);
    expect(npiKey(npiWithCheckDigit("100300012"))).toBe(100300012);
    expect(npiKey("1003000126")).toBe(100300012);
  });
  it("takes a TIN of exactly nine digits, punctuation ignored", () => {
    expect(tinKey("22-2222222")).toBe(222222222);
    expect(tinKey("012345678")).toBe(12345678);
    expect(tinKey("22-222222")).toBeUndefined();
    expect(tinKey("")).toBeUndefined();
  });
});

describe("name normalisation (§7)", () => {
  it("matches the documented examples and nothing partial", () => {
    const n = normaliseName("Riverside Family Medicine");
    expect(normaliseName("Riverside Family Medicine, P.C.")).toBe(n);
    expect(normaliseName("RIVERSIDE FAMILY MEDICINE PC")).toBe(n);
    expect(normaliseName("  The   Riverside Family Medicine Inc.")).toBe(n);
    expect(normaliseName("Riverside Family")).not.toBe(n);
    expect(normaliseName("Smith & Jones")).toBe(normaliseName("smith and jones"));
    expect(normaliseName(`"Smith" (Jones)`)).toBe("smith jones");
    // "&" turns into "and" where it stands; nothing else about the name changes.
    expect(normaliseName("Smith&Jones")).toBe("smithandjones");
    expect(normaliseName("Smith&Jones")).not.toBe(normaliseName("Smith and Jones"));
  });
  it("gives the same answer on the plain fast path as on the general path", () => {
    for (const [plain, general] of [
      ["riverside family medicine pc", "Riverside  Family Medicine, PC"],
      ["the acme co", "The Acme Co."],
      ["the inc", "The, Inc"],
      ["acme", "Acme."],
      ["the", "The."],
      ["pc", "P.C."],
      ["a b", " a   b "],
    ] as const) {
      expect(normaliseName(plain)).toBe(normaliseName(general));
    }
  });
  it("drops only one trailing suffix and keeps a lone word", () => {
    expect(normaliseName("Acme Co LLC")).toBe("acme co");
    expect(normaliseName("Inc")).toBe("inc");
    expect(normaliseName("The")).toBe("the");
    expect(normaliseName("Theater Group")).toBe("theater group");
  });
});

describe("matchRecipient", () => {
  const index = buildAcoIndex(TWO_ACOS);
  it("tries NPI, then TIN, then name; first ACO and participant in order wins", () => {
    expect(matchRecipient(index, { type: "provider", name: "Riverside Family Medicine", npi: "1666666668" }).match).toEqual({ acoId: "b", acoName: "Summit Health Partners", participant: "Eastgate Orthopedics" });
    expect(matchRecipient(index, { type: "provider", name: "Eastgate Orthopedics", tin: "333333333" }).match?.participant).toBe("Riverside Family Medicine, P.C.");
    expect(matchRecipient(index, { type: "provider", name: "riverside family medicine" }).match).toEqual({ acoId: "a", acoName: "The Harbor Valley ACO, LLC", participant: "Riverside Family Medicine, P.C." });
    expect(matchRecipient(index, { type: "provider", name: "Riverside Family" }).match).toBeUndefined();
  });
  it("an invalid NPI or TIN is not used and is reported; a name may still match", () => {
    const badNpi = matchRecipient(index, { type: "provider", npi: "1666666669" });
    expect(badNpi).toEqual({ match: undefined, invalidIdentifier: true });
    const badTin = matchRecipient(index, { type: "provider", tin: "66-666666", name: "Smith and Jones" });
    expect(badTin.invalidIdentifier).toBe(true);
    expect(badTin.match?.participant).toBe("Smith & Jones");
  });
  it("inSameAco false skips matching", () => {
    expect(matchRecipient(index, { type: "provider", tin: "66-6666666", inSameAco: false }).match).toBeUndefined();
  });
  it("an ACO entity matches by the ACO's normalised name, with the ACO as participant", () => {
    expect(matchRecipient(index, { type: "aco", name: "harbor valley aco" }).match).toEqual({ acoId: "a", acoName: "The Harbor Valley ACO, LLC", participant: "The Harbor Valley ACO, LLC" });
    expect(matchRecipient(index, { type: "aco", name: "Eastgate Orthopedics" }).match).toBeUndefined();
  });
  it("leaves out participant identifiers that cannot be right", () => {
    const odd = buildAcoIndex({ acos: [{ id: "x", name: "X", participants: [{ name: "P", npi: "1234567890", tin: "12" }] }] });
    expect(odd.byNpi.size + odd.byTin.size).toBe(0);
  });
});

describe("in evaluate", () => {
  it("a malformed NPI or TIN gives the caution and no match; the request is still answered", () => {
    for (const recipient of [{ type: "provider", npi: "1234567890" }, { type: "provider", tin: "1234" }, { type: "provider", npi: "12-34" }] as const) {
      const verdict = evaluate({ purpose: "treatment", recipient }, HARBOR_PROFILE);
      expect(verdict.cautions).toContain(INVALID_IDENTIFIER_CAUTION);
      expect(verdict.acoMatch).toBeUndefined();
      expect(verdict.outcome).toBe("allowed");
    }
    expect(evaluate({ purpose: "treatment", recipient: { type: "provider", npi: "1234567893" } }, HARBOR_PROFILE).cautions).not.toContain(INVALID_IDENTIFIER_CAUTION);
  });
  it("builds the index once per profile object", () => {
    const profile = structuredClone(HARBOR_PROFILE);
    const request = { purpose: "treatment", recipient: { type: "provider", name: "Riverside Family Medicine" } } as const;
    expect(evaluate(request, profile).acoMatch?.acoId).toBe("aco-harbor");
    // Mutating the cached profile does not rebuild: the same object gives the same index.
    profile.acos[0]!.participants = [];
    expect(evaluate(request, profile).acoMatch?.acoId).toBe("aco-harbor");
    expect(evaluate(request, structuredClone(profile)).acoMatch).toBeUndefined();
  });
  it("throws the profile's ZodError on an invalid profile", () => {
    expect(() => evaluate({ purpose: "treatment", recipient: { type: "provider" } }, { organization: { name: "X" } } as unknown as OrgProfileInput)).toThrow(/organization\.role|role/);
  });
});

describe("normaliseName against the §7 recipe written plainly", () => {
  const SUFFIXES = new Set(["llc", "pllc", "llp", "lp", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "pc", "pa", "sc"]);
  function reference(name: string): string {
    const words = name.toLowerCase().replaceAll("&", "and").replace(/[.,'"()]/g, "").split(/\s+/).filter(Boolean);
    if (words.length > 1 && words[0] === "the") words.shift();
    if (words.length > 1 && SUFFIXES.has(words.at(-1)!)) words.pop();
    return words.join(" ");
  }
  it("agrees on arbitrary names", async () => {
    const fc = (await import("fast-check")).default;
    const piece = fc.constantFrom("The", "the", "Riverside", "PC", "P.C.", "llc", "Inc.", "&", "Smith's", "(x)", '"q"', " ", "  ", "\t", ",", "É", "a1", "Co");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")), (name) => {
        expect(normaliseName(name)).toBe(reference(name));
      }),
      { numRuns: 2000 },
    );
  });
});
