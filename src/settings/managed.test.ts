import { describe, expect, it } from "vitest";
import { isNoPolicyError, parseManagedPolicy, readManagedPolicy } from "./managed.ts";

describe("parseManagedPolicy", () => {
  it("reads enforced fields and defaults, with schema defaults applied", () => {
    const { policy, invalid } = parseManagedPolicy({
      mode: { value: "confirm-all", enforced: true },
      policy: { value: { outsideAco: "review" }, enforced: false },
      state: { value: "CA", enforced: true },
    });
    expect(invalid).toEqual([]);
    expect(policy).toEqual({
      mode: { value: "confirm-all", enforced: true },
      policy: { value: { outsideAco: "review", reviewCategories: [] }, enforced: false },
      state: { value: "CA", enforced: true },
    });
  });

  it("ignores invalid fields one by one and keeps the valid ones", () => {
    const { policy, invalid } = parseManagedPolicy({
      mode: { value: "always", enforced: true },
      sites: { value: ["https://ehr.example.org/*"], enforced: true },
      acos: ["not", "wrapped"],
      audit: { value: { enabled: true } },
      organization: { value: { name: "Riverside", role: "provider" }, enforced: "yes" },
    });
    expect(policy).toEqual({ sites: { value: ["https://ehr.example.org/*"], enforced: true } });
    expect(invalid).toEqual(["organization", "acos", "mode", "audit"]);
  });

  it("ignores unknown keys and non-objects", () => {
    expect(parseManagedPolicy({ futureField: { value: 1, enforced: true } })).toEqual({ policy: {}, invalid: [] });
    expect(parseManagedPolicy("nonsense")).toEqual({ policy: {}, invalid: [] });
  });
});

describe("readManagedPolicy", () => {
  it("treats Firefox's missing managed manifest as no policy", async () => {
    const area = { get: () => Promise.reject(new Error("Managed storage manifest not found")) };
    expect(isNoPolicyError(new Error("Managed storage manifest not found"))).toBe(true);
    expect(await readManagedPolicy(area)).toEqual({ policy: {}, problems: [] });
  });

  it("treats Chrome's empty policy and a missing managed area as no policy", async () => {
    expect(await readManagedPolicy({ get: async () => ({}) })).toEqual({ policy: {}, problems: [] });
    expect(await readManagedPolicy(undefined)).toEqual({ policy: {}, problems: [] });
  });

  it("reports any other read failure instead of silently dropping the admin's policy", async () => {
    const area = { get: () => Promise.reject(new Error("IO error")) };
    expect(await readManagedPolicy(area)).toEqual({ policy: {}, problems: [{ kind: "managed-unreadable" }] });
  });

  it("reports invalid fields", async () => {
    const area = { get: async () => ({ mode: { value: 3, enforced: true }, state: { value: "TX", enforced: false } }) };
    expect(await readManagedPolicy(area)).toEqual({
      policy: { state: { value: "TX", enforced: false } },
      problems: [{ kind: "managed-invalid", fields: ["mode"] }],
    });
  });
});
