import { describe, expect, it } from "vitest";
import { evaluate } from "./index.ts";
import { loadScenarios } from "./test-support.ts";

describe("public scenarios (../shared/scenarios/public.json)", () => {
  const scenarios = loadScenarios();
  it("has scenarios to check", () => expect(scenarios.length).toBeGreaterThan(0));
  for (const s of scenarios) {
    it(`${s.id}: ${s.title}`, () => {
      const verdict = evaluate(s.request, s.profile);
      const { outcome, citationsInclude, minimumNecessary, acoMatch, ...rest } = s.expect;
      expect(verdict.outcome).toBe(outcome);
      for (const citation of citationsInclude ?? []) expect(verdict.citations).toContain(citation);
      if (minimumNecessary !== undefined) expect(verdict.minimumNecessary).toBe(minimumNecessary);
      if (acoMatch !== undefined) expect(verdict.acoMatch).toEqual(acoMatch);
      // Any other expectation names a verdict field and its exact value.
      for (const [field, value] of Object.entries(rest)) expect((verdict as Record<string, unknown>)[field]).toEqual(value);
    });
  }
});
