import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INVALID_IDENTIFIER_CAUTION, acoIndexOf, buildAcoIndex, findAcoMemberships, matchRecipient } from "./aco-match.ts";
import { evaluate } from "./evaluate.ts";
import { aliasKey, directAddressKey, faxKey, npiKey, tinKey } from "./match-keys.ts";
import { nameParts, normaliseName } from "./name-key.ts";
import type { OrgProfileInput } from "./schema.ts";
import { npiWithCheckDigit } from "../../test/support/npi.ts";
import { HARBOR_PROFILE } from "../../test/support/profiles.ts";

const TWO_ACOS: OrgProfileInput = {
  organization: { name: "Clinic", role: "provider" },
  acos: [
    {
      id: "a",
      name: "The Harbor Valley ACO, LLC",
      participants: [
        { name: "Riverside Family Medicine, P.C.", tin: "33-3333333" },
        { name: "Smith & Jones", npi: "1234567893" },
      ],
    },
    {
      id: "b",
      name: "Summit Health Partners",
      participants: [{ name: "Eastgate Orthopedics", npi: "1666666668", tin: "66-6666666" }, { name: "Riverside Family Medicine" }],
    },
  ],
};

/** Matching v2's keys: aliases of every kind, across two ACOs. */
const LAKES: OrgProfileInput = {
  organization: { name: "Cedar Hill Family Practice", role: "provider" },
  acos: [
    {
      id: "lakes",
      name: "Great Lakes Value Network",
      program: "mssp",
      participants: [
        { name: "Cedar Hill Family Practice" },
        {
          name: "North Shore Orthopaedic Surgeons, S.C.",
          aliases: ["North Shore Ortho", "@direct.northshoreortho.example", "(312) 555-0190"],
        },
        { name: "Lakeside Neurology Associates, PLLC", aliases: ["intake@direct.lakeside.example", "1-773-555-0101"] },
        { name: "Évora Dermatology Group, LLC" },
      ],
    },
    {
      id: "prairie",
      name: "Prairie Care Collaborative",
      program: "reach",
      participants: [
        { name: "Lakeside Neurology Associates" },
        { name: "Peñasco Family Health", aliases: ["@peñasco.example"] },
        { name: "Summit Anesthesia Company, Inc." },
      ],
    },
  ],
};

const index = buildAcoIndex(LAKES);
const match = (recipient: Parameters<typeof matchRecipient>[1]) => matchRecipient(index, recipient).match;

/** Luhn as the NPI standard states it: over "80840" and the 10 digits, doubling every second digit from the right. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  [...`80840${tenDigits}`].reverse().forEach((c, i) => {
    const d = Number(c) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

describe("NPI and TIN keys (§7)", () => {
  it("keys every 10-digit NPI, bare or 80840-prefixed, exactly when Luhn says it is valid", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (digits) => {
        const key = luhnValid(digits) ? Number(digits.slice(0, 9)) : undefined;
        expect(npiKey(digits)).toBe(key);
        expect(npiKey(`80840${digits}`)).toBe(key);
        expect(npiKey(`80841${digits}`)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts a 10-digit NPI only with its Luhn check digit over 80840, keyed by its first nine digits", () => {
    expect(npiKey("1234567893")).toBe(123456789);
    expect(npiKey("1234567890")).toBeUndefined();
    expect(npiKey("123456789")).toBeUndefined();
    expect(npiKey("12345678931")).toBeUndefined();
    expect(npiKey(" 1234-567-893 ")).toBe(123456789);
    expect(npiKey(npiWithCheckDigit("100300012"))).toBe(100300012);
    expect(npiKey("1003000126")).toBe(100300012);
  });
  it("reads a 15-digit NPI with the 80840 card-issuer prefix as its last ten digits (v2)", () => {
    expect(npiKey("808401234567893")).toBe(123456789);
    expect(npiKey("80840 12345 67893")).toBe(123456789);
    // The prefix does not rescue a wrong check digit, and another 15-digit prefix is no NPI.
    expect(npiKey("808401234567890")).toBeUndefined();
    expect(npiKey("808411234567893")).toBeUndefined();
    expect(npiKey("8084012345678930")).toBeUndefined();
    expect(npiKey("80840123456789")).toBeUndefined();
  });
  it("takes a TIN of exactly nine digits, punctuation ignored", () => {
    expect(tinKey("22-2222222")).toBe(222222222);
    expect(tinKey("012345678")).toBe(12345678);
    expect(tinKey("22-222222")).toBeUndefined();
    expect(tinKey("")).toBeUndefined();
  });
  it("an NPI given with the prefix matches a participant's plain NPI, and the other way round", () => {
    expect(matchRecipient(buildAcoIndex(TWO_ACOS), { type: "provider", npi: "80840-1234567893" }).match).toEqual({
      acoId: "a",
      acoName: "The Harbor Valley ACO, LLC",
      participant: "Smith & Jones",
      matchedBy: "npi",
    });
    const prefixed = buildAcoIndex({ acos: [{ id: "x", name: "X", participants: [{ name: "P", npi: "808401666666668" }] }] });
    expect(matchRecipient(prefixed, { type: "provider", npi: "1666666668" }).match?.matchedBy).toBe("npi");
  });
});

describe("fax and alias keys (§7 v2)", () => {
  it("a fax is its ten digits, a leading 1 dropped from eleven", () => {
    expect(faxKey("312.555.0190")).toBe(3125550190);
    expect(faxKey("+1 (312) 555-0190")).toBe(3125550190);
    expect(faxKey("13125550190")).toBe(3125550190);
    expect(faxKey("23125550190")).toBeUndefined();
    expect(faxKey("555-0190")).toBeUndefined();
    expect(faxKey("312 555 0190 ext 12")).toBeUndefined();
  });
  it("sorts each alias into the key it is: Direct address, Direct domain, phone number or name", () => {
    expect(aliasKey("Intake@Direct.Lakeside.example ")).toEqual({ kind: "address", address: "intake@direct.lakeside.example" });
    expect(aliasKey("@Direct.NorthShoreOrtho.example")).toEqual({ kind: "domain", domain: "direct.northshoreortho.example" });
    expect(aliasKey("(312) 555-0190")).toEqual({ kind: "phone", fax: 3125550190 });
    expect(aliasKey("1-773-555-0101")).toEqual({ kind: "phone", fax: 7735550101 });
    expect(aliasKey("North Shore Ortho")).toEqual({ kind: "name", name: "north shore ortho" });
    // Letters make it a name, even with ten digits in it; eleven digits not starting 1 are no US number.
    expect(aliasKey("Suite 3125550190 Clinic")).toEqual({ kind: "name", name: "suite 3125550190 clinic" });
    expect(aliasKey("2-312-555-0190")).toEqual({ kind: "none" });
    // One word with an @ is meant as an address and matches nothing when it is not one; words around an @ are a
    // name (hipaa-rules.md 7: every alias that is not an address or phone number); one that normalises to nothing is no key.
    expect(aliasKey("frontdesk@")).toEqual({ kind: "none" });
    expect(aliasKey("front desk @ clinic")).toEqual({ kind: "name", name: "front desk @ clinic" });
    expect(aliasKey("Inc.")).toEqual({ kind: "none" });
  });
  it("reads a Direct address only when the value is one single address", () => {
    expect(directAddressKey(" Scheduling@Direct.Example ")).toEqual({ address: "scheduling@direct.example", domain: "direct.example" });
    expect(directAddressKey("Dr. Park <park@direct.example>")).toBeUndefined();
    expect(directAddressKey("a@b@c")).toBeUndefined();
    expect(directAddressKey("@direct.example")).toBeUndefined();
  });
});

describe("name normalisation (§7 v2)", () => {
  it("matches the documented examples", () => {
    const n = normaliseName("Riverside Family Medicine");
    expect(normaliseName("Riverside Family Medicine, P.C.")).toBe(n);
    expect(normaliseName("RIVERSIDE FAMILY MEDICINE PC")).toBe(n);
    expect(normaliseName("  The   Riverside Family Medicine Inc.")).toBe(n);
    expect(normaliseName("Tri-County Health")).toBe(normaliseName("Tri County Health"));
    expect(normaliseName("Summit Anesthesia Company, Inc.")).toBe(normaliseName("Summit Anesthesia"));
    expect(normaliseName(`"Smith" (Jones)`)).toBe("smith jones");
  });
  it("folds accents and compatibility forms (NFKD, combining marks dropped)", () => {
    expect(normaliseName("Peñasco Family Health")).toBe("penasco family health");
    expect(normaliseName("ÉVORA DERMATOLOGY GROUP")).toBe(normaliseName("Evora Dermatology Group, LLC"));
    expect(normaliseName("Clínica Señor Müller")).toBe("clinica senor muller");
    expect(normaliseName("Oﬃce Park")).toBe("office park"); // the ffi ligature
    expect(normaliseName("İstanbul Care")).toBe("istanbul care");
  });
  it("turns & into a word 'and', so 'Smith&Jones' = 'Smith and Jones' = 'Smith & Jones'", () => {
    expect(normaliseName("Smith&Jones")).toBe("smith and jones");
    expect(normaliseName("Smith & Jones")).toBe("smith and jones");
    expect(normaliseName("SMITH AND JONES")).toBe("smith and jones");
  });
  it("turns hyphens, dashes and slashes into spaces", () => {
    for (const name of [
      "Tri-County Health",
      "Tri‐County Health",
      "Tri–County Health",
      "Tri—County Health",
      "Tri/County Health",
      "Tri - County Health",
    ]) {
      expect(normaliseName(name), name).toBe("tri county health");
    }
  });
  it("drops a leading 'the' and up to two trailing legal-form suffixes, no more", () => {
    expect(normaliseName("Acme Co LLC")).toBe("acme");
    expect(normaliseName("Acme Holding Co Corp LLC")).toBe("acme holding co");
    expect(normaliseName("The Acme Group")).toBe("acme group");
    expect(normaliseName("Theater Group")).toBe("theater group");
    expect(normaliseName("Acme Company Group")).toBe("acme company group");
    expect(normaliseName("Co-op Partners")).toBe("co op partners");
  });
  it("a name of only an article, suffixes or punctuation normalises to the empty string", () => {
    for (const name of ["", "   ", "The", "Inc.", "P.C.", "The Co., Inc.", "...", "()", "--", undefined])
      expect(normaliseName(name), String(name)).toBe("");
  });
  it("agrees with the §7 recipe written plainly, on arbitrary names", async () => {
    const SUFFIXES = new Set([
      "llc",
      "pllc",
      "llp",
      "lp",
      "inc",
      "incorporated",
      "corp",
      "corporation",
      "co",
      "company",
      "ltd",
      "pc",
      "pa",
      "sc",
    ]);
    const reference = (name: string): string => {
      const text = name
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replaceAll("&", " and ")
        .replace(/[.,'"()]/g, "")
        .replace(/[-‐–—/]/g, " ");
      const words = text.split(/\s+/).filter(Boolean);
      if (words[0] === "the") words.shift();
      for (let n = 0; n < 2 && words.length > 0 && SUFFIXES.has(words.at(-1)!); n++) words.pop();
      return words.join(" ");
    };
    const fc = (await import("fast-check")).default;
    const piece = fc.constantFrom(
      "The",
      "the",
      "Riverside",
      "PC",
      "P.C.",
      "llc",
      "Inc.",
      "&",
      "Smith's",
      "(x)",
      '"q"',
      " ",
      "  ",
      "\t",
      "\u00a0",
      ",",
      "É",
      "ñ",
      "a1",
      "Co",
      "-",
      "—",
      "–",
      "‐",
      "/",
      "ﬁ",
      "Ⅻ",
      "e\u0301",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
        (name) => {
          expect(normaliseName(name)).toBe(reference(name));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("name parts (§7 v2)", () => {
  it("splits at ' — ', ' – ', ' - ', ' · ', ' | ', a line break and ', '", () => {
    for (const sep of [" — ", " – ", " - ", " · ", " | ", "\n", "\r\n", ", ", "\u00a0—\u00a0"]) {
      expect(nameParts(`Dr. Helena Marsh${sep}Lakeside Neurology`), JSON.stringify(sep)).toEqual([
        "Dr. Helena Marsh",
        "Lakeside Neurology",
      ]);
    }
  });
  it("does not split inside a word or at a comma without a space", () => {
    expect(nameParts("Tri-County Health")).toEqual(["Tri-County Health"]);
    expect(nameParts("Smith,Jones")).toEqual(["Smith,Jones"]);
    expect(nameParts("A—B")).toEqual(["A—B"]);
  });
});

describe("matchRecipient: keys in §7 order", () => {
  const two = buildAcoIndex(TWO_ACOS);
  it("tries NPI, then TIN, then name; first ACO and participant in order wins", () => {
    expect(matchRecipient(two, { type: "provider", name: "Riverside Family Medicine", npi: "1666666668" }).match).toEqual({
      acoId: "b",
      acoName: "Summit Health Partners",
      participant: "Eastgate Orthopedics",
      matchedBy: "npi",
    });
    expect(matchRecipient(two, { type: "provider", name: "Eastgate Orthopedics", tin: "333333333" }).match).toMatchObject({
      participant: "Riverside Family Medicine, P.C.",
      matchedBy: "tin",
    });
    expect(matchRecipient(two, { type: "provider", name: "riverside family medicine" }).match).toEqual({
      acoId: "a",
      acoName: "The Harbor Valley ACO, LLC",
      participant: "Riverside Family Medicine, P.C.",
      matchedBy: "name",
    });
  });
  it("tries Direct before fax before name", () => {
    const all = {
      type: "provider",
      name: "Évora Dermatology Group",
      fax: "(773) 555-0101",
      directAddress: "x@direct.northshoreortho.example",
    } as const;
    expect(match(all)).toMatchObject({ participant: "North Shore Orthopaedic Surgeons, S.C.", matchedBy: "direct" });
    expect(match({ ...all, directAddress: undefined })).toMatchObject({
      participant: "Lakeside Neurology Associates, PLLC",
      matchedBy: "fax",
    });
    expect(match({ ...all, directAddress: undefined, fax: undefined })).toMatchObject({
      participant: "Évora Dermatology Group, LLC",
      matchedBy: "name",
    });
  });
  it("an invalid NPI or TIN is not used and is reported; a name may still match", () => {
    expect(matchRecipient(two, { type: "provider", npi: "1666666669" })).toEqual({ match: undefined, invalidIdentifier: true });
    const badTin = matchRecipient(two, { type: "provider", tin: "66-666666", name: "Smith and Jones" });
    expect(badTin.invalidIdentifier).toBe(true);
    expect(badTin.match?.participant).toBe("Smith & Jones");
  });
  it("inSameAco false skips matching; true still reports the match", () => {
    expect(matchRecipient(two, { type: "provider", tin: "66-6666666", inSameAco: false }).match).toBeUndefined();
    expect(matchRecipient(two, { type: "provider", tin: "66-6666666", inSameAco: true }).match?.acoId).toBe("b");
  });
  it("an ACO entity matches by the ACO's normalised name, with the ACO as participant", () => {
    expect(matchRecipient(two, { type: "aco", name: "harbor valley aco" }).match).toEqual({
      acoId: "a",
      acoName: "The Harbor Valley ACO, LLC",
      participant: "The Harbor Valley ACO, LLC",
      matchedBy: "name",
    });
    expect(matchRecipient(two, { type: "aco", name: "Eastgate Orthopedics" }).match).toBeUndefined();
    expect(match({ type: "aco", name: "North Shore Ortho" })).toBeUndefined();
  });
  it("leaves out participant identifiers that cannot be right", () => {
    const odd = buildAcoIndex({ acos: [{ id: "x", name: "X", participants: [{ name: "P", npi: "1234567890", tin: "12" }] }] });
    expect(odd.byNpi.size + odd.byTin.size).toBe(0);
  });
});

describe("Direct address (§7 v2)", () => {
  it("matches an @domain alias from recipient.directAddress or a name that is one address, case aside", () => {
    expect(match({ type: "provider", directAddress: "Scheduling@Direct.NorthShoreOrtho.example" })).toEqual({
      acoId: "lakes",
      acoName: "Great Lakes Value Network",
      participant: "North Shore Orthopaedic Surgeons, S.C.",
      matchedBy: "direct",
    });
    expect(match({ type: "provider", name: "scheduling@direct.northshoreortho.example" })?.matchedBy).toBe("direct");
  });
  it("matches a full-address alias only at that exact address", () => {
    expect(match({ type: "provider", directAddress: "INTAKE@direct.lakeside.example" })).toMatchObject({
      participant: "Lakeside Neurology Associates, PLLC",
      matchedBy: "direct",
    });
    expect(match({ type: "provider", directAddress: "billing@direct.lakeside.example" })).toBeUndefined();
  });
  it("never matches a sub-domain or a parent domain", () => {
    expect(match({ type: "provider", directAddress: "x@mail.direct.northshoreortho.example" })).toBeUndefined();
    expect(match({ type: "provider", directAddress: "x@northshoreortho.example" })).toBeUndefined();
    expect(match({ type: "provider", directAddress: "x@direct.northshoreortho.example.evil" })).toBeUndefined();
  });
  it("a name that holds an address among other words is not an address (its parts are still names)", () => {
    expect(match({ type: "provider", name: "Dr. Park <x@direct.northshoreortho.example>" })).toBeUndefined();
  });
  it("folds accents only in names: a domain alias is compared as written, lower-cased", () => {
    expect(match({ type: "provider", directAddress: "a@PEÑASCO.example" })).toMatchObject({
      participant: "Peñasco Family Health",
      matchedBy: "direct",
    });
    expect(match({ type: "provider", directAddress: "a@penasco.example" })).toBeUndefined();
  });
});

describe("fax (§7 v2)", () => {
  it("matches a phone-number alias with the same ten digits, however written", () => {
    for (const fax of ["312.555.0190", "+1 312 555 0190", "13125550190", "(312) 555-0190"]) {
      expect(match({ type: "provider", fax }), fax).toMatchObject({
        participant: "North Shore Orthopaedic Surgeons, S.C.",
        matchedBy: "fax",
      });
    }
    expect(match({ type: "provider", fax: "773 555 0101" })).toMatchObject({
      participant: "Lakeside Neurology Associates, PLLC",
      matchedBy: "fax",
    });
  });
  it("another number, a short number, or a number in the name field does not match", () => {
    expect(match({ type: "provider", fax: "312 555 0191" })).toBeUndefined();
    expect(match({ type: "provider", fax: "555-0190" })).toBeUndefined();
    expect(match({ type: "provider", name: "(312) 555-0190" })).toBeUndefined();
    expect(match({ type: "provider", tin: "312555019" })).toBeUndefined();
  });
});

describe("name keys (§7 v2)", () => {
  it("matches the participant's name after normalisation, accents and suffixes aside", () => {
    expect(match({ type: "provider", name: "EVORA DERMATOLOGY GROUP" })).toMatchObject({
      participant: "Évora Dermatology Group, LLC",
      matchedBy: "name",
    });
    expect(match({ type: "provider", name: "Summit Anesthesia" })).toMatchObject({
      acoId: "prairie",
      participant: "Summit Anesthesia Company, Inc.",
      matchedBy: "name",
    });
  });
  it("matches a name alias, and says so", () => {
    expect(match({ type: "provider", name: "North Shore Ortho" })).toMatchObject({
      participant: "North Shore Orthopaedic Surgeons, S.C.",
      matchedBy: "alias",
    });
  });
  it("matches a name alias with an @ among its words, which is no address", () => {
    const index = buildAcoIndex({
      acos: [{ id: "x", name: "X", participants: [{ name: "Jones Clinic LLC", aliases: ["Smith @ Jones Clinic"] }] }],
    });
    expect(matchRecipient(index, { type: "provider", name: "smith @ jones clinic" }).match).toMatchObject({ matchedBy: "alias" });
  });
  it("addresses and phone numbers among the aliases are never compared as names", () => {
    expect(match({ type: "provider", name: "Direct NorthShoreOrtho Example" })).toBeUndefined();
    expect(match({ type: "provider", name: "312 555 0190" })).toBeUndefined();
  });
  it("tries the parts of a 'person — practice' name when the whole does not match", () => {
    expect(match({ type: "provider", name: "Dr. Helena Marsh — Lakeside Neurology Associates" })).toEqual({
      acoId: "lakes",
      acoName: "Great Lakes Value Network",
      participant: "Lakeside Neurology Associates, PLLC",
      matchedBy: "name",
    });
    expect(match({ type: "provider", name: "Dr. Lena Park · North Shore Ortho" })).toMatchObject({
      matchedBy: "alias",
      participant: "North Shore Orthopaedic Surgeons, S.C.",
    });
    expect(match({ type: "provider", name: "Lakeside Neurology Associates\nFax 312" })).toMatchObject({
      participant: "Lakeside Neurology Associates, PLLC",
    });
  });
  it("tries recipient.organization after the whole name and before the parts", () => {
    expect(match({ type: "provider", name: "Dr. Helena Marsh", organization: "Summit Anesthesia Co." })).toMatchObject({
      participant: "Summit Anesthesia Company, Inc.",
      matchedBy: "name",
    });
    expect(match({ type: "provider", name: "Dr. A — Évora Dermatology Group", organization: "Summit Anesthesia" })).toMatchObject({
      participant: "Summit Anesthesia Company, Inc.",
    });
    expect(match({ type: "provider", name: "Évora Dermatology Group", organization: "Summit Anesthesia" })).toMatchObject({
      participant: "Évora Dermatology Group, LLC",
    });
  });
  it("at one participant its name comes before its aliases; across participants list order decides", () => {
    const p = buildAcoIndex({
      acos: [
        {
          id: "x",
          name: "X",
          participants: [
            { name: "First Clinic", aliases: ["Shared Name"] },
            { name: "Shared Name" },
            { name: "Self Clinic", aliases: ["Self Clinic LLC"] },
          ],
        },
      ],
    });
    expect(matchRecipient(p, { type: "provider", name: "Shared Name" }).match).toMatchObject({
      participant: "First Clinic",
      matchedBy: "alias",
    });
    expect(matchRecipient(p, { type: "provider", name: "Self Clinic" }).match).toMatchObject({
      participant: "Self Clinic",
      matchedBy: "name",
    });
  });
  it("no partial or fuzzy match, in the whole name or in a part", () => {
    expect(match({ type: "provider", name: "Lakeside Neurology" })).toBeUndefined();
    expect(match({ type: "provider", name: "Dr. Helena Marsh — Lakeside" })).toBeUndefined();
    expect(match({ type: "provider", name: "North Shore Orthopaedic" })).toBeUndefined();
    expect(match({ type: "provider", name: "Lakeside Neurology Associates Group" })).toBeUndefined();
  });
  it("a name that normalises to nothing matches nothing, even a participant that does too", () => {
    const empty = buildAcoIndex({ acos: [{ id: "x", name: "The", participants: [{ name: "Inc.", aliases: ["P.C."] }, { name: "" }] }] });
    for (const name of ["Inc.", "", "The", "P.C.", "LLC — Inc", " , "]) {
      expect(matchRecipient(empty, { type: "provider", name }).match, name).toBeUndefined();
      expect(matchRecipient(empty, { type: "aco", name }).match, name).toBeUndefined();
    }
    expect(empty.byName.size + empty.byAlias.size + empty.byAcoName.size).toBe(0);
  });
});

describe("findAcoMemberships: every ACO of a recipient", () => {
  it("a name in two ACOs gives both, the verdict's match first, with what matched", () => {
    const recipient = { type: "provider", name: "Dr. Helena Marsh — Lakeside Neurology Associates" } as const;
    const all = findAcoMemberships(index, recipient);
    expect(all).toEqual([
      {
        acoId: "lakes",
        acoName: "Great Lakes Value Network",
        program: "mssp",
        participant: "Lakeside Neurology Associates, PLLC",
        matchedBy: "name",
        listed: "Lakeside Neurology Associates, PLLC",
        given: "Lakeside Neurology Associates",
      },
      {
        acoId: "prairie",
        acoName: "Prairie Care Collaborative",
        program: "reach",
        participant: "Lakeside Neurology Associates",
        matchedBy: "name",
        listed: "Lakeside Neurology Associates",
        given: "Lakeside Neurology Associates",
      },
    ]);
    const { match: first } = matchRecipient(index, recipient);
    expect(first).toEqual({
      acoId: all[0]!.acoId,
      acoName: all[0]!.acoName,
      participant: all[0]!.participant,
      matchedBy: all[0]!.matchedBy,
    });
  });
  it("ranks by key: an ACO found by fax comes before one found only by name", () => {
    const all = findAcoMemberships(index, { type: "provider", name: "Lakeside Neurology Associates", fax: "773-555-0101" });
    expect(all.map((m) => [m.acoId, m.matchedBy, m.listed])).toEqual([
      ["lakes", "fax", "1-773-555-0101"],
      ["prairie", "name", "Lakeside Neurology Associates"],
    ]);
  });
  it("reports the alias that matched: a Direct domain, a name alias", () => {
    expect(findAcoMemberships(index, { directAddress: "a@direct.northshoreortho.example" })).toMatchObject([
      { matchedBy: "direct", listed: "@direct.northshoreortho.example", given: "a@direct.northshoreortho.example" },
    ]);
    expect(findAcoMemberships(index, { name: "north shore ortho" })).toMatchObject([
      { matchedBy: "alias", listed: "North Shore Ortho", given: "north shore ortho" },
    ]);
  });
  it("one membership per ACO, even when two participants of one ACO share a name", () => {
    const dup = buildAcoIndex({
      acos: [
        { id: "x", name: "X", participants: [{ name: "Riverside Medical Group LLC" }, { name: "RIVERSIDE MEDICAL GROUP PC" }] },
        { id: "y", name: "Y", participants: [{ name: "Riverside Medical Group" }] },
      ],
    });
    expect(findAcoMemberships(dup, { name: "Riverside Medical Group" }).map((m) => [m.acoId, m.participant])).toEqual([
      ["x", "Riverside Medical Group LLC"],
      ["y", "Riverside Medical Group"],
    ]);
  });
  it("nothing for no match, an empty name, or inSameAco false", () => {
    expect(findAcoMemberships(index, { name: "Nowhere Clinic" })).toEqual([]);
    expect(findAcoMemberships(index, { name: "Inc." })).toEqual([]);
    expect(findAcoMemberships(index, { name: "Lakeside Neurology Associates", inSameAco: false })).toEqual([]);
  });
  it("agrees with matchRecipient on its first entry for every recipient (property)", async () => {
    const fc = (await import("fast-check")).default;
    const names = [
      "Lakeside Neurology Associates",
      "North Shore Ortho",
      "Dr. X — North Shore Ortho",
      "Évora Dermatology Group",
      "Peñasco Family Health",
      "Summit Anesthesia",
      "Nowhere",
      "The Inc",
    ];
    const recipient = fc.record(
      {
        name: fc.constantFrom(...names),
        organization: fc.constantFrom(...names),
        fax: fc.constantFrom("312 555 0190", "773 555 0101", "000"),
        directAddress: fc.constantFrom(
          "a@direct.northshoreortho.example",
          "intake@direct.lakeside.example",
          "a@peñasco.example",
          "a@b.example",
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(recipient, (r) => {
        const first = findAcoMemberships(index, r)[0];
        const m = matchRecipient(index, r).match;
        expect(m).toEqual(
          first && { acoId: first.acoId, acoName: first.acoName, participant: first.participant, matchedBy: first.matchedBy },
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("in evaluate", () => {
  it("the verdict's acoMatch says by which key (v1.1 matchedBy)", () => {
    expect(evaluate({ purpose: "treatment", recipient: { type: "provider", fax: "312-555-0190" } }, LAKES).acoMatch).toEqual({
      acoId: "lakes",
      acoName: "Great Lakes Value Network",
      participant: "North Shore Orthopaedic Surgeons, S.C.",
      matchedBy: "fax",
    });
    expect(evaluate({ purpose: "treatment", recipient: { type: "provider", name: "Nobody" } }, LAKES).acoMatch).toBeUndefined();
  });
  it("a malformed NPI or TIN gives the caution and no match; the request is still answered", () => {
    for (const recipient of [
      { type: "provider", npi: "1234567890" },
      { type: "provider", tin: "1234" },
      { type: "provider", npi: "12-34" },
    ] as const) {
      const verdict = evaluate({ purpose: "treatment", recipient }, HARBOR_PROFILE);
      expect(verdict.cautions).toContain(INVALID_IDENTIFIER_CAUTION);
      expect(verdict.acoMatch).toBeUndefined();
      expect(verdict.outcome).toBe("allowed");
    }
    expect(evaluate({ purpose: "treatment", recipient: { type: "provider", npi: "1234567893" } }, HARBOR_PROFILE).cautions).not.toContain(
      INVALID_IDENTIFIER_CAUTION,
    );
  });
  it("builds the index once per acos array, and afresh when the lists are edited in place", () => {
    const profile = structuredClone(HARBOR_PROFILE);
    const request = { purpose: "treatment", recipient: { type: "provider", name: "Riverside Family Medicine" } } as const;
    expect(evaluate(request, profile).acoMatch?.acoId).toBe("aco-harbor");
    expect(acoIndexOf(profile)).toBe(acoIndexOf(profile));
    // A participant who has left must not match from the old index: a list spliced, replaced or emptied in place.
    const riverside = profile.acos[0]!.participants.findIndex((p) => p.name === "Riverside Family Medicine");
    const [left] = profile.acos[0]!.participants.splice(riverside, 1);
    expect(evaluate(request, profile).acoMatch).toBeUndefined();
    profile.acos[0]!.participants.push(left!);
    expect(evaluate(request, profile).acoMatch?.acoId).toBe("aco-harbor");
    profile.acos[0]!.participants = [];
    expect(evaluate(request, profile).acoMatch).toBeUndefined();
    profile.acos.push({ ...structuredClone(HARBOR_PROFILE.acos[0]!), id: "aco-second" });
    expect(evaluate(request, profile).acoMatch?.acoId).toBe("aco-second");
  });
  it("validates lists edited in place again before answering from them", () => {
    const profile = structuredClone(HARBOR_PROFILE);
    const request = { purpose: "treatment", recipient: { type: "provider", name: "Riverside Family Medicine" } } as const;
    expect(evaluate(request, profile).outcome).toBe("allowed");
    (profile.acos[0]!.participants as unknown[]).push({ npi: 42 });
    expect(() => evaluate(request, profile)).toThrow(/participants/);
    (profile.acos as unknown[]).push(null);
    expect(() => evaluate(request, profile)).toThrow();
  });
  it("throws the profile's ZodError on an invalid profile", () => {
    expect(() =>
      evaluate({ purpose: "treatment", recipient: { type: "provider" } }, { organization: { name: "X" } } as unknown as OrgProfileInput),
    ).toThrow(/organization\.role|role/);
  });
});

describe("policy.outside-aco (§8 v2)", () => {
  const review: OrgProfileInput = { ...LAKES, policy: { outsideAco: "review", reviewCategories: [] } };
  it("does not apply to the patient's own copy", () => {
    const verdict = evaluate({ purpose: "treatment", recipient: { type: "patient", name: "Patient" } }, review);
    expect(verdict.outcome).toBe("allowed");
    expect(verdict.reasons.map((r) => r.rule)).not.toContain("policy.outside-aco");
  });
  it("still asks for review for any other recipient outside the ACOs, and not inside", () => {
    expect(evaluate({ purpose: "treatment", recipient: { type: "provider", name: "Nowhere Clinic" } }, review).outcome).toBe(
      "needs-review",
    );
    expect(
      evaluate({ purpose: "treatment", recipient: { type: "provider", name: "Nowhere Clinic — North Shore Ortho" } }, review).outcome,
    ).toBe("allowed");
  });
});
