import { describe, expect, it } from "vitest";
import { addParticipant, replaceParticipant } from "./participant-edits.ts";

const acos = [
  { id: "A1", name: "One", participants: [{ name: "North" }, { name: "South" }, { name: "North" }] },
  { id: "A2", name: "Two", participants: [{ name: "South" }] },
];

describe("participant edits", () => {
  it("edits the participant of that ACO, at its row when it is still there", () => {
    const out = replaceParticipant(acos, "A1", { name: "North" }, { name: "North", aliases: ["North Downtown"] }, 2);
    expect(out[0]!.participants).toEqual([{ name: "North" }, { name: "South" }, { name: "North", aliases: ["North Downtown"] }]);
    expect(out[1]).toBe(acos[1]);
  });

  it("finds it when another write moved it, and changes nothing when it is gone", () => {
    expect(replaceParticipant(acos, "A1", { name: "South" }, undefined, 0)[0]!.participants).toEqual([
      { name: "North" },
      { name: "North" },
    ]);
    expect(replaceParticipant(acos, "A2", { name: "Gone" }, undefined)[1]).toEqual(acos[1]);
  });

  it("adds to the named ACO only", () => {
    expect(addParticipant(acos, "A2", { name: "East" }).map((a) => a.participants.length)).toEqual([3, 2]);
  });
});
