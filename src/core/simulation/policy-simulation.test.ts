import { describe, expect, it } from "vitest";
import {
  INFORMATION_KINDS,
  OUTCOMES,
  OPERATIONS_ACTIVITIES,
  OTHER_PURPOSES,
  PURPOSES,
  RECIPIENT_TYPES,
  type OrgProfileInput,
} from "../schema.ts";
import { evaluate } from "../evaluate.ts";
import { SIMULATION_CASES } from "./corpus.ts";
import { simulatePolicy } from "./policy-simulation.ts";

const profile: OrgProfileInput = {
  organization: { name: "Maple Street Primary Care", role: "provider" },
  acos: [{ id: "A1", name: "Riverbend Care Partners", participants: [{ name: "Lakeside Neurology Associates" }] }],
  policy: { outsideAco: "allow", reviewCategories: [] },
};

describe("the bundled corpus", () => {
  const requests = SIMULATION_CASES.map((c) => c.request);
  it("holds at least 200 requests with unique ids and labels", () => {
    expect(SIMULATION_CASES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(SIMULATION_CASES.map((c) => c.id)).size).toBe(SIMULATION_CASES.length);
    expect(new Set(SIMULATION_CASES.map((c) => c.label)).size).toBe(SIMULATION_CASES.length);
  });

  it("covers every purpose, recipient type, information kind, operations activity and other purpose", () => {
    expect(new Set(requests.map((r) => r.purpose))).toEqual(new Set(PURPOSES));
    expect(new Set(requests.map((r) => r.recipient.type))).toEqual(new Set(RECIPIENT_TYPES));
    expect(new Set(requests.flatMap((r) => r.information))).toEqual(new Set(INFORMATION_KINDS));
    expect(new Set(requests.map((r) => r.operationsActivity).filter(Boolean))).toEqual(new Set(OPERATIONS_ACTIVITIES));
    expect(new Set(requests.map((r) => r.otherPurpose).filter(Boolean))).toEqual(new Set(OTHER_PURPOSES));
  });

  it("names no one: no recipient names, identifiers, addresses or numbers", () => {
    for (const r of requests) {
      expect([
        r.recipient.name,
        r.recipient.tin,
        r.recipient.npi,
        r.recipient.directAddress,
        r.recipient.fax,
        r.recipient.organization,
      ]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    }
  });

  it("reaches every outcome under the law alone", () => {
    expect(new Set(requests.map((r) => evaluate(r, profile).outcome))).toEqual(new Set(OUTCOMES));
  });
});

describe("simulatePolicy", () => {
  it("groups the verdicts asking for review outside the ACOs would change, with an example each", () => {
    const sim = simulatePolicy(SIMULATION_CASES, profile, { outsideAco: "review", reviewCategories: [] });
    expect(sim.total).toBe(SIMULATION_CASES.length);
    expect(sim.changed).toBeGreaterThan(0);
    for (const g of sim.groups) {
      expect(g.to).toBe("needs-review");
      expect(["allowed", "allowed-with-conditions"]).toContain(g.from);
      expect(g.direction).toBe("stricter");
      expect(g.rules).toEqual(["policy.outside-aco"]);
      const example = SIMULATION_CASES.find((c) => c.id === g.example.id)!;
      expect(example.request.purpose).toBe("treatment");
      expect(example.request.recipient.inSameAco).not.toBe(true);
    }
    expect(sim.changed).toBe(sim.groups.reduce((n, g) => n + g.count, 0));
    expect(sim.stricterThanLaw).toBe(sim.changed);
    expect(sim.looserThanLaw).toBe(0);
    // Largest group first.
    expect(sim.groups.map((g) => g.count)).toEqual([...sim.groups.map((g) => g.count)].sort((a, b) => b - a));
  });

  it("a review category touches every purpose that permits the kind, never a stricter verdict", () => {
    const sim = simulatePolicy(SIMULATION_CASES, profile, { outsideAco: "allow", reviewCategories: ["hiv"] });
    const changed = sim.groups.flatMap((g) => [g.from, g.to]);
    expect(changed).not.toContain("not-allowed");
    expect(changed).not.toContain("authorization-required");
    expect(sim.groups.every((g) => g.rules.includes("policy.review-category"))).toBe(true);
    expect(sim.looserThanLaw).toBe(0);
  });

  it("relaxing the current policy goes back toward the law, never below it", () => {
    const strict: OrgProfileInput = { ...profile, policy: { outsideAco: "review", reviewCategories: ["mental-health", "hiv"] } };
    const sim = simulatePolicy(SIMULATION_CASES, strict, { outsideAco: "allow", reviewCategories: [] });
    expect(sim.changed).toBeGreaterThan(0);
    expect(sim.groups.every((g) => g.direction === "looser" && g.from === "needs-review")).toBe(true);
    expect(sim.stricterThanLaw).toBe(0);
    expect(sim.looserThanLaw).toBe(0);
  });

  it("an edit that changes nothing says so", () => {
    const sim = simulatePolicy(SIMULATION_CASES, profile, { outsideAco: "allow", reviewCategories: [] });
    expect(sim).toMatchObject({ changed: 0, groups: [] });
  });
});
