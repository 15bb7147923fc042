import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  browserManifest,
  DEMO_CHROME_ID,
  DEMO_CHROME_KEY,
  DEMO_HOSTS,
  demoManifest,
  GECKO_ID,
  manifestProblems,
  type Manifest,
} from "./manifest.ts";
import { createHash } from "node:crypto";

const source = JSON.parse(readFileSync(new URL("../../manifest.json", import.meta.url), "utf8")) as Manifest;

describe("manifest derivation", () => {
  it("keeps manifest.json as it is for Chrome, and it passes the shipped checks", () => {
    expect(browserManifest(source, "chrome")).toEqual(source);
    expect(manifestProblems(source, "chrome")).toEqual([]);
  });

  it("gives Firefox an event page, a stable gecko id, no data collection and no use_dynamic_url", () => {
    const before = structuredClone(source);
    const firefox = browserManifest(source, "firefox");
    expect(firefox.background).toEqual({ scripts: [source.background!.service_worker], type: "module" });
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: GECKO_ID, data_collection_permissions: { required: ["none"] } },
    });
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.web_accessible_resources!.every((r) => !("use_dynamic_url" in r))).toBe(true);
    expect(source).toEqual(before); // the source is not mutated
    expect(manifestProblems(firefox, "firefox")).toEqual([]);
  });

  it("adds exactly the local demo hosts to the demo builds, and the pinned key to demo Chrome", () => {
    const chrome = demoManifest(source, "chrome");
    expect(chrome.host_permissions).toEqual(DEMO_HOSTS);
    expect(chrome.key).toBe(DEMO_CHROME_KEY);
    expect(demoManifest(source, "firefox").key).toBeUndefined();
    expect(manifestProblems(chrome, "demo-chrome")).toEqual([]);
  });

  it("pins the demo Chrome id to the key (Chrome's id is the key's SHA-256, hex digits mapped to a-p)", () => {
    const hash = createHash("sha256").update(Buffer.from(DEMO_CHROME_KEY, "base64")).digest("hex").slice(0, 32);
    expect([...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("")).toBe(DEMO_CHROME_ID);
  });

  it("flags the demo hosts, <all_urls> and a loose CSP in a shipped build", () => {
    const bad = {
      ...demoManifest(source, "chrome"),
      permissions: ["<all_urls>"],
      content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" },
    };
    const problems = manifestProblems(bad, "chrome");
    expect(problems).toHaveLength(4);
  });
});
