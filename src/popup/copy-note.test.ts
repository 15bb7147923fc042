import { beforeAll, describe, expect, it } from "vitest";
import { installI18n } from "../../test/support/i18n-stub.ts";
import type { DisclosureRequest, Verdict } from "../core/schema.ts";
import { copyNote } from "./copy-note.ts";

beforeAll(installI18n);

const verdict: Verdict = {
  outcome: "allowed",
  headline: "Federal law lets this go for treatment.",
  reasons: [{ rule: "treatment.any-recipient", text: "For treatment.", citations: ["45 CFR 164.506(c)(2)"], source: "law" }],
  conditions: [],
  cautions: [],
  minimumNecessary: "not-applicable",
  citations: ["45 CFR 164.506(c)(2)"],
  acoMatch: { acoId: "A1", acoName: "Valley ACO", participant: "North Clinic" },
};

describe("copyNote", () => {
  it("says what went to whom, for what, the outcome and citations, dated", () => {
    const request: DisclosureRequest = {
      purpose: "treatment",
      recipient: { type: "provider", name: "North Clinic", tin: "123456789" },
      information: ["general", "hiv"],
      patient: { authorizationOnFile: true, selfPayRestriction: true },
      emergency: true,
    };
    const note = copyNote(request, verdict, new Date(2026, 0, 5, 9, 30));
    expect(note.split("\n")).toEqual([
      "ShareCheck disclosure check, 2026-01-05",
      "Shared: General, HIV",
      "With: North Clinic (Health care provider; TIN 123456789)",
      "For: Treatment",
      "Outcome: Allowed: Federal law lets this go for treatment.",
      "ACO: Valley ACO (A1)",
      "Citations: 45 CFR 164.506(c)(2)",
    ]);
  });

  it("names the operations activity and carries no patient facts", () => {
    const note = copyNote(
      {
        purpose: "operations",
        operationsActivity: "quality-improvement",
        recipient: { type: "health-plan" },
        information: ["general"],
        patient: { selfPayRestriction: true, agreedRestriction: true },
      },
      { ...verdict, acoMatch: undefined },
    );
    expect(note).toContain("For: Health care operations: Quality improvement");
    expect(note).toContain("With: Unnamed recipient (Health plan)");
    expect(note).not.toMatch(/paid|restriction|emergency|authori[sz]ation/i);
  });
});
