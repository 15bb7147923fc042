import { describe, expect, it } from "vitest";
import { DisclosureRequest } from "../core/schema.ts";
import { buildRequest } from "./action-request.ts";

describe("request from detection", () => {
  it("infers treatment by a provider for a referral, with the recipient read off the page", () => {
    const request = buildRequest("referral", { text: "Dr. Ana Ruiz, NPI 1234567893", name: "Dr. Ana Ruiz", npi: "1234567893" });
    expect(request).toEqual({
      purpose: "treatment",
      recipient: { type: "provider", name: "Dr. Ana Ruiz", npi: "1234567893" },
      information: ["general"],
    });
    expect(DisclosureRequest.safeParse(request).success).toBe(true);
  });

  it("passes the organisation, Direct address and fax the page shows apart (contract v1.1), for ACO matching", () => {
    const recipient = {
      text: "Maya Chen, MD",
      name: "Maya Chen, MD",
      organization: "Lakeside Cardiology",
      directAddress: "mchen@direct.lakeside.example",
      fax: "(555) 010-2323",
    };
    const request = buildRequest("share", recipient);
    expect(request.recipient).toEqual({
      type: "other",
      name: "Maya Chen, MD",
      organization: "Lakeside Cardiology",
      directAddress: "mchen@direct.lakeside.example",
      fax: "(555) 010-2323",
    });
    expect(DisclosureRequest.safeParse(request).success).toBe(true);
  });

  it("asks (needs review) when the purpose is unknown, never assumes", () => {
    const request = buildRequest("fax", { text: "(555) 010-2000", fax: "(555) 010-2000" });
    expect(request.purpose).toBe("other");
    expect(request.otherPurpose).toBe("unspecified");
    expect(request.recipient.type).toBe("other");
  });
});
