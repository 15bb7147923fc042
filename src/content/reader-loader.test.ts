// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { pageReader } from "../detect/reader.ts";
import { createLifetime } from "./lifetime.ts";
import { createReaderLoader, loadWhenApproached, READER_PART_HOOK, ReaderNotLoaded } from "./reader-loader.ts";

const world = globalThis as Record<string, unknown>;
/** What the background's injection does: the part leaves itself in this world. */
const injecting = (what: unknown = pageReader) => vi.fn(async () => void (world[READER_PART_HOOK] = what));

describe("reader part loader", () => {
  it("reads nothing until the part is here, then reads with it; injects once", async () => {
    document.body.innerHTML = `<label>Refer to <input value="Dr. Ruiz"></label><button id="send">Send referral</button>`;
    const send = document.getElementById("send")!;
    const inject = injecting();
    const reader = createReaderLoader(inject);
    expect(reader.ready()).toBe(false);
    expect(() => reader.readRecipient(send)).toThrow(ReaderNotLoaded);
    expect(() => reader.readCues(send)).toThrow(ReaderNotLoaded);
    await Promise.all([reader.load(), reader.load()]);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(reader.ready()).toBe(true);
    expect(reader.readRecipient(send)?.name).toBe("Dr. Ruiz");
    expect(READER_PART_HOOK in world).toBe(false);
  });

  it("tries again after a failed load, and a load that left nothing is a failure", async () => {
    const nothing = vi.fn(async () => undefined);
    const reader = createReaderLoader(nothing);
    await expect(reader.load()).rejects.toThrow();
    await expect(reader.load()).rejects.toThrow();
    expect(nothing).toHaveBeenCalledTimes(2);
    expect(reader.ready()).toBe(false);
  });

  it("comes at the pointer's first move over the frame, once; never on a page no one approaches", async () => {
    const inject = injecting();
    const reader = createReaderLoader(inject);
    const lifetime = createLifetime(undefined, () => true);
    loadWhenApproached(window, reader, lifetime);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inject).not.toHaveBeenCalled(); // loaded, idle, untouched: nothing
    window.dispatchEvent(new PointerEvent("pointermove"));
    window.dispatchEvent(new PointerEvent("pointermove"));
    await vi.waitFor(() => expect(reader.ready()).toBe(true));
    expect(inject).toHaveBeenCalledTimes(1);
    lifetime.end();
  });

  it("a lifetime ended before the pointer moved loads nothing", () => {
    const inject = injecting();
    const lifetime = createLifetime(undefined, () => true);
    loadWhenApproached(window, createReaderLoader(inject), lifetime);
    lifetime.end();
    window.dispatchEvent(new PointerEvent("pointermove"));
    expect(inject).not.toHaveBeenCalled();
  });
});
