import { beforeAll, describe, expect, it } from "vitest";
import { installI18n } from "../../test/support/i18n-stub.ts";
import { checkDraft } from "./participant-form.tsx";

beforeAll(installI18n);

describe("checkDraft", () => {
  it("builds the participant: name tidied, identifiers bare, aliases one per line or semicolon, addresses lower-cased", () => {
    expect(
      checkDraft({
        name: "  Lakeside  Neurology ",
        tin: "12-3456789",
        npi: "80840 1234567893",
        aliases: "Lakeside Neuro\n@Direct.Lakeside.example; (555) 010-2345\n\nlakeside neuro",
      }),
    ).toEqual({
      participant: {
        name: "Lakeside Neurology",
        tin: "123456789",
        npi: "1234567893",
        aliases: ["Lakeside Neuro", "@direct.lakeside.example", "(555) 010-2345"],
      },
    });
  });

  it("names what is wrong with each field", () => {
    expect(checkDraft({ name: " ", tin: "123", npi: "1234567890", aliases: "555-0101" })).toEqual({
      errors: {
        name: "Missing name",
        tin: "Bad TIN: not 9 digits",
        npi: "Bad NPI: not 10 digits or the check digit is wrong",
        aliases: '"555-0101" is not a name, a Direct address or domain, or a 10-digit fax number.',
      },
    });
  });
});
