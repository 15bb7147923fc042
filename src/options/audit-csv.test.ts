import { describe, expect, it } from "vitest";
import { parseCsv } from "../import/csv.ts";
import { auditCsv } from "./audit-csv.ts";

describe("auditCsv", () => {
  it("writes one row per entry under a header, quoting what needs it", () => {
    const csv = auditCsv([
      {
        time: "2026-01-01T10:00:00.000Z",
        origin: "https://ehr.example.org",
        action: "referral",
        outcome: "allowed",
        rules: ["treatment.any-recipient"],
      },
      {
        time: "2026-01-02T11:00:00.000Z",
        origin: "https://a,b.example",
        action: "popup",
        outcome: "needs-review",
        rules: ["policy.outside-aco", "x.y"],
      },
      {
        time: "2026-01-03T12:00:00.000Z",
        origin: "https://ehr.example.org",
        action: "fax",
        outcome: "allowed",
        rules: ["treatment.any-recipient"],
        setAside: ["psychotherapy-notes", "hiv"],
      },
    ]);
    expect(parseCsv(csv).map((r) => r.fields)).toEqual([
      ["time", "origin", "action", "outcome", "rules", "set_aside"],
      ["2026-01-01T10:00:00.000Z", "https://ehr.example.org", "referral", "allowed", "treatment.any-recipient", ""],
      ["2026-01-02T11:00:00.000Z", "https://a,b.example", "popup", "needs-review", "policy.outside-aco x.y", ""],
      ["2026-01-03T12:00:00.000Z", "https://ehr.example.org", "fax", "allowed", "treatment.any-recipient", "psychotherapy-notes hiv"],
    ]);
  });
});
