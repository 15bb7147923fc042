// @vitest-environment happy-dom
import { render } from "preact";
import { beforeAll, describe, expect, it } from "vitest";
import { installI18n } from "../../test/unit/i18n-stub.ts";
import type { Verdict } from "../core/schema.ts";
import { VerdictView } from "./verdict-view.tsx";

beforeAll(installI18n);

const base: Verdict = {
  outcome: "needs-review",
  headline: "Check with your privacy officer first.",
  reasons: [
    { rule: "treatment.any-recipient", text: "Treatment disclosures are permitted.", citations: ["45 CFR 164.506(c)(2)"], source: "law" },
    { rule: "policy.outside-aco", text: "The recipient is outside your ACOs.", citations: [], source: "org-policy" },
  ],
  conditions: ["Share only the minimum necessary."],
  cautions: ["State law may be stricter."],
  minimumNecessary: "applies",
  citations: ["45 CFR 164.506(c)(2)"],
  acoMatch: { acoId: "A1", acoName: "Valley ACO", participant: "North Clinic" },
};

function show(verdict: Verdict) {
  const root = document.createElement("div");
  render(<VerdictView verdict={verdict} />, root);
  return root;
}

describe("VerdictView", () => {
  it("shows the outcome in words with an icon, the headline, and is a polite live region", () => {
    const root = show(base);
    const region = root.querySelector("section")!;
    expect(region.getAttribute("aria-live")).toBe("polite");
    expect(root.querySelector("h2")!.textContent).toBe("Needs review");
    expect(root.querySelector("svg")!.getAttribute("aria-hidden")).toBe("true");
    expect(root.textContent).toContain("Check with your privacy officer first.");
  });

  it("announces a verdict that stops the share assertively", () => {
    expect(show({ ...base, outcome: "not-allowed" }).querySelector("section")!.getAttribute("aria-live")).toBe("assertive");
    expect(show({ ...base, outcome: "authorization-required" }).querySelector("section")!.getAttribute("aria-live")).toBe("assertive");
  });

  it("links citations to the eCFR in a new tab without an opener", () => {
    const a = show(base).querySelector("a")!;
    expect(a.textContent).toBe("45 CFR 164.506(c)(2)");
    expect(a.getAttribute("href")).toMatch(/^https:\/\/www\.ecfr\.gov\/current\/title-45\/section-164\.506/);
    expect(a.getAttribute("target")).toBe("_blank");
    expect(a.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("marks organisation policy as such, never as law", () => {
    const items = show(base).querySelectorAll("li[data-rule]");
    expect(items[0]!.textContent).not.toContain("Your organisation's policy");
    expect(items[1]!.textContent).toContain("Your organisation's policy");
  });

  it("lists conditions, cautions and the ACO match", () => {
    const text = show(base).textContent!;
    expect(text).toContain("Share only the minimum necessary.");
    expect(text).toContain("State law may be stricter.");
    expect(text).toContain("ACO participant: North Clinic in Valley ACO (A1)");
  });
});
