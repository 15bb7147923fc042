// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { createDetector } from "../detect/detector.ts";

import { pageReader } from "../detect/reader.ts";
vi.mock("./extension.ts", () => ({ browser: {} }));
const { ControlUnread, describeControl } = await import("./describe.ts");
const { PastDeadline } = await import("../detect/walk.ts");

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

  it("throws ControlUnread, with the action's kind and name only, when reading around a send fails: nothing is asked", () => {
    document.body.innerHTML = `<div><h3>Psychotherapy note</h3><label>Fax <input value="555-0100"></label><button id="go">Fax note</button></div>`;
    const go = document.getElementById("go")!;
    const broken = createDetector({
      readRecipient: pageReader.readRecipient,
      readCues: () => {
        throw new Error("hostile");
      },
    });
    const thrown = (() => {
      try {
        describeControl(broken, go);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ControlUnread);
    expect((thrown as InstanceType<typeof ControlUnread>).facts.action).toMatchObject({ kind: "fax", label: "Fax note" });
    expect((thrown as InstanceType<typeof ControlUnread>).facts.action.recipient).toBeUndefined();
    // A classification made from the control's name alone (classify.ts) is not read further.
    expect(() => describeControl(detector, go, { classified: { kind: "fax", label: "Fax note", unread: true } })).toThrow(ControlUnread);
    // A read ahead of time past its deadline is not a failure: it is read again at the click.
    const late = createDetector({
      readRecipient: () => {
        throw new PastDeadline();
      },
      readCues: () => [],
    });
    expect(() => describeControl(late, go)).toThrow(PastDeadline);
  });
});
