// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createDetector } from "../detector.ts";
import { adapterForHost, DEMO_ADAPTER, SiteAdapter } from "./index.ts";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("site adapters", () => {
  it("the bundled demo adapter is valid and matches the demo portal's hosts on any port", () => {
    expect(SiteAdapter.parse(DEMO_ADAPTER)).toEqual(DEMO_ADAPTER);
    expect(adapterForHost("localhost:5173")?.id).toBe("demo");
    expect(adapterForHost("127.0.0.1:8080")?.id).toBe("demo");
    expect(adapterForHost("ehr.example.org")).toBeUndefined();
  });

  it("matches host globs, and a glob with a port only on that port", () => {
    const adapter = SiteAdapter.parse({ id: "x", name: "X", hosts: ["*.ehr.example.org", "portal.example.com:8443"] });
    expect(adapterForHost("a.ehr.example.org", [adapter])).toBe(adapter);
    expect(adapterForHost("ehr.example.org.evil.test", [adapter])).toBeUndefined();
    expect(adapterForHost("portal.example.com:8443", [adapter])).toBe(adapter);
    expect(adapterForHost("portal.example.com:9999", [adapter])).toBeUndefined();
  });

  it("rejects malformed adapters (they may come from managed policy)", () => {
    expect(SiteAdapter.safeParse({ id: "x", name: "X", hosts: [] }).success).toBe(false);
    expect(SiteAdapter.safeParse({ id: "x", name: "X", hosts: ["a.org"], controls: [{ selector: "b", kind: "print" }] }).success).toBe(
      false,
    );
    expect(SiteAdapter.safeParse({ id: "x", name: "X", hosts: ["a.org/path"] }).success).toBe(false);
    // An unclosed string or bracket would swallow the selectors joined after it in the content script.
    for (const selector of ['a[title="x', "a[title='x", "[data-go=fax", "li:not(.x", "a]", 'a[title="x\\"]'])
      expect(SiteAdapter.safeParse({ id: "x", name: "X", hosts: ["a.org"], ignore: [selector] }).success, selector).toBe(false);
    for (const selector of ['a[title="x]"]', "a[title='(']", "li:not(.x):is([data-a])", "a.b\\[c"])
      expect(SiteAdapter.safeParse({ id: "x", name: "X", hosts: ["a.org"], ignore: [selector] }).success, selector).toBe(true);
  });

  it("layers adapter controls, ignores and recipient fields over the heuristics", () => {
    document.body.innerHTML = `
      <div data-ehr-telehealth><button>Share chart</button></div>
      <div data-ehr-action="fax" tabindex="0"><i class="ico"></i></div>
      <button>Send referral</button>
      <span data-ehr-recipient>Dr. Bob Jones</span>`;
    const detector = createDetector(DEMO_ADAPTER);
    const found = detector.scan(document).map((c) => `${c.kind}:${c.label}`);
    expect(found.sort()).toEqual(["fax:fax", "referral:Send referral"]);
    const referral = document.querySelector("button:last-of-type")!;
    expect(detector.readRecipient(referral)).toEqual({ text: "Dr. Bob Jones", label: "Recipient", name: "Dr. Bob Jones" });
    // Without the adapter, the telehealth share counts and the unnamed div does not.
    expect(
      createDetector()
        .scan(document)
        .map((c) => c.kind),
    ).toEqual(["share", "referral"]);
  });

  it("matches several control selectors at once, skipping a rejected one, in scans and added subtrees", () => {
    const adapter = SiteAdapter.parse({
      id: "m",
      name: "M",
      hosts: ["a.org"],
      controls: [
        { selector: "a >> b", kind: "fax" },
        { selector: "[data-go=fax]", kind: "fax" },
        { selector: "[data-go=share]", kind: "share" },
      ],
    });
    document.body.innerHTML = '<div data-go="share" tabindex="0"></div><section><i data-go="fax"></i></section>';
    expect(
      createDetector(adapter)
        .scan(document)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(["fax", "share"]);
  });

  it("survives selectors the browser rejects", () => {
    const broken = SiteAdapter.parse({
      id: "b",
      name: "B",
      hosts: ["a.org"],
      controls: [{ selector: "a >> b", kind: "fax" }],
      ignore: ["::nope()"],
      recipientFields: ["!x"],
    });
    document.body.innerHTML = "<button>Fax</button>";
    const detector = createDetector(broken);
    expect(detector.scan(document).map((c) => c.kind)).toEqual(["fax"]);
    expect(detector.readRecipient(document.querySelector("button")!)).toBeUndefined();
  });
});
