/** Organisation profiles the tests share. */
import type { OrgProfileInput } from "../../src/core/schema.ts";
import { npiWithCheckDigit } from "./npi.ts";

/** A primary-care practice in one MSSP ACO with a cardiology practice (TIN and NPI) and a family practice (TIN only). */
export const HARBOR_PROFILE: OrgProfileInput = {
  organization: { name: "Maple Street Primary Care", role: "provider", tin: "11-1111111", npi: "1003000126" },
  acos: [
    {
      id: "aco-harbor",
      name: "Harbor Valley ACO",
      program: "mssp",
      participants: [
        { name: "Maple Street Primary Care", tin: "11-1111111", npi: "1003000126" },
        { name: "Lakeside Cardiology Associates", tin: "22-2222222", npi: "1234567893" },
        { name: "Riverside Family Medicine, P.C.", tin: "33-3333333" },
      ],
    },
  ],
  policy: { outsideAco: "allow", reviewCategories: [] },
};

/** A valid NPI (check digit included) made from a 9-digit number. */
export const bigProfileNpi = (nine: number): string => npiWithCheckDigit(String(nine).padStart(9, "0"));

function fax(n: number): string {
  return `(312) ${String(200 + Math.floor(n / 10000)).padStart(3, "0")}-${String(n % 10000).padStart(4, "0")}`;
}

/** The 50,000-participant profile of the core bench: 10 MSSP ACOs of 5,000, one participant in ten with aliases. */
export function bigProfile(acos = 10, perAco = 5000): OrgProfileInput {
  return {
    organization: { name: "Maple Street Primary Care", role: "provider" },
    acos: Array.from({ length: acos }, (_, a) => ({
      id: `aco-${a}`,
      name: `Regional Health ACO ${a}, LLC`,
      program: "mssp" as const,
      participants: Array.from({ length: perAco }, (_, p) => {
        const n = a * perAco + p;
        return {
          name: `Participant Practice ${n} Family Medicine, P.C.`,
          tin: `${String(10 + (n % 89)).padStart(2, "0")}-${String(1000000 + n).padStart(7, "0")}`,
          npi: bigProfileNpi(100000000 + n),
          // One participant in ten has aliases as an organisation teaches them (a DBA name, a Direct
          // domain, a fax): 15,000 aliases, more than anyone types in; CMS files bring none.
          ...(n % 10 === 0 ? { aliases: [`PP${n} Family Med`, `@direct.pp${n}.example`, fax(n)] } : {}),
        };
      }),
    })),
    policy: { outsideAco: "review", reviewCategories: ["psychotherapy-notes"] },
    state: "MN",
  };
}
