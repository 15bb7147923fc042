import { describe, expect, it } from "vitest";
import { recipientFromText } from "./recipient-combobox.tsx";
import { recipientGiven } from "./recipient-given.ts";

describe("recipientFromText", () => {
  it("reads an address as a Direct address and a phone-shaped number as a fax", () => {
    expect(recipientFromText(" hmarsh@direct.lakeside.example ")).toEqual({ directAddress: "hmarsh@direct.lakeside.example" });
    expect(recipientFromText("312-555-0190")).toEqual({ fax: "312-555-0190" });
    expect(recipientFromText("(312) 555 0190")).toEqual({ fax: "(312) 555 0190" });
    expect(recipientFromText("+1 312 555 0190")).toEqual({ fax: "+1 312 555 0190" });
    expect(recipientFromText("Fax: 3125550190")).toEqual({ fax: "3125550190" });
  });

  it("reads a bare 10-digit number as an NPI only when its check digit is right", () => {
    expect(recipientFromText("1234567893")).toEqual({ npi: "1234567893" });
    expect(recipientFromText("3125550190")).toEqual({ fax: "3125550190" });
    expect(recipientFromText("808401234567893")).toEqual({ npi: "808401234567893" });
  });

  it("reads 9 digits as a TIN and anything else as a name", () => {
    expect(recipientFromText("12-3456789")).toEqual({ tin: "123456789" });
    expect(recipientFromText("123 45 6789")).toEqual({ tin: "123456789" });
    expect(recipientFromText("Dr. Helena Marsh — Lakeside Neurology")).toEqual({ name: "Dr. Helena Marsh — Lakeside Neurology" });
    expect(recipientFromText("  ")).toEqual({});
  });
});

describe("recipientGiven", () => {
  it("needs a name, address, number or identifier for a provider, not for a recipient the type names", () => {
    expect(recipientGiven({ recipient: { type: "provider" } })).toBe(false);
    expect(recipientGiven({ recipient: { type: "provider", name: "  " } })).toBe(false);
    expect(recipientGiven({ recipient: { type: "provider", name: "Lakeside" } })).toBe(true);
    expect(recipientGiven({ recipient: { type: "provider", fax: "312-555-0190" } })).toBe(true);
    expect(recipientGiven({ recipient: { type: "patient" } })).toBe(true);
  });
});
