// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { createDetector } from "../detect/detector.ts";
import { pageReader } from "../detect/reader.ts";
import { layOut } from "../../test/support/lay-out.ts";

vi.mock("./extension.ts", () => ({ browser: {} }));
const { startPrewarm } = await import("./prewarm.ts");
const { createLifetime } = await import("./lifetime.ts");
const { listenEarly } = await import("./early-events.ts");
const { createPressRead } = await import("./press-read.ts");
const { warmPart } = await import("./idle-warm.ts");
const { describeControl } = await import("./describe.ts");
const { ReaderNotLoaded } = await import("./reader-loader.ts");

/** The idle pre-warm's part, as the background's injection would give it. */
const loadWarm = async () => warmPart;

/** Starts the pre-warm on the page with `load` for its idle part: the keys it asks verdicts for, and its lifetime. */
function startIdle(load: () => Promise<typeof warmPart>) {
  const asked: string[] = [];
  const cache = { prewarm: (key: string) => void asked.push(key), inFlight: () => undefined } as unknown as Parameters<
    typeof startPrewarm
  >[3];
  const lifetime = createLifetime(undefined, () => true);
  startPrewarm(
    createDetector(pageReader),
    document,
    listenEarly(window, lifetime.signal, () => undefined),
    cache,
    lifetime,
    createPressRead(document, lifetime),
    load,
  );
  return { asked, lifetime };
}

describe("the pre-warm as the clinician reaches a control", () => {
  it("reads a pressed control once: the focus the press gives it is the same approach", () => {
    document.body.innerHTML = `<form><label>Fax number <input value="(555) 010-2345"></label><button id="fax">Fax chart</button><button id="share">Share record</button></form>`;
    const base = createDetector(pageReader);
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
      // The idle part cannot be loaded: that costs the idle pre-warm only, never the approach's.
      () => Promise.reject(new Error("not injected")),
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
    startPrewarm(createDetector(pageReader), document, events, cache, lifetime, createPressRead(document, lifetime), loadWarm, approached);
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
    startPrewarm(createDetector(pageReader), document, events, cache, lifetime, createPressRead(document, lifetime), loadWarm, approached);
    document.getElementById("fax")!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true }));
    await Promise.resolve();
    expect(approached).not.toHaveBeenCalled();
    answer({});
    await verdict;
    await Promise.resolve();
    expect(approached).toHaveBeenCalledOnce();
    lifetime.end();
  });

  it("loads the idle part once the page is idle, and warms the send controls in view with it, under the key a click reads", async () => {
    document.body.innerHTML = `<form><label>Fax number <input data-top="40" value="(555) 010-2345"></label><label><input type="checkbox" checked> Psychotherapy notes</label><button id="fax" data-top="80">Fax chart</button></form>`;
    layOut();
    const load = vi.fn(loadWarm);
    const { asked, lifetime } = startIdle(load);
    expect(load).not.toHaveBeenCalled(); // not before the page is idle
    await new Promise((resolve) => setTimeout(resolve, 100)); // happy-dom: idle is a timer
    expect(load).toHaveBeenCalledOnce();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("(555) 010-2345");
    // What the record holds is read as the click reads it: the click finds this verdict.
    expect(asked[0]).toBe(describeControl(createDetector(pageReader), document.getElementById("fax")!)?.key);
    expect(asked[0]).toContain("Psychotherapy notes");
    lifetime.end();
  });

  it("waits for the reader when its idle part comes first: the controls in view are still warmed", async () => {
    document.body.innerHTML = `<form><label>Fax number <input data-top="40" value="(555) 010-2345"></label><button id="fax" data-top="80">Fax chart</button></form>`;
    layOut();
    // The reader the detector reads with is injected on its own: until it is there, every read throws ReaderNotLoaded.
    let loaded = false;
    let arrive: () => void = () => undefined;
    const reader = new Promise<void>((resolve) => (arrive = resolve));
    const base = createDetector(pageReader);
    const detector = new Proxy(base, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (!loaded) throw new ReaderNotLoaded();
          return value.apply(target, args);
        };
      },
    });
    const asked: string[] = [];
    const cache = { prewarm: (key: string) => void asked.push(key), inFlight: () => undefined } as unknown as Parameters<
      typeof startPrewarm
    >[3];
    const lifetime = createLifetime(undefined, () => true);
    const events = listenEarly(window, lifetime.signal, () => undefined);
    startPrewarm(detector, document, events, cache, lifetime, createPressRead(document, lifetime), loadWarm, undefined, () => reader);
    await new Promise((resolve) => setTimeout(resolve, 100)); // idle, and the part loaded: the reader not yet
    expect(asked).toEqual([]);
    loaded = true;
    arrive();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toHaveLength(1);
    lifetime.end();
  });

  it("warms nothing once its lifetime has ended, even when the part comes after", async () => {
    document.body.innerHTML = `<button id="fax" data-top="80">Fax chart</button>`;
    layOut();
    let give: (part: typeof warmPart) => void = () => undefined;
    const load = vi.fn(() => new Promise<typeof warmPart>((resolve) => (give = resolve)));
    const { asked, lifetime } = startIdle(load);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(load).toHaveBeenCalledOnce();
    lifetime.end();
    give(warmPart);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
  });
});
