// @vitest-environment happy-dom
import { render } from "preact";
import { beforeAll, describe, expect, it } from "vitest";
import { installI18n } from "../../test/support/i18n-stub.ts";
import { VALUE_BASED_CARE_FAQ, type AcoFact } from "../core/aco-fact.ts";
import { evaluate } from "../core/index.ts";
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

function show(verdict: Verdict | undefined, aco?: AcoFact) {
  const root = document.createElement("div");
  render(<VerdictView verdict={verdict} aco={aco} prompt="Enter who it goes to." />, root);
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
    expect(
      show({ ...base, outcome: "not-allowed" })
        .querySelector("section")!
        .getAttribute("aria-live"),
    ).toBe("assertive");
    expect(
      show({ ...base, outcome: "authorization-required" })
        .querySelector("section")!
        .getAttribute("aria-live"),
    ).toBe("assertive");
  });

  it("links citations to the eCFR in a new tab without an opener", () => {
    const a = show(base).querySelector(".sc-verdict-body a")!;
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

  it("lists conditions and cautions", () => {
    const text = show(base).textContent!;
    expect(text).toContain("Share only the minimum necessary.");
    expect(text).toContain("State law may be stricter.");
  });

  it("does not repeat the outcome word: the core's headline is shown without its lead", () => {
    const verdict = evaluate({ purpose: "treatment", recipient: { type: "provider", name: "Lakeside Cardiology" } });
    expect(verdict.headline).toMatch(/^Allowed: /);
    const root = show(verdict);
    expect(root.querySelector("h2")!.textContent).toBe("Allowed");
    const headline = root.querySelector(".sc-verdict-headline")!.textContent!;
    expect(headline).toMatch(/^Sharing with another provider/i);
    expect(headline).not.toMatch(/Allowed/);
  });

  it("marks a policy-led headline with the policy tag instead of the lead", () => {
    const verdict = evaluate(
      { purpose: "treatment", recipient: { type: "provider", name: "Faraway Orthopedics" } },
      { organization: { name: "Maple", role: "provider" }, acos: [], policy: { outsideAco: "review", reviewCategories: [] } },
    );
    expect(verdict.headline).toMatch(/^Needs review \(your organisation's policy\): /);
    const headline = show(verdict).querySelector(".sc-verdict-headline")!;
    expect(headline.querySelector(".sc-policy-tag")!.textContent).toBe("Your organisation's policy");
    expect(headline.textContent).not.toMatch(/Needs review/);
  });

  it("says first, under the headline, that the recipient is inside an ACO, what matched, and the sources", () => {
    const fact: AcoFact = {
      memberships: [
        {
          acoId: "A1",
          acoName: "Valley ACO",
          program: "mssp",
          participant: "North Clinic",
          key: { by: "direct-domain", value: "direct.north.example" },
        },
      ],
    };
    const root = show(base, fact);
    const block = root.querySelector(".sc-aco-fact")!;
    // Directly after the outcome and headline, before the reasons.
    expect(root.querySelector(".sc-verdict-head")!.nextElementSibling).toBe(block);
    expect(block.textContent).toContain("Inside your ACO");
    expect(block.textContent).toContain("ACO participant: North Clinic in Valley ACO (A1) · Medicare Shared Savings Program");
    expect(block.textContent).toContain("Matched by Direct domain direct.north.example");
    const links = Array.from(block.querySelectorAll("a"));
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      VALUE_BASED_CARE_FAQ,
      expect.stringMatching(/section-164\.506#p-164\.506\(c\)\(2\)$/),
    ]);
    expect(links.map((a) => a.textContent)).toEqual(["HHS FAQ: disclosures to value-based care arrangements", "45 CFR 164.506(c)(2)"]);
  });

  it("lists every ACO a name is in, and says what was typed against what the list has", () => {
    const fact: AcoFact = {
      memberships: [
        {
          acoId: "A1",
          acoName: "Valley ACO",
          program: "mssp",
          participant: "Riverside Medical Group LLC",
          key: { by: "name", typed: "riverside medical group", listed: "Riverside Medical Group LLC" },
        },
        {
          acoId: "B2",
          acoName: "Lakes ACO",
          program: "reach",
          participant: "Riverside Medical Group PC",
          key: { by: "name", typed: "riverside medical group", listed: "Riverside Medical Group PC" },
        },
      ],
    };
    const block = show(base, fact).querySelector(".sc-aco-fact")!;
    expect(block.textContent).toContain("ACO participant in 2 of your ACOs:");
    // Each ACO matched differently (each list has its own spelling), so each says how.
    expect(Array.from(block.querySelectorAll("li")).map((li) => li.textContent)).toEqual([
      "Riverside Medical Group LLC in Valley ACO (A1) · Medicare Shared Savings Program (Matched by name: you typed “riverside medical group”, your list has “Riverside Medical Group LLC”)",
      "Riverside Medical Group PC in Lakes ACO (B2) · ACO REACH (Matched by name: you typed “riverside medical group”, your list has “Riverside Medical Group PC”)",
    ]);
  });

  it("says when the page put the recipient inside an ACO that no list matched", () => {
    const block = show({ ...base, acoMatch: undefined }, { memberships: [], caller: true }).querySelector(".sc-aco-fact")!;
    expect(block.textContent).toContain("The page says this recipient is in one of your ACOs");
  });

  it("without the caller's fact still shows the verdict's own ACO match", () => {
    expect(show(base).querySelector(".sc-aco-fact")!.textContent).toContain("ACO participant: North Clinic in Valley ACO (A1)");
    expect(show({ ...base, acoMatch: undefined }).querySelector(".sc-aco-fact")).toBeNull();
  });

  it("holds a prompt, in the same live region, until there is a verdict", () => {
    const root = show(undefined);
    const region = root.querySelector("section")!;
    expect(region.getAttribute("aria-live")).toBe("polite");
    expect(region.getAttribute("data-outcome")).toBeNull();
    expect(region.textContent).toBe("Enter who it goes to.");
    expect(root.querySelector("h2")).toBeNull();
  });
});
