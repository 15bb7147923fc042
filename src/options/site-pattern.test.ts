import { describe, expect, it } from "vitest";
import { siteLabel, sitePattern } from "./site-pattern.ts";

describe("sitePattern", () => {
  it("turns an origin, a bare host or a full address into a match pattern", () => {
    expect(sitePattern("https://ehr.example.org")).toBe("https://ehr.example.org/*");
    expect(sitePattern("ehr.example.org")).toBe("https://ehr.example.org/*");
    expect(sitePattern("  https://EHR.Example.org/patients/123?id=9  ")).toBe("https://ehr.example.org/*");
    expect(sitePattern("http://localhost:8080/")).toBe("http://localhost/*");
    expect(sitePattern("http://127.0.0.1:3000")).toBe("http://127.0.0.1/*");
  });

  it("refuses what is not a web origin", () => {
    for (const bad of [
      "",
      "   ",
      "ftp://files.example.org",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "not a site",
      "https://user:pw@ehr.example.org",
      "intranet",
    ]) {
      expect(sitePattern(bad), bad).toBeUndefined();
    }
  });

  it("shows a pattern as an origin", () => {
    expect(siteLabel("https://ehr.example.org/*")).toBe("https://ehr.example.org");
  });
});
