import { expect, it } from "vitest";
import { couldNotDecide } from "./could-not-decide.ts";
import { OUTCOME_LABELS } from "./labels.ts";
import { OUTCOME_RANK, isPermitted, stricter } from "./outcome.ts";
import { OUTCOMES, Verdict } from "./schema.ts";

it("ranks outcomes as §3 orders them", () => {
  expect(OUTCOMES.toSorted((a, b) => OUTCOME_RANK[a] - OUTCOME_RANK[b])).toEqual([
    "allowed",
    "allowed-with-conditions",
    "needs-review",
    "authorization-required",
    "not-allowed",
  ]);
  expect(OUTCOME_RANK.allowed).toBe(1);
  expect(OUTCOME_RANK["not-allowed"]).toBe(5);
});

it("stricter picks the higher rank whichever side it is on", () => {
  for (const a of OUTCOMES)
    for (const b of OUTCOMES) {
      const s = stricter(a, b);
      expect(s).toBe(stricter(b, a));
      expect(OUTCOME_RANK[s]).toBe(Math.max(OUTCOME_RANK[a], OUTCOME_RANK[b]));
    }
  expect(OUTCOMES.filter(isPermitted)).toEqual(["allowed", "allowed-with-conditions"]);
});

it("labels every outcome", () => {
  expect(Object.keys(OUTCOME_LABELS).sort()).toEqual([...OUTCOMES].sort());
});

it("couldNotDecide is a valid, never-permitting verdict", () => {
  const verdict = couldNotDecide("timeout");
  expect(Verdict.parse(verdict)).toEqual(verdict);
  expect(verdict).toMatchObject({
    outcome: "needs-review",
    headline: "Could not decide — check with your privacy officer.",
    minimumNecessary: "applies",
  });
  expect(verdict.reasons).toEqual([expect.objectContaining({ rule: "system.could-not-decide", citations: [] })]);
  expect(verdict.reasons[0]!.text).toContain("timeout");
  expect(couldNotDecide().reasons[0]!.text).not.toContain("(");
});
