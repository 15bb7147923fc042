// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { useState } from "preact/hooks";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { installI18n } from "../../test/support/i18n-stub.ts";
import type { DisclosureRequest } from "../core/schema.ts";
import { CheckForm } from "./check-form.tsx";
import { buildParticipantSearch } from "./participant-search.ts";

beforeAll(installI18n);

const participants = [
  { name: "North Valley Clinic", tin: "123456789", npi: "1234567893" },
  { name: "Valley Heart Associates", tin: "987654321" },
  { name: "Lakeside Pediatrics" },
];
const search = buildParticipantSearch(participants);

let root: HTMLElement;
let latest: DisclosureRequest;

function Harness({ initial }: { initial: DisclosureRequest }) {
  const [value, setValue] = useState(initial);
  latest = value;
  return (
    <CheckForm
      value={value}
      onChange={(next) => {
        latest = next;
        setValue(next);
      }}
      suggest={(q) => search.top(q)}
      autoFocus
    />
  );
}

const start: DisclosureRequest = { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] };

function mount(initial = start) {
  act(() => render(<Harness initial={initial} />, root));
}
const combobox = () => root.querySelector<HTMLInputElement>('[role="combobox"]')!;
const listbox = () => root.querySelector<HTMLElement>('[role="listbox"]')!;
const options = () => Array.from(root.querySelectorAll<HTMLElement>('[role="option"]'));
const byLabel = (text: string) => {
  const label = Array.from(root.querySelectorAll("label")).find((l) => l.textContent?.includes(text));
  if (!label) return null;
  return (label.htmlFor ? root.querySelector(`#${CSS.escape(label.htmlFor)}`) : label.querySelector("input,select")) as
    | HTMLInputElement
    | HTMLSelectElement
    | null;
};
function type(text: string) {
  act(() => {
    combobox().value = text;
    combobox().dispatchEvent(new Event("input", { bubbles: true }));
  });
}
function key(el: Element, k: string) {
  act(() => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  });
}
function choose(el: HTMLSelectElement, value: string) {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

describe("recipient combobox", () => {
  it("is a labelled ARIA combobox that starts focused", () => {
    mount();
    const input = combobox();
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.getAttribute("aria-autocomplete")).toBe("list");
    expect(input.getAttribute("aria-controls")).toBe(listbox().id);
    expect(byLabel("Recipient")).toBe(input);
  });

  it("suggests participants by name and picks one with the arrow keys and Enter", () => {
    mount();
    type("valley");
    expect(combobox().getAttribute("aria-expanded")).toBe("true");
    expect(options().map((o) => o.textContent)).toEqual([
      expect.stringContaining("Valley Heart Associates"),
      expect.stringContaining("North Valley Clinic"),
    ]);
    key(combobox(), "ArrowDown");
    key(combobox(), "ArrowDown");
    expect(combobox().getAttribute("aria-activedescendant")).toBe(options()[1]!.id);
    expect(options()[1]!.getAttribute("aria-selected")).toBe("true");
    key(combobox(), "ArrowDown"); // wraps to the first
    expect(combobox().getAttribute("aria-activedescendant")).toBe(options()[0]!.id);
    key(combobox(), "ArrowUp"); // and back to the last
    key(combobox(), "Enter");
    expect(latest.recipient).toMatchObject({ name: "North Valley Clinic", tin: "123456789", npi: "1234567893" });
    expect(combobox().value).toBe("North Valley Clinic");
    expect(combobox().getAttribute("aria-expanded")).toBe("false");
    // Picking does not move focus on: the user may still correct the pick.
    expect(document.activeElement).toBe(combobox());
  });

  it("suggests by TIN and NPI", () => {
    mount();
    type("98765");
    expect(options().map((o) => o.textContent)).toEqual([expect.stringContaining("Valley Heart Associates")]);
    type("1234567893");
    expect(options()).toHaveLength(1);
  });

  it("accepts free text, reading a bare 9-digit number as a TIN and dropping an earlier pick's identifiers", () => {
    mount();
    type("north");
    key(combobox(), "ArrowDown");
    key(combobox(), "Enter");
    expect(latest.recipient.npi).toBe("1234567893");
    type("Dr. Someone Else");
    expect(latest.recipient).toEqual({ type: "provider", name: "Dr. Someone Else" });
    type("12-3456789");
    expect(latest.recipient).toEqual({ type: "provider", tin: "123456789" });
  });

  it("closes the list on Escape without changing the text", () => {
    mount();
    type("valley");
    key(combobox(), "Escape");
    expect(combobox().getAttribute("aria-expanded")).toBe("false");
    expect(combobox().value).toBe("valley");
  });

  it("moves to the next field on Enter when no suggestion is highlighted", () => {
    mount();
    type("Somebody new");
    key(combobox(), "Enter");
    expect(document.activeElement).toBe(byLabel("Recipient type"));
    key(document.activeElement!, "Enter");
    expect(document.activeElement).toBe(byLabel("Purpose"));
  });
});

describe("follow-up questions and patient facts", () => {
  it("asks for the operations activity only for operations, and forgets it when the purpose changes", () => {
    mount();
    expect(byLabel("Which operations activity?")).toBeNull();
    choose(byLabel("Purpose") as HTMLSelectElement, "operations");
    const ops = byLabel("Which operations activity?") as HTMLSelectElement;
    choose(ops, "quality-improvement");
    expect(latest.operationsActivity).toBe("quality-improvement");
    choose(byLabel("Purpose") as HTMLSelectElement, "payment");
    expect(byLabel("Which operations activity?")).toBeNull();
    expect(latest.operationsActivity).toBeUndefined();
  });

  it("asks whether treatment is a provider's only when the recipient is not a provider", () => {
    mount();
    expect(byLabel("provider's treatment")).toBeNull();
    choose(byLabel("Recipient type") as HTMLSelectElement, "family-or-friend");
    choose(byLabel("provider's treatment") as HTMLSelectElement, "no");
    expect(latest.forProviderTreatment).toBe(false);
  });

  it("shows the Part 2 consent only with Part 2 records, and emergency only when it can matter", () => {
    mount();
    expect(byLabel("Part 2 consent")).toBeNull();
    expect(byLabel("emergency")).toBeNull();
    act(() => (byLabel("Substance use") as HTMLInputElement).click());
    expect(latest.information).toEqual(["sud-part2"]);
    choose(byLabel("Part 2 consent") as HTMLSelectElement, "tpo");
    expect(latest.patient?.part2Consent).toBe("tpo");
    expect(byLabel("emergency")).not.toBeNull();
    act(() => (byLabel("Substance use") as HTMLInputElement).click());
    expect(latest.information).toEqual(["general"]);
    expect(latest.patient?.part2Consent).toBeUndefined();
    expect(byLabel("emergency")).toBeNull();
  });

  it("offers the self-pay restriction only for payment or operations to a plan-like recipient", () => {
    mount();
    expect(byLabel("paid in full")).toBeNull();
    choose(byLabel("Purpose") as HTMLSelectElement, "payment");
    expect(byLabel("paid in full")).toBeNull();
    choose(byLabel("Recipient type") as HTMLSelectElement, "health-plan");
    act(() => (byLabel("paid in full") as HTMLInputElement).click());
    expect(latest.patient?.selfPayRestriction).toBe(true);
  });

  it("labels every control", () => {
    mount({ ...start, purpose: "other", information: ["sud-part2"] });
    for (const el of root.querySelectorAll("input, select")) {
      const id = el.id;
      const labelled = (id && root.querySelector(`label[for="${CSS.escape(id)}"]`)) || el.closest("label");
      expect(labelled, el.outerHTML).toBeTruthy();
    }
  });
});

describe("prefill", () => {
  it("writes a recipient set from outside into the field, and keeps what the user types after it", () => {
    let setOutside: (r: DisclosureRequest) => void = () => undefined;
    function Outside() {
      const [value, setValue] = useState(start);
      setOutside = setValue;
      latest = value;
      return (
        <CheckForm
          value={value}
          onChange={(next) => {
            latest = next;
            setValue(next);
          }}
          suggest={(q) => search.top(q)}
        />
      );
    }
    act(() => render(<Outside />, root));
    act(() => setOutside({ ...start, recipient: { type: "provider", name: "Dr. Page Prefill", npi: "1234567893" } }));
    expect(combobox().value).toBe("Dr. Page Prefill");
    type("Dr. Page Prefill Jr");
    expect(combobox().value).toBe("Dr. Page Prefill Jr");
    expect(latest.recipient).toEqual({ type: "provider", name: "Dr. Page Prefill Jr" });
  });
});
