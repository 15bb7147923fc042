// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { installI18n } from "../../../test/support/i18n-stub.ts";
import { acoFact, VALUE_BASED_CARE_FAQ } from "../../core/aco-fact.ts";
import { evaluate, type DisclosureRequest, type OrgProfileInput } from "../../core/index.ts";
import type { PanelState } from "../../messaging/messages.ts";
import { Panel, type Answer } from "./panel.tsx";

beforeAll(installI18n);

const profile: OrgProfileInput = {
  organization: { name: "Riverbend Health", role: "provider" },
  acos: [
    {
      id: "A1",
      name: "Valley ACO",
      program: "mssp",
      participants: [{ name: "Lakeside Cardiology, PLLC", aliases: ["@direct.lakeside.example", "(555) 010-2345"] }],
    },
    {
      id: "B2",
      name: "Prairie ACO",
      program: "reach",
      participants: [{ name: "LAKESIDE CARDIOLOGY PLLC", aliases: ["@direct.lakeside.example"] }],
    },
  ],
};
const direct: DisclosureRequest = {
  purpose: "treatment",
  recipient: { type: "provider", name: "referrals@direct.lakeside.example", directAddress: "referrals@direct.lakeside.example" },
  information: ["general"],
};
/** What the background answers: the verdict and the fact it works out from the lists. */
const answer = (request: DisclosureRequest): Answer => {
  const verdict = evaluate(request, profile);
  return { verdict, aco: acoFact(request, verdict, profile) };
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(state: PanelState, evaluateRequest = async (r: DisclosureRequest) => answer(r)) {
  act(() =>
    render(
      <Panel
        state={state}
        evaluate={evaluateRequest}
        onVerdict={() => undefined}
        onDecision={() => undefined}
        visibleFor={() => Infinity}
      />,
      root,
    ),
  );
}
const stateFor = (request: DisclosureRequest, withFact = true): PanelState => {
  const { verdict, aco } = answer(request);
  return {
    action: {
      kind: "direct",
      label: "Send via Direct",
      origin: "https://ehr.example.org",
      recipient: { text: "referrals@direct.lakeside.example" },
    },
    request,
    verdict,
    ...(withFact ? { aco } : {}),
    held: true,
    tampered: false,
    controlGone: false,
  };
};
const fact = () => root.querySelector<HTMLElement>(".sc-aco-fact");
/** Types into the recipient field and lets the answer arrive. */
async function typeRecipient(text: string) {
  const recipient = root.querySelector<HTMLInputElement>('[role="combobox"]')!;
  await act(async () => {
    recipient.value = text;
    recipient.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe("the panel's ACO lines", () => {
  it("show the background's fact right under the verdict: every ACO, the Direct domain that matched, the HHS FAQ", () => {
    mount(stateFor(direct));
    expect(root.querySelector(".sc-verdict-head")!.nextElementSibling).toBe(fact());
    const text = fact()!.textContent!;
    expect(text).toContain("ACO participant in 2 of your ACOs");
    expect(text).toContain("Lakeside Cardiology, PLLC in Valley ACO (A1) · Medicare Shared Savings Program");
    expect(text).toContain("LAKESIDE CARDIOLOGY PLLC in Prairie ACO (B2) · ACO REACH");
    expect(text).toContain("Matched by Direct domain direct.lakeside.example");
    expect(text).not.toContain("Direct address");
    const links = Array.from(fact()!.querySelectorAll("a")).map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links[0]).toEqual(["HHS FAQ: disclosures to value-based care arrangements", VALUE_BASED_CARE_FAQ]);
    expect(links[1]?.[0]).toBe("45 CFR 164.506(c)(2)");
  });

  it("without the background's fact, show the verdict's own match", () => {
    mount(stateFor(direct, false));
    expect(fact()!.textContent).toContain("ACO participant: Lakeside Cardiology, PLLC in Valley ACO (A1)");
    expect(fact()!.textContent).not.toContain("Prairie ACO");
  });

  it("follow the answer to an edited recipient: a fax number matched by fax, and none once outside", async () => {
    const asked: DisclosureRequest[] = [];
    mount(stateFor(direct), async (r) => {
      asked.push(r);
      return answer(r);
    });
    await typeRecipient("(555) 010-2345");
    expect(asked.at(-1)?.recipient.fax).toBe("(555) 010-2345");
    expect(fact()!.textContent).toContain("ACO participant: Lakeside Cardiology, PLLC in Valley ACO (A1)");
    expect(fact()!.textContent).toContain("Matched by fax 555-010-2345");
    await typeRecipient("Faraway Orthopedics");
    expect(fact()).toBeNull();
  });
});
