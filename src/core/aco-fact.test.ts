import { describe, expect, it } from "vitest";
import { acoFact, formatPhone } from "./aco-fact.ts";
import { evaluate } from "./evaluate.ts";
import type { DisclosureRequest, OrgProfileInput } from "./schema.ts";

const profile: OrgProfileInput = {
  organization: { name: "Maple Street Primary Care", role: "provider" },
  acos: [
    {
      id: "A1",
      name: "Riverbend Care Partners",
      program: "mssp",
      participants: [
        { name: "North Valley Clinic, PC", tin: "123456789", npi: "1234567893" },
        {
          name: "Lakeside Neurology Associates, PLLC",
          aliases: ["@direct.lakeside.example", "frontdesk@lakeside.example", "312-555-0190"],
        },
      ],
    },
    { id: "B2", name: "Lakes ACO", program: "reach", participants: [{ name: "Lakeside Neurology Associates PLLC" }] },
  ],
};

const request = (recipient: Partial<DisclosureRequest["recipient"]>): DisclosureRequest => ({
  purpose: "treatment",
  recipient: { type: "provider", ...recipient },
  information: ["general"],
});

const factFor = (r: DisclosureRequest) => acoFact(r, evaluate(r, profile), profile);
const keyFor = (r: DisclosureRequest) => factFor(r)?.memberships[0]?.key;

describe("acoFact", () => {
  it("is undefined outside every ACO", () => {
    expect(factFor(request({ name: "Faraway Orthopedics" }))).toBeUndefined();
  });

  it("names the participant, its ACO and program, and the NPI or TIN that matched", () => {
    expect(factFor(request({ npi: "1234567893" }))).toEqual({
      memberships: [
        {
          acoId: "A1",
          acoName: "Riverbend Care Partners",
          program: "mssp",
          participant: "North Valley Clinic, PC",
          key: { by: "npi", value: "1234567893" },
        },
      ],
    });
    expect(keyFor(request({ tin: "12-3456789" }))).toEqual({ by: "tin", value: "12-3456789" });
  });

  it("says what was typed and what the list has when a name (part) matched, in every ACO that lists it", () => {
    const fact = factFor(request({ name: "Dr. Helena Marsh — Lakeside Neurology Associates" }));
    expect(fact?.memberships).toEqual([
      {
        acoId: "A1",
        acoName: "Riverbend Care Partners",
        program: "mssp",
        participant: "Lakeside Neurology Associates, PLLC",
        key: { by: "name", typed: "Lakeside Neurology Associates", listed: "Lakeside Neurology Associates, PLLC" },
      },
      {
        acoId: "B2",
        acoName: "Lakes ACO",
        program: "reach",
        participant: "Lakeside Neurology Associates PLLC",
        key: { by: "name", typed: "Lakeside Neurology Associates", listed: "Lakeside Neurology Associates PLLC" },
      },
    ]);
  });

  it("tells a whole Direct address from a Direct domain, and formats a fax", () => {
    expect(keyFor(request({ directAddress: "HMarsh@direct.lakeside.example" }))).toEqual({
      by: "direct-domain",
      value: "direct.lakeside.example",
    });
    expect(keyFor(request({ name: "frontdesk@lakeside.example" }))).toEqual({ by: "direct-address", value: "frontdesk@lakeside.example" });
    expect(keyFor(request({ fax: "1 (312) 555 0190" }))).toEqual({ by: "fax", value: "312-555-0190" });
    expect(formatPhone("+1 312.555.0190")).toBe("312-555-0190");
  });

  it("without the profile, explains the verdict's own match from the request", () => {
    const r = request({ fax: "(312) 555-0190" });
    const fact = acoFact(r, evaluate(r, profile));
    expect(fact).toEqual({
      memberships: [
        {
          acoId: "A1",
          acoName: "Riverbend Care Partners",
          participant: "Lakeside Neurology Associates, PLLC",
          key: { by: "fax", value: "312-555-0190" },
        },
      ],
    });
    const d = request({ directAddress: "hmarsh@direct.lakeside.example" });
    expect(acoFact(d, evaluate(d, profile))?.memberships[0]?.key).toEqual({
      by: "direct-address",
      value: "hmarsh@direct.lakeside.example",
    });
  });

  it("says so when the caller put the recipient inside without a match", () => {
    expect(acoFact(request({ name: "Someone", inSameAco: true }), {}, profile)).toEqual({ memberships: [], caller: true });
  });
});
