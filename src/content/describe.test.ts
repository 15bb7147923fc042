// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { createDetector } from "../detect/detector.ts";

import { pageReader } from "../detect/reader.ts";
vi.mock("./extension.ts", () => ({ browser: {} }));
const { describeControl } = await import("./describe.ts");

describe("describeControl", () => {
  const detector = createDetector(pageReader);
  const facts = (html: string) => {
    document.body.innerHTML = html;
    return describeControl(detector, document.getElementById("go")!);
  };

  it("reads no recipient for a download: the note's author beside it is not where it goes (Therabyte)", () => {
    const note = `<section><h3>Session note · 03/18/2025</h3><div>Clinician: Alex Rivera, LMFT</div>`;
    const exported = facts(`${note}<button id="go">Download note</button></section>`);
    expect(exported?.action.kind).toBe("export");
    expect(exported?.action.recipient).toBeUndefined();
    expect(exported?.request.recipient.name).toBeUndefined();
    const shared = facts(`${note}<div>Share with: Dr. Samuel Ortiz</div><button id="go">Share note</button></section>`);
    expect(shared?.action.kind).toBe("share");
    expect(shared?.action.recipient?.name).toBe("Dr. Samuel Ortiz");
  });
});
