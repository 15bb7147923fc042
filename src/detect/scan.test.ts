// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { fixturePage } from "../../test/support/detect-fixtures.ts";
import { scanForActions } from "./scan.ts";
import { WALK_LIMITS } from "./walk.ts";

const summary = (root: Document | ShadowRoot | Element) => scanForActions(root).map(({ kind, label }) => `${kind}:${label}`);

afterEach(() => {
  document.body.innerHTML = "";
});

describe("scanForActions", () => {
  it("finds the sends on an Epic-like page and nothing else", () => {
    document.body.innerHTML = fixturePage("epic-like");
    expect(summary(document)).toEqual(["share:Share patient record", "export:Export summary of care", "referral:Send Referral"]);
  });

  it("finds the sends on a Cerner-like page, a generic Send named by its dialog included", () => {
    document.body.innerHTML = fixturePage("cerner-like");
    expect(summary(document)).toEqual(["referral:Refer", "fax:Send"]);
  });

  it("finds menu items rendered hidden on an athena-like page (they are reported before the menu opens)", () => {
    document.body.innerHTML = fixturePage("athena-like");
    expect(summary(document)).toEqual(["export:Export C-CDA", "fax:Fax", "direct:Send via Direct"]);
  });

  it("walks open shadow roots, nested ones included, and scans a shadow root or element given as root", () => {
    document.body.innerHTML = "<ehr-app></ehr-app><button>Fax chart</button>";
    const outer = document.querySelector("ehr-app")!.attachShadow({ mode: "open" });
    outer.innerHTML = "<div><ehr-share-button></ehr-share-button></div><button>Refer patient</button>";
    const inner = outer.querySelector("ehr-share-button")!.attachShadow({ mode: "open" });
    inner.innerHTML = '<button aria-label="Share record"></button>';
    expect(summary(document).sort()).toEqual(["fax:Fax chart", "referral:Refer patient", "share:Share record"]);
    expect(summary(outer).sort()).toEqual(["referral:Refer patient", "share:Share record"]);
    expect(summary(document.querySelector("ehr-app")!).sort()).toEqual(["referral:Refer patient", "share:Share record"]);
  });

  it("does not enter iframes (the content script runs in each frame)", () => {
    document.body.innerHTML = '<iframe srcdoc="<button>Share</button>"></iframe><button>Fax</button>';
    expect(summary(document)).toEqual(["fax:Fax"]);
  });

  it("skips ShareCheck's own panel", () => {
    document.body.innerHTML = "<sharecheck-verdict><button>Share record</button></sharecheck-verdict>";
    expect(summary(document)).toEqual([]);
  });

  it("bounds pathological shadow nesting", () => {
    document.body.innerHTML = "<x-a></x-a>";
    let host = document.querySelector("x-a")!;
    for (let i = 0; i < WALK_LIMITS.shadowDepth + 10; i++) {
      const shadow = host.attachShadow({ mode: "open" });
      shadow.innerHTML = "<button>Share</button><x-a></x-a>";
      host = shadow.querySelector("x-a")!;
    }
    expect(scanForActions(document).length).toBe(WALK_LIMITS.shadowDepth);
  });

  it("survives thousands of buttons, weird labels and elements whose getters throw", () => {
    const buttons = Array.from(
      { length: 3000 },
      (_, i) => `<button>${i % 3 === 0 ? "Share chart" : `\u202Eyrtne\u200B${"x".repeat(i % 50)}`}</button>`,
    );
    document.body.innerHTML = `${buttons.join("")}<button aria-label="${"Fax ".repeat(3000)}"></button><button aria-label="Fax${"\u200B".repeat(10_000)}"></button>`;
    const hostile = document.body.firstElementChild!;
    Object.defineProperty(hostile, "shadowRoot", {
      get: () => {
        throw new Error("hostile");
      },
    });
    const found = scanForActions(document);
    expect(found.filter((c) => c.kind === "share").length).toBe(1000);
    expect(found.at(-1)?.kind).toBe("fax");
    expect(found.at(-1)!.label.length).toBeLessThanOrEqual(200);
  });

  it("returns [] rather than throwing", () => {
    expect(scanForActions(null as unknown as Document)).toEqual([]);
  });
});
