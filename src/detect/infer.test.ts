import { describe, expect, it } from "vitest";
import { inferRequest } from "./infer.ts";

describe("inferRequest", () => {
  it("infers treatment by a provider for a referral, and asks only for the information", () => {
    expect(inferRequest("referral", { text: "Dr. Bob Jones" })).toEqual({ purpose: "treatment", recipientType: "provider", ask: ["information"] });
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
