import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.ts";
import { readParticipantFile, type ParsedImport } from "./participants.ts";
import { applyPlans, errorReport, previewPlans, type AcoPlan } from "./plan.ts";

const parsed = (text: string): ParsedImport => {
  const r = readParticipantFile(text);
  if (!r.ok) throw new Error(r.problem.code);
  return r.file;
};

const file = parsed(
  "ACO_ID,ACO_Name,Par_LBN\nA1,One,North Clinic\nA1,One,East Clinic\nA1,One,\nA2,Two,South Clinic\n,Three,Orphan Clinic\nA1,One,north clinic\n",
);
const acos = [
  {
    id: "A1",
    name: "One (ours)",
    program: "mssp" as const,
    participants: [{ name: "North Clinic", aliases: ["@direct.north.example"] }, { name: "West Clinic" }],
  },
];
const plans = (mode: "add" | "replace"): AcoPlan[] =>
  file.groups.map((group) => ({ acoId: group.acoId, acoName: group.acoName, program: "mssp", group, mode }));

describe("import plans", () => {
  it("previews each ACO against its list, new ACOs against an empty one", () => {
    const p = previewPlans(acos, plans("replace"), false);
    expect(p.map((x) => [x.acoId, x.exists, x.preview.counts])).toEqual([
      ["A1", true, { added: 1, changed: 0, unchanged: 1, rejected: 2, missing: 1 }],
      ["A2", false, { added: 1, changed: 0, unchanged: 0, rejected: 0, missing: 0 }],
    ]);
  });

  it("applies add and replace to the latest lists, keeping the ACO's own name and aliases, adding new ACOs", () => {
    expect(applyPlans(acos, plans("add"), false)).toEqual([
      {
        ...acos[0],
        participants: [{ name: "North Clinic", aliases: ["@direct.north.example"] }, { name: "West Clinic" }, { name: "East Clinic" }],
      },
      { id: "A2", name: "Two", program: "mssp", participants: [{ name: "South Clinic" }] },
    ]);
    expect(applyPlans(acos, plans("replace"), false)[0]!.participants).toEqual([
      { name: "North Clinic", aliases: ["@direct.north.example"] },
      { name: "East Clinic" },
    ]);
  });

  it("writes the rejected rows as a CSV error report, in file order", () => {
    const csv = errorReport(file, file.groups, (r) => r.reason);
    expect(parseCsv(csv).map((r) => r.fields)).toEqual([
      ["line", "aco_id", "name", "reason", "row"],
      ["4", "A1", "", "missing-name", "A1, One, "],
      ["6", "", "Orphan Clinic", "missing-aco", ", Three, Orphan Clinic"],
      ["7", "A1", "north clinic", "duplicate", "A1, One, north clinic"],
    ]);
  });
});
