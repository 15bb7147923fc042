import { describe, expect, it } from "vitest";
import { evaluate } from "./index.ts";
import { SCENARIO_FILES, loadScenarios } from "../../test/support/shared.ts";

describe(`public scenarios (../shared/scenarios/${SCENARIO_FILES.join(", ")})`, () => {
  const scenarios = loadScenarios();
  it("has every scenario of both files (p01-p39), each id once", () => {
    expect(scenarios.length).toBe(39);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(39);
  });
  for (const s of scenarios) {
    it(`${s.id}: ${s.title}`, () => {
      const verdict = evaluate(s.request, s.profile);
      const { outcome, citationsInclude, minimumNecessary, acoMatch, ...rest } = s.expect;
      expect(verdict.outcome).toBe(outcome);
      for (const citation of citationsInclude ?? []) expect(verdict.citations).toContain(citation);
      if (minimumNecessary !== undefined) expect(verdict.minimumNecessary).toBe(minimumNecessary);
      // A scenario names the match fields it checks (p35-p39 give matchedBy and leave out acoName).
      if (acoMatch !== undefined) expect(verdict.acoMatch).toMatchObject(acoMatch);
      // Any other expectation names a verdict field and its exact value.
      for (const [field, value] of Object.entries(rest)) expect((verdict as Record<string, unknown>)[field]).toEqual(value);
    });
  }
});
