import { describe, expect, it } from "vitest";
import { MemoryArea } from "../../test/support/memory-area.ts";
import { changedSince, clearUndo, readUndo, recordUndo, UNDO_KEY } from "./undo.ts";

const before = [{ id: "A1", name: "Valley ACO", participants: [{ name: "North Clinic" }] }];
const after = [
  { id: "A1", name: "Valley ACO", participants: [{ name: "North Clinic" }, { name: "South Clinic", aliases: ["@direct.south.example"] }] },
];

describe("ACO undo record", () => {
  it("survives a reload (it is in storage) until cleared", async () => {
    const area = new MemoryArea();
    await recordUndo(area, "Import of cms.csv", before, after, new Date("2026-01-01T00:00:00Z"));
    expect(await readUndo(area)).toMatchObject({ label: "Import of cms.csv", at: "2026-01-01T00:00:00.000Z", before });
    await clearUndo(area);
    expect(await readUndo(area)).toBeUndefined();
  });

  it("knows when the lists changed after the recorded change", async () => {
    const record = await recordUndo(new MemoryArea(), "Edit", before, after);
    expect(changedSince(record, structuredClone(after))).toBe(false);
    expect(changedSince(record, before)).toBe(true);
    expect(changedSince(record, [{ ...after[0]!, name: "Valley ACO 2" }])).toBe(true);
  });

  it("ignores a damaged record", async () => {
    expect(await readUndo(new MemoryArea({ [UNDO_KEY]: { label: 3 } }))).toBeUndefined();
  });
});
