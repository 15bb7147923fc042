import { afterEach, describe, expect, it, vi } from "vitest";

let answer: (reply: { mode: string }) => void = () => undefined;
vi.mock("./wire.ts", () => ({
  sendToBackground: () => new Promise((resolve) => (answer = resolve)),
}));
vi.mock("./extension.ts", () => ({
  browser: { storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } } },
}));
const { watchMode } = await import("./mode.ts");
const { createLifetime } = await import("./lifetime.ts");

const lifetime = createLifetime(undefined, () => true);
afterEach(() => lifetime.end());

describe("watchMode", () => {
  it("holds everything until the first answer (a cached allowed must not slip past confirm-all), then reports the answer", async () => {
    const seen: string[] = [];
    const mode = watchMode(
      lifetime,
      () => undefined,
      (m) => seen.push(m),
    );
    expect(mode.current()).toBe("confirm-all");
    answer({ mode: "confirm-risky" });
    expect(await mode.settled()).toBe("confirm-risky");
    expect(mode.current()).toBe("confirm-risky");
    expect(seen).toEqual(["confirm-risky"]);
  });
});
