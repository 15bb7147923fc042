/**
 * The demo builds (dist/demo-*) start with a demo organisation in a demo ACO whose participants are providers of
 * the bundled demo EHR portal (assets/demo), so the demo and its screenshots show a verdict inside an ACO: matched
 * by NPI, by a Direct domain alias and by a fax alias. A build is the demo when its manifest watches the demo
 * portal's hosts, which only the demo manifests do (src/tools/manifest.ts); the shipped builds start empty.
 */
import { DEMO_HOSTS } from "../tools/manifest.ts";
import { defaultSettings } from "./defaults.ts";
import type { Settings } from "./schema.ts";

export function isDemoBuild(hostPermissions: readonly string[]): boolean {
  return DEMO_HOSTS.every((host) => hostPermissions.includes(host));
}

export function demoSettings(): Settings {
  const settings = defaultSettings();
  settings.profile.organization = { name: "Riverbend Health (demo)", role: "provider" };
  settings.profile.acos = [
    {
      id: "A9001",
      name: "Riverbend Valley ACO (demo)",
      program: "mssp",
      participants: [
        { name: "Riverbend Health (demo)" },
        {
          name: "Lakeside Cardiology Associates, PLLC",
          npi: "1234567893",
          aliases: ["@direct.lakesidecardiology.example", "(555) 010-2345"],
        },
        { name: "Harbor Valley Home Health, LLC", aliases: ["(555) 010-7788"] },
      ],
    },
  ];
  return settings;
}

/** What a fresh install starts with: the demo organisation in a demo build, the defaults otherwise. */
export function freshSettings(hostPermissions: readonly string[]): Settings {
  return isDemoBuild(hostPermissions) ? demoSettings() : defaultSettings();
}
