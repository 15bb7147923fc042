// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { createDetector } from "../detect/detector.ts";

vi.mock("./extension.ts", () => ({ browser: {} }));
const { createDescriptionCache } = await import("./describe.ts");
const { controlsInOrder, MAX_PER_BATCH, startPrewarm, warmSlice } = await import("./prewarm.ts");
const { createLifetime } = await import("./lifetime.ts");
const { listenEarly } = await import("./early-events.ts");
const { createPressRead } = await import("./press-read.ts");

/** happy-dom has no layout: each element is placed by its data-top (px from the top of a 600 px viewport). */
function layOut() {
  Object.defineProperty(window, "innerHeight", { value: 600, configurable: true });
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-top]"))) {
    const top = Number(el.dataset.top);
    el.getBoundingClientRect = () =>
      ({ top, bottom: top + 20, left: 10, right: 110, width: 100, height: 20, x: 10, y: top, toJSON: () => ({}) }) as DOMRect;
  }
}

describe("the idle pre-warm after load", () => {
  const detector = createDetector();

  it("reads only send controls in view, each form's once, and stops below the viewport", () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<button data-top="${700 + i * 30}">Fax chart</button>`).join("");
    document.body.innerHTML = `
      <form><label>Refer to <input value="Dr. Ruiz"></label><button data-top="10">Send referral</button><button data-top="40">Send referral</button><button data-top="70">Save draft</button></form>
      <button data-top="100">Share record</button>${rows}`;
    layOut();
    const warmed: string[] = [];
    const next = controlsInOrder(document);
    const done = warmSlice(next, detector, createDescriptionCache(detector), (facts) => warmed.push(facts.action.kind), Infinity);
    expect(warmed).toEqual(["referral", "referral", "share"]);
    expect(done.reads).toBe(2); // the second Send referral of the same form shares the first one's reading
    expect(done.done).toBe(true);
    let left = 0;
    while (next()) left++;
    expect(left).toBe(100 - 64); // the rows below the viewport end the scan: the rest is never walked
  });

  it("makes at most MAX_PER_BATCH reads, and yields at its deadline to go on later", () => {
    document.body.innerHTML = Array.from(
      { length: 40 },
      (_, i) => `<section><button data-top="${i * 10}">Fax chart</button></section>`,
    ).join("");
    layOut();
    expect(warmSlice(controlsInOrder(document), detector, createDescriptionCache(detector), () => undefined, Infinity).reads).toBe(
      MAX_PER_BATCH,
    );
    document.body.innerHTML = Array.from({ length: 100 }, () => `<button data-top="-200">Fax chart</button>`).join(""); // scrolled past
    layOut();
    const next = controlsInOrder(document);
    expect(warmSlice(next, detector, createDescriptionCache(detector), () => undefined, -1)).toEqual({ done: false, reads: 0 });
    expect(warmSlice(next, detector, createDescriptionCache(detector), () => undefined, Infinity).done).toBe(true);
  });

  it("a control whose surroundings take longer to read than the slice has stops at the deadline, remembering nothing", () => {
    const filler = Array.from({ length: 300 }, (_, i) => `<div><span>Line ${i}</span></div>`).join("");
    document.body.innerHTML = `<form>${filler}<label>Refer to <input value="Dr. Ruiz"></label><button data-top="10">Send referral</button></form>`;
    layOut();
    const descriptions = createDescriptionCache(detector);
    const warmed: Array<string | undefined> = [];
    const warm = (facts: { action: { recipient?: { text: string } } }) => warmed.push(facts.action.recipient?.text);
    // Already past the deadline: the one read a slice always makes gives up inside the form's walk.
    expect(warmSlice(controlsInOrder(document), detector, descriptions, warm, -1)).toEqual({ done: false, reads: 1 });
    expect(warmed).toEqual([]);
    // A later slice with time reads it in full: no half reading was kept for this form.
    warmSlice(controlsInOrder(document), detector, descriptions, warm, Infinity);
    expect(warmed).toEqual(["Dr. Ruiz"]);
  });
});

describe("the pre-warm as the clinician reaches a control", () => {
  it("reads a pressed control once: the focus the press gives it is the same approach", () => {
    document.body.innerHTML = `<form><label>Fax number <input value="(555) 010-2345"></label><button id="fax">Fax chart</button><button id="share">Share record</button></form>`;
    const base = createDetector();
    let reads = 0;
    const detector = {
      ...base,
      readRecipient: (control: Element) => {
        reads++;
        return base.readRecipient(control);
      },
    };
    const asked: string[] = [];
    const cache = { prewarm: (key: string) => void asked.push(key), inFlight: () => undefined } as unknown as Parameters<
      typeof startPrewarm
    >[3];
    const lifetime = createLifetime(undefined, () => true);
    const pressRead = createPressRead(document, lifetime);
    startPrewarm(
      detector,
      document,
      listenEarly(window, lifetime.signal, () => undefined),
      cache,
      lifetime,
      pressRead,
    );
    const fax = document.getElementById("fax")!;
    fax.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true }));
    fax.dispatchEvent(new FocusEvent("focusin", { bubbles: true, composed: true }));
    expect(reads).toBe(1);
    expect(asked).toHaveLength(1);
    // The read is kept for the click that follows (the page has not changed).
    expect(pressRead.take(fax)?.facts.key).toBe(asked[0]);
    // Focus reaching another control (the keyboard's Tab) is a new approach: read and asked.
    document.getElementById("share")!.dispatchEvent(new FocusEvent("focusin", { bubbles: true, composed: true }));
    expect(reads).toBe(2);
    lifetime.end();
  });

  it("says a control was approached on a press or a focus, and never for controls merely in view at idle", async () => {
    document.body.innerHTML = `<form><label>Fax number <input data-top="40"></label><button id="fax" data-top="80">Fax chart</button></form>`;
    layOut();
    const cache = { prewarm: () => undefined, inFlight: () => undefined } as unknown as Parameters<typeof startPrewarm>[3];
    const lifetime = createLifetime(undefined, () => true);
    const approached = vi.fn();
    const events = listenEarly(window, lifetime.signal, () => undefined);
    startPrewarm(createDetector(), document, events, cache, lifetime, createPressRead(document, lifetime), approached);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the idle pre-warm runs (happy-dom: idle is a timer)
    expect(approached).not.toHaveBeenCalled();
    document.getElementById("fax")!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true }));
    expect(approached).toHaveBeenCalledOnce();
    lifetime.end();
  });

  it("says so only once the verdict asked for the control has come (loading the panel part must not hold up the answer)", async () => {
    document.body.innerHTML = `<form><label>Fax number <input></label><button id="fax">Fax chart</button></form>`;
    let answer: (verdict: unknown) => void = () => undefined;
    const verdict = new Promise((resolve) => (answer = resolve));
    const cache = { prewarm: () => undefined, inFlight: () => verdict } as unknown as Parameters<typeof startPrewarm>[3];
    const lifetime = createLifetime(undefined, () => true);
    const approached = vi.fn();
    const events = listenEarly(window, lifetime.signal, () => undefined);
    startPrewarm(createDetector(), document, events, cache, lifetime, createPressRead(document, lifetime), approached);
    document.getElementById("fax")!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true }));
    await Promise.resolve();
    expect(approached).not.toHaveBeenCalled();
    answer({});
    await verdict;
    await Promise.resolve();
    expect(approached).toHaveBeenCalledOnce();
    lifetime.end();
  });
});
