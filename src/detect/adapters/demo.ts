/** The bundled demo EHR portal (assets/, served on localhost): it marks its send controls with data-ehr-action. */
import type { SiteAdapter } from "./schema.ts";

export const DEMO_ADAPTER: SiteAdapter = {
  id: "demo",
  name: "ShareCheck demo EHR",
  hosts: ["localhost", "127.0.0.1"],
  controls: [
    { selector: "[data-ehr-action=referral]", kind: "referral" },
    { selector: "[data-ehr-action=share]", kind: "share" },
    { selector: "[data-ehr-action=export]", kind: "export" },
    { selector: "[data-ehr-action=fax]", kind: "fax" },
    { selector: "[data-ehr-action=direct]", kind: "direct" },
  ],
  recipientFields: ["[data-ehr-recipient]"],
  ignore: ["[data-ehr-telehealth]"],
};
