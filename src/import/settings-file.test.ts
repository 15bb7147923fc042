import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings/defaults.ts";
import type { Settings } from "../settings/schema.ts";
import { exportSettingsFile, readSettingsFile } from "./settings-file.ts";

const sample = (): Settings => {
  const s = defaultSettings();
  s.profile.organization = { name: "Riverbend Health", role: "provider", tin: "123456789" };
  s.profile.acos = [{ id: "A1", name: "Valley ACO", program: "mssp", participants: [{ name: "North Clinic" }] }];
  s.profile.policy = { outsideAco: "review", reviewCategories: ["hiv"] };
  s.mode = "confirm-all";
  s.sites = ["https://ehr.example.org/*"];
  s.userSet = ["mode"];
  return s;
};

describe("settings file", () => {
  it("round-trips through export and import, leaving out this browser's own bookkeeping", () => {
    const text = exportSettingsFile(sample(), new Date("2026-01-02T03:04:05Z"));
    const json = JSON.parse(text);
    expect(json).toMatchObject({ format: "sharecheck-settings", version: 1, exportedAt: "2026-01-02T03:04:05.000Z" });
    const back = readSettingsFile(text);
    const { userSet: _u, ...expected } = sample();
    expect(back).toEqual({ ok: true, settings: expected });
  });

  it("says a file is not JSON", () => {
    expect(readSettingsFile("name,tin\n")).toEqual({ ok: false, problem: { code: "not-json" } });
  });

  it("says a JSON file is not a ShareCheck settings file", () => {
    expect(readSettingsFile('{"hello":"world"}')).toEqual({ ok: false, problem: { code: "not-settings-file" } });
    expect(readSettingsFile("[]")).toEqual({ ok: false, problem: { code: "not-settings-file" } });
  });

  it("refuses a file from a newer version", () => {
    const text = exportSettingsFile(sample()).replace('"version": 1', '"version": 99');
    expect(readSettingsFile(text)).toEqual({ ok: false, problem: { code: "newer-version", version: 99 } });
  });

  it("names the bad field", () => {
    const json = JSON.parse(exportSettingsFile(sample()));
    json.settings.mode = "sometimes";
    const result = readSettingsFile(JSON.stringify(json));
    expect(result).toMatchObject({ ok: false, problem: { code: "invalid", path: "mode" } });
    json.settings.mode = "off";
    json.settings.sites = ["<all_urls>"];
    expect(readSettingsFile(JSON.stringify(json))).toMatchObject({ ok: false, problem: { code: "invalid", path: "sites.0" } });
  });
});
