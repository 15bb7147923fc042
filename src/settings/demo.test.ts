import { describe, expect, it } from "vitest";
import { evaluate } from "../core/index.ts";
import { DEMO_HOSTS } from "../tools/manifest.ts";
import { defaultSettings } from "./defaults.ts";
import { demoSettings, freshSettings } from "./demo.ts";
import { Settings } from "./schema.ts";

describe("demo settings", () => {
  it("only a build that watches the demo portal starts with the demo organisation", () => {
    expect(freshSettings(DEMO_HOSTS)).toEqual(demoSettings());
    expect(freshSettings([])).toEqual(defaultSettings());
    expect(freshSettings(["http://localhost/*"])).toEqual(defaultSettings());
  });

  it("are valid settings whose ACO matches the demo portal's Lakeside Cardiology by NPI", () => {
    const settings = Settings.parse(demoSettings());
    const verdict = evaluate(
      { purpose: "treatment", recipient: { type: "provider", name: "Lakeside Cardiology Associates", npi: "1234567893" } },
      settings.profile,
    );
    expect(verdict.acoMatch).toMatchObject({ acoId: "A9001", participant: "Lakeside Cardiology Associates, PLLC" });
  });

  it("keeps a Direct domain alias and a fax alias for the portal's Direct and fax pages", () => {
    const lakeside = demoSettings().profile.acos[0]!.participants.find((p) => p.name.startsWith("Lakeside"));
    expect(lakeside?.aliases).toEqual(["@direct.lakesidecardiology.example", "(555) 010-2345"]);
  });
});
