// @vitest-environment happy-dom
import { render } from "preact";
import { beforeAll, describe, expect, it } from "vitest";
import { installI18n } from "../../test/support/i18n-stub.ts";
import type { DisclosureRequest } from "../core/schema.ts";
import type { DetectedCue } from "../detect/action.ts";
import { CueList, withKind } from "./cue-list.tsx";

beforeAll(installI18n);

const request: DisclosureRequest = { purpose: "treatment", recipient: { type: "provider" }, information: ["psychotherapy-notes", "hiv"] };
const cues: DetectedCue[] = [
  { kind: "hiv", source: "attached", text: "HIV-1 RNA viral load (02/11)" },
  { kind: "psychotherapy-notes", source: "attached", text: "Psychotherapy note (14 Mar)" },
  { kind: "psychotherapy-notes", source: "note-type", text: "Psychotherapy process note" },
];

function show(value: DisclosureRequest, onChange: (next: DisclosureRequest) => void = () => undefined) {
  const root = document.createElement("div");
  render(<CueList cues={cues} request={value} onChange={onChange} />, root);
  return root;
}

describe("CueList", () => {
  it("names each cued kind with where it was read, what the page calls it and why it matters", () => {
    const items = [...show(request).querySelectorAll("li")];
    expect(items.map((li) => li.dataset.cueKind)).toEqual(["psychotherapy-notes", "hiv"]);
    expect(items[0]!.textContent).toContain(
      "Attached: Psychotherapy note (14 Mar); Note type: Psychotherapy process note: psychotherapy notes need the patient's written authorization",
    );
    expect(items[1]!.querySelector("button")!.getAttribute("aria-label")).toBe("Not included: HIV");
  });

  it("Not included takes the kind out of the request and shows it set aside; Include again puts it back", () => {
    let next: DisclosureRequest | undefined;
    show(request, (r) => (next = r))
      .querySelector<HTMLButtonElement>('[data-cue-kind="psychotherapy-notes"] button')!
      .click();
    expect(next!.information).toEqual(["hiv"]);
    const aside = show(next!, (r) => (next = r)).querySelector('[data-cue-kind="psychotherapy-notes"]')!;
    expect(aside.getAttribute("data-set-aside")).toBe("true");
    expect(aside.textContent).toContain("Set aside by you: Psychotherapy notes");
    aside.querySelector("button")!.click();
    expect(next!.information).toEqual(["psychotherapy-notes", "hiv"]);
  });

  it("shows nothing without cues, and a request left with no kind is general", () => {
    const root = document.createElement("div");
    render(<CueList cues={[]} request={request} onChange={() => undefined} />, root);
    expect(root.innerHTML).toBe("");
    expect(withKind({ ...request, information: ["hiv"] }, "hiv", false).information).toEqual(["general"]);
    expect(withKind({ ...request, information: ["general"] }, "genetic", true).information).toEqual(["genetic"]);
  });
});
