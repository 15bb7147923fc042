import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { citationInfo } from "../citations.ts";
import { evaluate } from "../evaluate.ts";
import { arbProfile, arbRequest } from "../../../test/support/arbitraries.ts";
import { RULE_GROUPS } from "./catalogue.ts";
import { renderRulesReadme } from "./rules-readme.ts";

const ids = RULE_GROUPS.flatMap((g) => g.rules.map((r) => r.id));

describe("src/core/rules/README.md", () => {
  it("is what `npm run rules-doc` writes from the catalogue now (run it after changing a rule)", () => {
    const written = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    expect(written, "src/core/rules/README.md is stale: run npm run rules-doc").toBe(renderRulesReadme());
  });
  it("lists every rule once, each with its outcomes, texts and linkable citations", () => {
    expect(new Set(ids).size).toBe(ids.length);
    const text = renderRulesReadme();
    for (const group of RULE_GROUPS) {
      for (const rule of group.rules) {
        expect(text).toContain(`### \`${rule.id}\``);
        expect(rule.outcomes.length).toBeGreaterThan(0);
        for (const c of rule.citations) expect(citationInfo(c), `${rule.id}: ${c}`).toBeDefined();
      }
    }
  });
  it("the catalogue holds every rule a verdict can give as a reason", () => {
    const known = new Set(ids);
    fc.assert(
      fc.property(arbRequest, fc.option(arbProfile, { nil: undefined }), (request, profile) => {
        for (const reason of evaluate(request, profile).reasons) expect(known.has(reason.rule), reason.rule).toBe(true);
      }),
      { numRuns: 1500, seed: 11 },
    );
  }, 30_000);
});
