// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { beforeAll, describe, expect, it } from "vitest";
import { installI18n } from "../../test/support/i18n-stub.ts";
import { RecipientCombobox } from "./recipient-combobox.tsx";
import type { Suggestion } from "./recipient-suggestions.ts";

beforeAll(installI18n);

const north: Suggestion = { name: "North Valley Clinic, PC", acos: [{ acoId: "A1001", acoName: "Riverbend Care Partners" }] } as Suggestion;
const northern: Suggestion = {
  name: "Northern Lakes Health",
  acos: [{ acoId: "A1001", acoName: "Riverbend Care Partners" }],
} as Suggestion;

/** The combobox with a suggest whose answers the test hands out, one per query, in any order. */
function mount() {
  const pending = new Map<string, (found: Suggestion[]) => void>();
  const picked: Suggestion[] = [];
  const root = document.createElement("div");
  document.body.append(root);
  act(() => {
    render(
      <RecipientCombobox
        recipient={{}}
        onText={() => undefined}
        onPick={(p) => picked.push(p)}
        suggest={(query) => new Promise<Suggestion[]>((resolve) => pending.set(query, resolve))}
      />,
      root,
    );
  });
  const input = root.querySelector<HTMLInputElement>('[role="combobox"]')!;
  const type = (value: string) =>
    act(() => {
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  const key = (name: string) =>
    act(() => void input.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true })));
  const answer = async (query: string, found: Suggestion[]) => {
    await act(async () => pending.get(query)!(found));
  };
  const highlighted = () => {
    const id = input.getAttribute("aria-activedescendant");
    return id ? (root.querySelector(`#${CSS.escape(id)}`)?.textContent ?? "") : "";
  };
  return { type, key, answer, highlighted, picked };
}

describe("the recipient combobox", () => {
  it("keeps the suggestion the clinician arrowed to when the answer for the last keystroke arrives after", async () => {
    const box = mount();
    box.type("north");
    await box.answer("north", [north, northern]);
    box.type("north v");
    box.key("ArrowDown");
    expect(box.highlighted()).toContain("North Valley Clinic");
    await box.answer("north v", [northern, north]); // a newer answer, in another order
    expect(box.highlighted()).toContain("North Valley Clinic");
    box.key("Enter");
    expect(box.picked.map((p) => p.name)).toEqual(["North Valley Clinic, PC"]);
  });

  it("highlights nothing when the new answer no longer has the highlighted suggestion", async () => {
    const box = mount();
    box.type("north");
    await box.answer("north", [north, northern]);
    box.type("northe");
    box.key("ArrowDown");
    await box.answer("northe", [northern]);
    expect(box.highlighted()).toBe("");
    box.key("Enter");
    expect(box.picked).toEqual([]);
  });
});
