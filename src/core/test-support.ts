/** Shared by the core's tests: the public scenarios and small builders. Not imported by the core. */
import { readFileSync } from "node:fs";
import type { DisclosureRequestInput, OrgProfileInput } from "./schema.ts";

/** ../shared beside the repo (CI clones shared docs there). */
export const SHARED = new URL("../../../shared/", import.meta.url);

export interface Scenario {
  id: string;
  title: string;
  request: DisclosureRequestInput;
  profile?: OrgProfileInput;
  expect: {
    outcome: string;
    citationsInclude?: string[];
    minimumNecessary?: string;
    acoMatch?: { acoId: string; acoName?: string; participant: string; matchedBy?: string };
  } & Record<string, unknown>;
}

/** The public scenario files: the first set and matching v2's (ACO matching, policy.outside-aco). */
export const SCENARIO_FILES = ["public.json", "public-matching-v2.json"] as const;

export function loadScenarios(): Scenario[] {
  return SCENARIO_FILES.flatMap((file) => JSON.parse(readFileSync(new URL(`scenarios/${file}`, SHARED), "utf8")) as Scenario[]);
}

export function readSharedDoc(name: string): string {
  return readFileSync(new URL(`docs/${name}`, SHARED), "utf8");
}

/** An NPI with a valid check digit for the nine given digits. */
export function npiWithCheckDigit(nine: string): string {
  for (let d = 0; d <= 9; d++) {
    const full = `80840${nine}${d}`;
    let sum = 0;
    for (let i = full.length - 1, double = false; i >= 0; i--, double = !double) {
      let x = full.charCodeAt(i) - 48;
      if (double) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return `${nine}${d}`;
  }
  throw new Error("unreachable");
}

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
