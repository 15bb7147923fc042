// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDetector } from "../detect/detector.ts";

import { pageReader } from "../detect/reader.ts";
vi.mock("./extension.ts", () => ({ browser: {} }));
const { describeControl } = await import("./describe.ts");
const { createLifetime } = await import("./lifetime.ts");
const { createPressRead, FRESH_MS } = await import("./press-read.ts");

describe("the read made at a press, handed to the click that follows", () => {
  const detector = createDetector(pageReader);
  let lifetime: ReturnType<typeof createLifetime>;
  let fax: HTMLElement;
  let field: HTMLInputElement;
  let read: ReturnType<typeof createPressRead>;
  /** The press's read, kept for its target (the button's text, as a pointer presses it). */
  const pressed = () => {
    const facts = describeControl(detector, fax)!;
    read.remember(fax.firstChild!, { element: fax, classification: detector.classify(fax)!, facts });
    return facts;
  };

  beforeEach(() => {
    document.body.innerHTML = `<form><label>Fax number <input id="to" value="(555) 010-2345"></label><button id="fax">Fax chart</button><button id="share">Share record</button></form>`;
    fax = document.getElementById("fax")!;
    field = document.getElementById("to") as HTMLInputElement;
    lifetime = createLifetime(undefined, () => true);
    read = createPressRead(document, lifetime);
  });
  afterEach(() => {
    lifetime.end();
    vi.restoreAllMocks();
  });

  it("is handed on to an event on the same target, once, when the page has not changed", () => {
    const facts = pressed();
    expect(facts.request.recipient?.fax).toBe("(555) 010-2345");
    expect(read.take(fax.firstChild!)?.facts).toBe(facts);
    expect(read.take(fax.firstChild!)).toBeUndefined();
  });

  it("is not handed to an event on another target, even inside the same control", () => {
    pressed();
    expect(read.take(fax)).toBeUndefined();
    pressed();
    expect(read.take(document.getElementById("share")!)).toBeUndefined();
  });

  it("is dropped by any change to the document, even one made in the same task as the click", () => {
    pressed();
    field.setAttribute("value", "(555) 010-9999");
    expect(read.take(fax.firstChild!)).toBeUndefined();
  });

  it("is dropped by a change delivered before the click", async () => {
    pressed();
    document.body.append(document.createElement("p"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(read.take(fax.firstChild!)).toBeUndefined();
  });

  it("is dropped by typing, a changed field, or focus leaving anything (a blur handler may set a value no mutation records)", () => {
    for (const type of ["input", "change", "focusout"]) {
      pressed();
      field.value = "(555) 010-9999";
      field.dispatchEvent(new Event(type, { bubbles: true }));
      expect(read.take(fax.firstChild!), type).toBeUndefined();
    }
  });

  it("is not handed on once it is older than FRESH_MS", () => {
    const now = vi.spyOn(performance, "now");
    now.mockReturnValue(1_000);
    pressed();
    now.mockReturnValue(1_000 + FRESH_MS + 1);
    expect(read.take(fax.firstChild!)).toBeUndefined();
  });

  it("is not kept once the content script's lifetime has ended", () => {
    lifetime.end();
    pressed();
    expect(read.take(fax.firstChild!)).toBeUndefined();
  });
});
