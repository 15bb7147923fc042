// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDetector } from "../detect/detector.ts";
import { pageReader } from "../detect/reader.ts";
import { layOut } from "../../test/support/lay-out.ts";
import { describeControl } from "./describe.ts";
import { createDescriptionCache } from "./description-cache.ts";
import { controlsInOrder, createIdleScan, MAX_PER_BATCH, warmSlice } from "./idle-warm.ts";

describe("the idle pre-warm after load", () => {
  const detector = createDetector(pageReader);

  it("reads only send controls in view, each form's once, and stops below the viewport", () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<button data-top="${700 + i * 30}">Fax chart</button>`).join("");
    document.body.innerHTML = `
      <form><label>Refer to <input value="Dr. Ruiz"></label><button data-top="10">Send referral</button><button data-top="40">Send referral</button><button data-top="70">Save draft</button></form>
      <section><label>Share with <input value="Dr. Lee"></label><button data-top="100">Share record</button></section>${rows}`;
    layOut();
    const warmed: string[] = [];
    const next = controlsInOrder(document);
    const done = warmSlice(
      next,
      detector,
      createDescriptionCache(detector, describeControl),
      (facts) => warmed.push(facts.action.kind),
      Infinity,
    );
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
    expect(
      warmSlice(controlsInOrder(document), detector, createDescriptionCache(detector, describeControl), () => undefined, Infinity).reads,
    ).toBe(MAX_PER_BATCH);
    document.body.innerHTML = Array.from({ length: 100 }, () => `<button data-top="-200">Fax chart</button>`).join(""); // scrolled past
    layOut();
    const next = controlsInOrder(document);
    expect(warmSlice(next, detector, createDescriptionCache(detector, describeControl), () => undefined, -1)).toEqual({
      done: false,
      reads: 0,
    });
    expect(warmSlice(next, detector, createDescriptionCache(detector, describeControl), () => undefined, Infinity).done).toBe(true);
  });

  it("a control whose surroundings take longer to read than the slice has stops at the deadline, remembering nothing", () => {
    const filler = Array.from({ length: 300 }, (_, i) => `<div><span>Line ${i}</span></div>`).join("");
    document.body.innerHTML = `<form>${filler}<label>Refer to <input value="Dr. Ruiz"></label><button data-top="10">Send referral</button></form>`;
    layOut();
    const descriptions = createDescriptionCache(detector, describeControl);
    const warmed: Array<string | undefined> = [];
    const warm = (facts: { action: { recipient?: { text: string } } }) => warmed.push(facts.action.recipient?.text);
    const ranOut: Element[] = [];
    // Already past the deadline: the one read a slice always makes gives up inside the form's walk, and says so.
    expect(warmSlice(controlsInOrder(document), detector, descriptions, warm, -1, MAX_PER_BATCH, (el) => ranOut.push(el))).toEqual({
      done: false,
      reads: 1,
    });
    expect(warmed).toEqual([]);
    expect(ranOut.map((el) => el.textContent)).toEqual(["Send referral"]);
    // A later slice with time reads it in full: no half reading was kept for this form.
    warmSlice(controlsInOrder(document), detector, descriptions, warm, Infinity);
    expect(warmed).toEqual(["Dr. Ruiz"]);
  });
});

describe("the idle scan, slice after slice", () => {
  const detector = createDetector(pageReader);
  afterEach(() => vi.restoreAllMocks());
  /** The clock as the scan reads it: still unless a test moves it. */
  const clock = () => {
    const time = { now: 0 };
    vi.spyOn(performance, "now").mockImplementation(() => time.now);
    return time;
  };

  it("reads first in the next slice the control whose reading ran out of time, and only once more", () => {
    const filler = Array.from({ length: 300 }, (_, i) => `<div><span>Line ${i}</span></div>`).join("");
    document.body.innerHTML = `<form>${filler}<label>Refer to <input value="Dr. Ruiz"></label><button data-top="10">Send referral</button></form>`;
    layOut();
    const time = clock();
    const warmed: Array<string | undefined> = [];
    const scan = createIdleScan(detector, createDescriptionCache(detector, describeControl), document, (facts) =>
      warmed.push(facts.action.recipient?.text),
    );
    // This slice's clock runs fast: the read passes the deadline inside the form and stops.
    const fast = vi.spyOn(performance, "now").mockImplementation(() => (time.now += 1));
    expect(scan(50)).toEqual({ more: true, reads: 1 });
    expect(warmed).toEqual([]);
    fast.mockImplementation(() => time.now);
    // The next slice has the time: the same control, read in full (the walk itself had moved past it).
    expect(scan(50)).toEqual({ more: false, reads: 1 });
    expect(warmed).toEqual(["Dr. Ruiz"]);
    // A control that runs out of time twice is left to the click: the scan goes on past it.
    const again = createIdleScan(detector, createDescriptionCache(detector, describeControl), document, (facts) =>
      warmed.push(facts.action.recipient?.text),
    );
    fast.mockImplementation(() => (time.now += 1));
    expect(again(50)).toEqual({ more: true, reads: 1 });
    expect(again(50)).toEqual({ more: true, reads: 1 });
    expect(again(50)).toEqual({ more: false, reads: 0 });
    expect(warmed).toEqual(["Dr. Ruiz"]);
  });

  it("a first slice that runs long (the one-time compile and layout) does not end the scan before the next control", () => {
    document.body.innerHTML = `<form><label>Refer to <input value="Dr. Ruiz"></label><button data-top="10">Send referral</button></form><form><label>Refer to <input value="Dr. Chen"></label><button data-top="60">Send referral</button></form>`;
    layOut();
    const time = clock();
    const warmed: Array<string | undefined> = [];
    const scan = createIdleScan(detector, createDescriptionCache(detector, describeControl), document, (facts) => {
      warmed.push(facts.action.recipient?.text);
      time.now += 50; // far past the slice's deadline, and past the whole pre-warm's TOTAL_MS
    });
    const slices = [scan(50)];
    while (slices.at(-1)!.more && slices.length < 10) slices.push(scan(50));
    expect(warmed).toEqual(["Dr. Ruiz", "Dr. Chen"]);
    expect(slices.length).toBeLessThan(10);
  });
});
