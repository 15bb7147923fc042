import { describe, expect, it, vi } from "vitest";

vi.mock("./extension.ts", () => ({ browser: {} }));

const { createPanelPartLoader, PANEL_PART_HOOK } = await import("./panel-loader.ts");

const world = globalThis as Record<string, unknown>;
const part = { PanelSession: class {}, createPanelLinks: () => ({}), panelEvent: () => undefined };
/** What the background's injection does: the part leaves itself in this world. */
const injecting = (what: unknown = part) => vi.fn(async () => void (world[PANEL_PART_HOOK] = what));
/** The page's next frame, already drawn. */
const drawn = async () => undefined;

describe("panel part loader", () => {
  it("injects once and hands out the part it left, taking it off the global", async () => {
    const inject = injecting();
    const load = createPanelPartLoader(drawn, inject);
    expect(await Promise.all([load(), load()])).toEqual([part, part]);
    expect(await load()).toBe(part);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(PANEL_PART_HOOK in world).toBe(false);
  });

  it("injects only once the page's next frame is drawn, so the words just put on the page paint first", async () => {
    let draw = () => {};
    const frame = () => new Promise<void>((resolve) => (draw = resolve));
    const inject = injecting();
    const load = createPanelPartLoader(frame, inject)();
    await Promise.resolve();
    expect(inject).not.toHaveBeenCalled();
    draw();
    expect(await load).toBe(part);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it("rejects when the injection fails or leaves nothing, and tries again on the next need", async () => {
    const inject = vi.fn(async (): Promise<void> => {
      throw new Error("Cannot access contents of the page");
    });
    const load = createPanelPartLoader(drawn, inject);
    await expect(load()).rejects.toThrow(/Cannot access/);
    const empty = createPanelPartLoader(
      drawn,
      vi.fn(async () => undefined),
    );
    await expect(empty()).rejects.toThrow(/could not be loaded/);
    inject.mockImplementation(injecting());
    expect(await load()).toBe(part);
    expect(inject).toHaveBeenCalledTimes(2);
  });

  it("never takes a part an earlier copy left on the global", async () => {
    world[PANEL_PART_HOOK] = { stale: true };
    await expect(
      createPanelPartLoader(
        drawn,
        vi.fn(async () => undefined),
      )(),
    ).rejects.toThrow(/could not be loaded/);
    world[PANEL_PART_HOOK] = { stale: true };
    expect(await createPanelPartLoader(drawn, injecting())()).toBe(part);
  });
});
