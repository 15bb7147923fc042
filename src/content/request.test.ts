import { describe, expect, it } from "vitest";
import { DetectedAction } from "../detect/action.ts";
import { buildRequest } from "../messaging/action-request.ts";
import { requestKey, toAction } from "./request.ts";

describe("the action as it crosses, and its verdict key", () => {
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
