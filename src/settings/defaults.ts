/** The settings of a fresh install, before the user or an administrator changes anything. */
import { SETTINGS_VERSION, type Settings } from "./schema.ts";

/** A new object every call, so no caller can mutate the defaults of another. */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    profile: {
      organization: { name: "", role: "provider" },
      acos: [],
      policy: { outsideAco: "allow", reviewCategories: [] },
    },
    mode: "confirm-risky",
    sites: [],
    audit: { enabled: false, retentionDays: 90 },
  };
}
