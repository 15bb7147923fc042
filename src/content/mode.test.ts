import { expect, it, vi } from "vitest";
import { SETTINGS_KEY } from "../settings/store.ts";

vi.mock("../platform/browser.ts", () => ({ browser: {} }));

it("watches the key the settings store writes", async () => {
  const { WATCHED_KEY } = await import("./mode.ts");
  expect(WATCHED_KEY).toBe(SETTINGS_KEY);
});
