// @vitest-environment happy-dom
import { expect, it, vi } from "vitest";

vi.mock("./extension.ts", () => ({ browser: {} }));
const { createLifetime, isDeadRuntimeError } = await import("./lifetime.ts");

it("timers, idle callbacks and listeners made through a lifetime die with it, and with its parent", async () => {
  const parent = createLifetime(undefined, () => true);
  const child = createLifetime(parent.signal, () => true);
  const fired: string[] = [];
  child.setTimeout(() => fired.push("timeout"), 10);
  child.requestIdleCallback(() => fired.push("idle"));
  child.afterNextFrame(() => fired.push("frame"), 20);
  child.addEventListener(window, "click", () => fired.push("click"));
  let ended = 0;
  child.onEnd(() => ended++);
  parent.end();
  window.dispatchEvent(new MouseEvent("click"));
  await new Promise((resolve) => setTimeout(resolve, 120));
  expect(fired).toEqual([]);
  expect(ended).toBe(1);
  expect(child.alive()).toBe(false);
});

it("ends itself when the extension's runtime is gone", () => {
  let runtime = true;
  const lifetime = createLifetime(undefined, () => runtime);
  expect(lifetime.alive()).toBe(true);
  runtime = false;
  expect(lifetime.alive()).toBe(false);
  expect(lifetime.signal.aborted).toBe(true);
});

it("runs once after the next frame is drawn, or after the fallback where no frame comes", async () => {
  const lifetime = createLifetime(undefined, () => true);
  const frames: FrameRequestCallback[] = [];
  const raf = vi.spyOn(globalThis, "requestAnimationFrame").mockImplementation((callback) => frames.push(callback));
  const fired: string[] = [];
  lifetime.afterNextFrame(() => fired.push("drawn"), 1_000);
  expect(frames).toHaveLength(1);
  frames[0]!(performance.now());
  expect(fired).toEqual([]); // a task after the frame's callbacks: after it is drawn
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(fired).toEqual(["drawn"]);

  lifetime.afterNextFrame(() => fired.push("no frame"), 20); // a hidden tab: the frame never comes
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(fired).toEqual(["drawn", "no frame"]);
  frames[1]!(performance.now());
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(fired).toEqual(["drawn", "no frame"]);
  raf.mockRestore();
});

it("knows the errors of a runtime that is gone, in Chrome and Firefox, from those of a live one", () => {
  expect(isDeadRuntimeError(new Error("Extension context invalidated."))).toBe(true);
  expect(isDeadRuntimeError(new TypeError("can't access dead object"))).toBe(true);
  expect(isDeadRuntimeError("Error: Extension context invalidated.")).toBe(true);
  expect(isDeadRuntimeError(new Error("Could not establish connection. Receiving end does not exist."))).toBe(false);
});
