import { describe, expect, it } from "vitest";
import { defaultSettings } from "./defaults.ts";
import type { ManagedPolicy } from "./managed.ts";
import { applyUserSave, mergeSettings } from "./merge.ts";
import type { Settings } from "./schema.ts";

const valleyAco = { id: "A1234", name: "Valley ACO", participants: [{ name: "Lakeside Cardiology", tin: "123456789" }] };

const user: Settings = {
  ...defaultSettings(),
  profile: { ...defaultSettings().profile, organization: { name: "Riverside Clinic", role: "provider" } },
  mode: "advise",
  sites: ["https://ehr.example.org/*"],
};

describe("mergeSettings", () => {
  it("returns the user's settings unchanged without a policy", () => {
    expect(mergeSettings(user, {})).toEqual({ settings: user, locked: [] });
  });

  it("applies enforced fields over the user's values and locks them", () => {
    const policy: ManagedPolicy = { mode: { value: "confirm-all", enforced: true }, acos: { value: [valleyAco], enforced: true } };
    const { settings, locked } = mergeSettings({ ...user, userSet: ["mode"] }, policy);
    expect(settings.mode).toBe("confirm-all");
    expect(settings.profile.acos).toEqual([valleyAco]);
    expect(settings.profile.organization.name).toBe("Riverside Clinic");
    expect(locked).toEqual(["acos", "mode"]);
  });

  it("applies a non-enforced default only to fields the user has not set", () => {
    const policy: ManagedPolicy = { mode: { value: "confirm-all", enforced: false }, state: { value: "TX", enforced: false } };
    const { settings, locked } = mergeSettings({ ...user, userSet: ["mode"] }, policy);
    expect(settings.mode).toBe("advise");
    expect(settings.profile.state).toBe("TX");
    expect(locked).toEqual([]);
  });

  it("does not modify its inputs", () => {
    const copy = structuredClone(user);
    mergeSettings(user, { organization: { value: { name: "Admin Org", role: "health-plan" }, enforced: true } });
    expect(user).toEqual(copy);
  });
});

describe("applyUserSave", () => {
  it("marks the fields the user changed as user-set", () => {
    const next = applyUserSave(user, { ...user, mode: "off" }, {});
    expect(next.mode).toBe("off");
    expect(next.userSet).toEqual(["mode"]);
  });

  it("keeps an enforced field as the user had stored it, so the admin value stays the admin's", () => {
    const policy: ManagedPolicy = { mode: { value: "confirm-all", enforced: true } };
    const seen = mergeSettings(user, policy).settings;
    const next = applyUserSave(user, { ...seen, mode: "off", sites: ["https://other.example.org/*"] }, policy);
    expect(next.mode).toBe("advise");
    expect(next.sites).toEqual(["https://other.example.org/*"]);
    expect(next.userSet).toEqual(["sites"]);
    expect(mergeSettings(next, policy).settings.mode).toBe("confirm-all");
  });

  it("does not bake an untouched admin default into the user's settings", () => {
    const policy: ManagedPolicy = { state: { value: "TX", enforced: false } };
    const seen = mergeSettings(user, policy).settings;
    const next = applyUserSave(user, { ...seen, mode: "off" }, policy);
    expect(next.profile.state).toBeUndefined();
    expect(next.userSet).toEqual(["mode"]);
    // The admin later changes the default: the user, who never touched it, follows.
    expect(mergeSettings(next, { state: { value: "CA", enforced: false } }).settings.profile.state).toBe("CA");
  });

  it("lets the user override a default, and the override survives a policy change", () => {
    const policy: ManagedPolicy = { mode: { value: "confirm-all", enforced: false } };
    const seen = mergeSettings(user, policy).settings;
    const next = applyUserSave(user, { ...seen, mode: "advise" }, policy);
    expect(next.userSet).toEqual(["mode"]);
    expect(mergeSettings(next, { mode: { value: "off", enforced: false } }).settings.mode).toBe("advise");
  });

  it("ignores key order when deciding whether a field changed, and ignores a userSet sent by the page", () => {
    const stored: Settings = { ...user, profile: { ...user.profile, policy: { outsideAco: "review", reviewCategories: ["hiv"] } } };
    const submitted: Settings = {
      ...stored,
      profile: { ...stored.profile, policy: { reviewCategories: ["hiv"], outsideAco: "review" } },
      userSet: ["audit"],
    };
    expect(applyUserSave(stored, submitted, {}).userSet).toBeUndefined();
  });
});
