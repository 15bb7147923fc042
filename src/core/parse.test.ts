import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { evaluate } from "./evaluate.ts";
import { formatIssues, parseRequest } from "./parse.ts";

function messages(input: unknown): string[] {
  const result = parseRequest(input);
  if (result.success) throw new Error("expected a rejection");
  return formatIssues(result.error);
}

describe("parseRequest and formatIssues", () => {
  it("accepts a valid request and fills the information default", () => {
    const result = parseRequest({ purpose: "payment", recipient: { type: "health-plan" }, extra: 1 });
    expect(result).toEqual({ success: true, data: { purpose: "payment", recipient: { type: "health-plan" }, information: ["general"] } });
  });
  it("names the missing purpose", () => {
    expect(messages({ recipient: { type: "provider" } })).toEqual([
      expect.stringMatching(/^purpose: Invalid option: expected one of "treatment"\|/),
    ]);
  });
  it("names an unknown enum value with its path", () => {
    expect(messages({ purpose: "treatment", recipient: { type: "hospital" } })).toEqual([
      expect.stringMatching(/^recipient\.type: Invalid option/),
    ]);
    expect(messages({ purpose: "treatment", recipient: { type: "provider" }, information: ["general", "dental"] })).toEqual([
      expect.stringMatching(/^information\.1: /),
    ]);
    expect(messages({ purpose: "other", otherPurpose: "lawsuit", recipient: { type: "other" } })[0]).toMatch(/^otherPurpose: /);
  });
  it("names wrong types", () => {
    expect(messages({ purpose: "treatment", recipient: { type: "provider", inSameAco: "yes" } })[0]).toMatch(
      /^recipient\.inSameAco: Invalid input: expected boolean/,
    );
    expect(messages({ purpose: "treatment", recipient: { type: "provider" }, patient: { part2Consent: true } })[0]).toMatch(
      /^patient\.part2Consent: /,
    );
    expect(messages({ purpose: "treatment", recipient: "Dr Smith" })[0]).toMatch(/^recipient: Invalid input: expected object/);
    expect(messages({ purpose: "treatment", recipient: { type: "provider" }, information: "general" })[0]).toMatch(/^information: /);
  });
  it("names the whole request when it is not an object", () => {
    expect(messages(null)).toEqual([expect.stringMatching(/^\(request\): Invalid input: expected object/)]);
    expect(messages([1])[0]).toMatch(/^\(request\): /);
  });
  it("evaluate throws the same ZodError", () => {
    expect(() => evaluate({ purpose: "sharing", recipient: { type: "provider" } })).toThrow(ZodError);
    try {
      evaluate({ recipient: { type: "provider" } });
    } catch (error) {
      expect(formatIssues(error as ZodError)[0]).toMatch(/^purpose: /);
    }
  });
});
