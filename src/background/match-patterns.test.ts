import { describe, expect, it } from "vitest";
import { covers, intersectPatterns } from "./match-patterns.ts";

describe("covers", () => {
  it.each([
    ["https://ehr.example.org/*", "https://ehr.example.org/*", true],
    ["https://EHR.example.org/*", "https://ehr.example.org/*", true],
    ["https://*/*", "https://ehr.example.org/*", true],
    ["*://*/*", "http://localhost/*", true],
    ["https://*.example.org/*", "https://ehr.example.org/*", true],
    ["https://*.example.org/*", "https://example.org/*", true],
    ["https://*.example.org/*", "https://*.ehr.example.org/*", true],
    ["http://localhost/*", "http://localhost:8080/*", true],
    ["https://ehr.example.org/*", "https://*.example.org/*", false],
    ["https://*.example.org/*", "https://badexample.org/*", false],
    ["https://ehr.example.org/*", "http://ehr.example.org/*", false],
    ["http://localhost:3000/*", "http://localhost:8080/*", false],
    ["https://ehr.example.org/app/*", "https://ehr.example.org/*", false],
    ["not a pattern", "https://ehr.example.org/*", false],
  ])("%s covers %s: %s", (outer, inner, expected) => {
    expect(covers(outer, inner)).toBe(expected);
  });
});

describe("intersectPatterns", () => {
  it("keeps wanted sites that are granted, and narrows to the grant when that is narrower", () => {
    const wanted = ["https://ehr.example.org/*", "https://*.clinic.example/*", "https://not-granted.example/*"];
    const granted = ["https://ehr.example.org/*", "https://portal.clinic.example/*", "https://unrelated.example/*"];
    expect(intersectPatterns(wanted, granted)).toEqual(["https://ehr.example.org/*", "https://portal.clinic.example/*"]);
  });

  it("grants nothing from nothing", () => {
    expect(intersectPatterns(["https://ehr.example.org/*"], [])).toEqual([]);
    expect(intersectPatterns([], ["https://*/*"])).toEqual([]);
  });
});
