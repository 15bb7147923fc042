import { describe, expect, it } from "vitest";
import { DisclosureRequest } from "../core/schema.ts";
import { DetectedAction } from "../detect/action.ts";
import { buildRequest, requestKey, toAction } from "./request.ts";

describe("request from detection", () => {
  it("infers treatment by a provider for a referral, with the recipient read off the page", () => {
    const request = buildRequest("referral", { text: "Dr. Ana Ruiz, NPI 1234567893", name: "Dr. Ana Ruiz", npi: "1234567893" });
    expect(request).toEqual({ purpose: "treatment", recipient: { type: "provider", name: "Dr. Ana Ruiz", npi: "1234567893" }, information: ["general"] });
    expect(DisclosureRequest.safeParse(request).success).toBe(true);
  });

  it("passes the organisation, Direct address and fax the page shows apart (contract v1.1), for ACO matching", () => {
    const recipient = { text: "Maya Chen, MD", name: "Maya Chen, MD", organization: "Lakeside Cardiology", directAddress: "mchen@direct.lakeside.example", fax: "(555) 010-2323" };
    const request = buildRequest("share", recipient);
    expect(request.recipient).toEqual({ type: "other", name: "Maya Chen, MD", organization: "Lakeside Cardiology", directAddress: "mchen@direct.lakeside.example", fax: "(555) 010-2323" });
    expect(DisclosureRequest.safeParse(request).success).toBe(true);
  });

  it("asks (needs review) when the purpose is unknown, never assumes", () => {
    const request = buildRequest("fax", { text: "(555) 010-2000", fax: "(555) 010-2000" });
    expect(request.purpose).toBe("other");
    expect(request.otherPurpose).toBe("unspecified");
    expect(request.recipient.type).toBe("other");
  });

  it("adds the cued kinds, so the verdict is asked for what the page says leaves", () => {
    const cues = [{ kind: "psychotherapy-notes", source: "attached", text: "Psychotherapy note (14 Mar)" }] as const;
    const request = buildRequest("referral", { text: "Dr. Ana Ruiz", name: "Dr. Ana Ruiz" }, cues);
    expect(request.information).toEqual(["psychotherapy-notes"]);
    expect(requestKey(request)).not.toBe(requestKey(buildRequest("referral", { text: "Dr. Ana Ruiz", name: "Dr. Ana Ruiz" })));
    expect(toAction("referral", "Send Referral", undefined, "https://a.example", cues).cues).toEqual(cues);
  });

  it("gives the same key to the same request", () => {
    expect(requestKey(buildRequest("share", undefined))).toBe(requestKey(buildRequest("share", undefined)));
    expect(requestKey(buildRequest("share", undefined))).not.toBe(requestKey(buildRequest("referral", undefined)));
  });

  it("bounds hostile page text so the background's schema accepts the action", () => {
    const huge = "x".repeat(5000);
    const action = toAction("share", huge, { text: huge, label: huge, tin: huge, fax: huge }, "https://ehr.example.org");
    expect(DetectedAction.safeParse(action).success).toBe(true);
    expect(toAction("share", "Share", { text: "" }, "https://a.example").recipient).toBeUndefined();
    const many = Array.from({ length: 40 }, () => ({ kind: "hiv" as const, source: "attached" as const, text: huge }));
    expect(DetectedAction.safeParse(toAction("share", "Share", undefined, "https://a.example", many)).success).toBe(true);
    expect(toAction("share", "Share", undefined, "https://a.example").cues).toBeUndefined();
  });
});
