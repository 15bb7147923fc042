import { describe, expect, it } from "vitest";
import { defaultSettings } from "./defaults.ts";
import { repairSettings } from "./repair.ts";
import { SETTINGS_VERSION, Settings } from "./schema.ts";

const good: Settings = {
  ...defaultSettings(),
  profile: {
    organization: { name: "Riverside Family Medicine", role: "provider", tin: "123456789" },
    acos: [{ id: "A1234", name: "Valley ACO", program: "mssp", participants: [{ name: "Lakeside Cardiology", npi: "1234567893" }] }],
    policy: { outsideAco: "review", reviewCategories: ["hiv"] },
    state: "TX",
  },
  mode: "advise",
  sites: ["https://ehr.example.org/*"],
  audit: { enabled: true, retentionDays: 30 },
};

describe("repairSettings", () => {
  it("gives defaults quietly on a fresh install", () => {
    expect(repairSettings(undefined)).toEqual({ settings: defaultSettings(), problems: [], changed: false });
  });

  it("keeps valid current settings untouched", () => {
    expect(repairSettings(structuredClone(good))).toEqual({ settings: good, problems: [], changed: false });
  });

  it.each([
    ["a string", "{not json"],
    ["a number", 42],
    ["null", null],
    ["an array", [1, 2, 3]],
    ["a boolean", true],
    ["an object with nothing we know", { hello: "world" }],
  ])("resets %s to defaults with a notice", (_, raw) => {
    const result = repairSettings(raw);
    expect(result.settings).toEqual(defaultSettings());
    expect(result.problems).toEqual([{ kind: "unreadable" }]);
    expect(result.changed).toBe(true);
  });

  it("resets settings from a future version rather than misreading them", () => {
    const result = repairSettings({ ...good, version: SETTINGS_VERSION + 1 });
    expect(result.settings).toEqual(defaultSettings());
    expect(result.problems).toEqual([{ kind: "future-version", version: SETTINGS_VERSION + 1 }]);
  });

  it("resets only the damaged fields and keeps the rest (the ACO list survives a bad mode)", () => {
    const raw = { ...structuredClone(good), mode: "sometimes", sites: "https://ehr.example.org/*" };
    const result = repairSettings(raw);
    expect(result.problems).toEqual([{ kind: "fields-reset", fields: ["mode", "sites"] }]);
    expect(result.settings.mode).toBe("confirm-risky");
    expect(result.settings.sites).toEqual([]);
    expect(result.settings.profile.acos).toEqual(good.profile.acos);
    expect(result.settings.profile.state).toBe("TX");
    expect(result.changed).toBe(true);
  });

  it("resets a wrongly typed profile part but keeps top-level fields", () => {
    const raw = { ...structuredClone(good), profile: { ...good.profile, organization: { name: 7 }, acos: "many" } };
    const result = repairSettings(raw);
    expect(result.problems).toEqual([{ kind: "fields-reset", fields: ["organization", "acos"] }]);
    expect(result.settings.profile.organization).toEqual(defaultSettings().profile.organization);
    expect(result.settings.profile.policy).toEqual(good.profile.policy);
    expect(result.settings.mode).toBe("advise");
  });

  it("mends a damaged participant (bad aliases) instead of resetting the whole ACO list", () => {
    const raw = structuredClone(good) as unknown as { profile: { acos: { participants: unknown[] }[] } };
    raw.profile.acos[0]!.participants.push(
      { name: "Bad Aliases Clinic", aliases: "not a list" },
      { name: 7 },
      { name: "Fine Clinic", aliases: ["@direct.fine.example"] },
    );
    const result = repairSettings(raw);
    expect(result.problems).toEqual([{ kind: "acos-repaired", count: 2 }]);
    expect(result.settings.profile.acos[0]!.participants).toEqual([
      ...good.profile.acos[0]!.participants,
      { name: "Bad Aliases Clinic" },
      { name: "Fine Clinic", aliases: ["@direct.fine.example"] },
    ]);
    expect(result.settings.mode).toBe("advise");
    expect(result.changed).toBe(true);
  });

  it("survives a profile that is not an object", () => {
    const result = repairSettings({ version: SETTINGS_VERSION, profile: null, mode: "off" });
    expect(result.settings.mode).toBe("off");
    expect(result.settings.profile).toEqual(defaultSettings().profile);
  });

  it("drops a damaged userSet without reporting it (it is bookkeeping, not a user's setting)", () => {
    const result = repairSettings({ ...structuredClone(good), mode: 3, userSet: ["nonsense"] });
    expect(result.settings.userSet).toBeUndefined();
    expect(result.problems).toEqual([{ kind: "fields-reset", fields: ["mode"] }]);
  });

  it("accepts complete settings that lost only their version number, quietly, and rewrites them", () => {
    const { version: _, ...unversioned } = structuredClone(good);
    expect(repairSettings(unversioned)).toEqual({ settings: good, problems: [], changed: true });
  });

  it("names missing required fields when the rest is partial", () => {
    const result = repairSettings({ version: SETTINGS_VERSION, mode: "off", sites: [] });
    expect(result.settings.mode).toBe("off");
    expect(result.problems).toEqual([{ kind: "fields-reset", fields: ["organization", "acos", "policy", "audit"] }]);
  });

  it("always returns settings that pass the schema, whatever it is given", () => {
    const odd: unknown[] = [
      { version: "1" },
      { version: 1.5, mode: "off" },
      { version: -3 },
      { version: SETTINGS_VERSION, audit: { retentionDays: 0 } },
    ];
    for (const raw of odd) {
      const { settings, problems } = repairSettings(raw);
      expect(Settings.safeParse(settings).success).toBe(true);
      expect(problems.length).toBeGreaterThan(0);
    }
  });
});
