/** Organisation profiles the tests share. */
import type { OrgProfileInput } from "../../src/core/schema.ts";

/** A primary-care practice in one MSSP ACO with a cardiology practice (TIN and NPI) and a family practice (TIN only). */
export const HARBOR_PROFILE: OrgProfileInput = {
  organization: { name: "Maple Street Primary Care", role: "provider", tin: "11-1111111", npi: "1003000126" },
  acos: [
    {
      id: "aco-harbor",
      name: "Harbor Valley ACO",
      program: "mssp",
      participants: [
        { name: "Maple Street Primary Care", tin: "11-1111111", npi: "1003000126" },
        { name: "Lakeside Cardiology Associates", tin: "22-2222222", npi: "1234567893" },
        { name: "Riverside Family Medicine, P.C.", tin: "33-3333333" },
      ],
    },
  ],
  policy: { outsideAco: "allow", reviewCategories: [] },
};
