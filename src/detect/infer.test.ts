import { describe, expect, it } from "vitest";
import { inferRequest } from "./infer.ts";

describe("inferRequest", () => {
  it("infers treatment by a provider for a referral, and asks only for the information", () => {
    expect(inferRequest("referral", { text: "Dr. Bob Jones" })).toEqual({
      purpose: "treatment",
      recipientType: "provider",
      ask: ["information"],
    });
  });

  it("asks for the recipient when none was read", () => {
    expect(inferRequest("referral")).toEqual({ purpose: "treatment", recipientType: "provider", ask: ["recipient", "information"] });
  });

  it.each(["share", "export", "fax", "direct"] as const)("infers nothing for %s", (kind) => {
    expect(inferRequest(kind, { text: "bob@direct.example.org", directAddress: "bob@direct.example.org" })).toEqual({
      ask: ["purpose", "recipientType", "information"],
    });
  });
});

describe("inferRequest with cues", () => {
  it("adds each cued kind once, in the core's order, and still asks for the information", () => {
    const cues = [
      { kind: "hiv", source: "attached", text: "HIV 1 RNA" },
      { kind: "psychotherapy-notes", source: "note-type", text: "Psychotherapy note" },
      { kind: "hiv", source: "attached", text: "HIV-1/2 Ag/Ab" },
    ] as const;
    expect(inferRequest("referral", { text: "Dr. Bob Jones" }, cues)).toEqual({
      purpose: "treatment",
      recipientType: "provider",
      information: ["psychotherapy-notes", "hiv"],
      ask: ["information"],
    });
  });
});
