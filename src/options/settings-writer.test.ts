import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings/defaults.ts";
import type { Settings } from "../settings/schema.ts";
import { createSettingsWriter, rebase } from "./settings-writer.ts";

/** A background that takes a while to store each write, as the real one does (storage.local is asynchronous). */
function slowStore(initial: Settings) {
  let stored = initial;
  const saved: Settings[] = [];
  const send = async (next: Settings) => {
    await new Promise((r) => setTimeout(r, 5));
    stored = structuredClone(next);
    saved.push(stored);
    return stored;
  };
  return { send, saved, stored: () => stored };
}

describe("rebase", () => {
  const base = defaultSettings();

  it("applies only what an edit changed, key by key, over the latest settings", () => {
    const latest: Settings = {
      ...base,
      mode: "advise",
      profile: { ...base.profile, organization: { ...base.profile.organization, tin: "111111111" } },
    };
    const edit: Settings = {
      ...base,
      profile: { ...base.profile, organization: { ...base.profile.organization, name: "Riverbend Health" } },
    };
    const out = rebase(base, edit, latest);
    expect(out.mode).toBe("advise");
    expect(out.profile.organization).toEqual({ name: "Riverbend Health", role: "provider", tin: "111111111" });
  });

  it("removes what the edit removed, and keeps latest when the edit changed nothing", () => {
    const withState: Settings = { ...base, profile: { ...base.profile, state: "TX" } };
    const latest: Settings = { ...withState, mode: "off" };
    expect(rebase(withState, base, latest).profile.state).toBeUndefined();
    expect(rebase(withState, withState, latest)).toBe(latest);
  });
});

describe("createSettingsWriter", () => {
  it("two edits made together from different sections both persist", async () => {
    const shown = defaultSettings();
    const store = slowStore(shown);
    const writer = createSettingsWriter(shown, store.send);
    // Both sections built their edit from the same settings the page showed, before either write came back.
    const orgEdit: Settings = {
      ...shown,
      profile: { ...shown.profile, organization: { ...shown.profile.organization, name: "Riverbend Health" } },
    };
    const modeEdit: Settings = { ...shown, mode: "confirm-all" };
    await Promise.all([
      writer.write((latest) => rebase(shown, orgEdit, latest)),
      writer.write((latest) => rebase(shown, modeEdit, latest)),
    ]);
    expect(store.stored().profile.organization.name).toBe("Riverbend Health");
    expect(store.stored().mode).toBe("confirm-all");
    expect(store.saved).toHaveLength(2);
  });

  it("a failed write is reported to its caller and later writes still run on the last stored settings", async () => {
    const shown = defaultSettings();
    let fail = true;
    const writer = createSettingsWriter(shown, async (next) => {
      if (fail) {
        fail = false;
        throw new Error("quota");
      }
      return next;
    });
    await expect(writer.write((s) => ({ ...s, mode: "off" }))).rejects.toThrow("quota");
    expect((await writer.write((s) => ({ ...s, sites: ["https://ehr.example.org/*"] }))).mode).toBe("confirm-risky");
  });
});
