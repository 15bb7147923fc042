/** The shared material beside the repo (../shared, where CI clones it): the public scenarios and the docs. */
import { readFileSync } from "node:fs";
import type { DisclosureRequestInput, OrgProfileInput } from "../../src/core/schema.ts";

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
