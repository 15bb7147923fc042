import { describe, expect, it } from "vitest";
import { afterVerdict, holdAtClick } from "./plan.ts";

describe("interception plan", () => {
  it("holds in confirm-risky unless a cached verdict says allowed", () => {
    expect(holdAtClick("confirm-risky", "allowed")).toBe(false);
    expect(holdAtClick("confirm-risky", undefined)).toBe(true);
    expect(holdAtClick("confirm-risky", "allowed-with-conditions")).toBe(true);
    expect(holdAtClick("confirm-risky", "needs-review")).toBe(true);
  });

  it("never holds in advise or off, always in confirm-all", () => {
    for (const outcome of [undefined, "allowed", "not-allowed"] as const) {
      expect(holdAtClick("advise", outcome)).toBe(false);
      expect(holdAtClick("off", outcome)).toBe(false);
      expect(holdAtClick("confirm-all", outcome)).toBe(true);
    }
  });

  it("releases a held allowed action, shows the panel for anything else", () => {
    expect(afterVerdict("confirm-risky", true, "allowed")).toBe("release");
    expect(afterVerdict("advise", false, "allowed")).toBe("chip");
    expect(afterVerdict("confirm-all", true, "allowed")).toBe("panel");
    expect(afterVerdict("confirm-risky", true, "authorization-required")).toBe("panel");
    expect(afterVerdict("advise", false, "not-allowed")).toBe("panel");
  });
});
