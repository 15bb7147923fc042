import { describe, expect, it } from "vitest";
import { MemoryArea } from "../../test/support/memory-area.ts";
import { defaultSettings } from "./defaults.ts";
import { BACKUP_KEY, NOTICE_KEY, SETTINGS_KEY, loadSettings, saveSettings } from "./store.ts";

const now = () => new Date("2025-03-01T12:00:00Z");

describe("settings store", () => {
  it("loads defaults on a fresh install and writes nothing", async () => {
    const area = new MemoryArea();
    expect(await loadSettings(area, now)).toEqual({ settings: defaultSettings(), problems: [] });
    expect(area.writes).toEqual([]);
  });

  it("starts a fresh install with what it is given (the demo organisation), writing nothing until the user saves", async () => {
    const area = new MemoryArea();
    const demo = { ...defaultSettings(), mode: "advise" as const };
    expect(await loadSettings(area, now, () => demo)).toEqual({ settings: demo, problems: [] });
    expect(area.writes).toEqual([]);
  });

  it("keeps a corrupted value as a backup, stores defaults and remembers the notice", async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: '{"version":1,"profile":' });
    const loaded = await loadSettings(area, now);
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.problems).toEqual([{ kind: "unreadable" }]);
    expect(area.data.get(BACKUP_KEY)).toEqual({
      savedAt: "2025-03-01T12:00:00.000Z",
      problems: [{ kind: "unreadable" }],
      value: '{"version":1,"profile":',
    });
    expect(area.data.get(SETTINGS_KEY)).toEqual(defaultSettings());

    // The service worker restarts: the repaired value loads cleanly, but the notice is still shown.
    const again = await loadSettings(area, now);
    expect(again.problems).toEqual([{ kind: "unreadable" }]);
    expect(area.writes).toHaveLength(1);
  });

  it("clears the notice when the user saves, and keeps the backup", async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: 17 });
    await loadSettings(area, now);
    await saveSettings(area, { ...defaultSettings(), mode: "advise" });
    expect(await loadSettings(area, now)).toEqual({ settings: { ...defaultSettings(), mode: "advise" }, problems: [] });
    expect(area.data.has(BACKUP_KEY)).toBe(true);
    expect(area.data.has(NOTICE_KEY)).toBe(false);
  });

  it("ignores a damaged notice instead of failing", async () => {
    const area = new MemoryArea({ [SETTINGS_KEY]: defaultSettings(), [NOTICE_KEY]: "??" });
    expect(await loadSettings(area, now)).toEqual({ settings: defaultSettings(), problems: [] });
  });
});
