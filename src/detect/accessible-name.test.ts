// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { accessibleName } from "./accessible-name.ts";

function el(html: string, selector = "#t"): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

describe("accessibleName", () => {
  it("joins several aria-labelledby references in order, ahead of aria-label", () => {
    expect(
      accessibleName(
        el('<span id="a">Send</span><span id="b">referral</span><button id="t" aria-labelledby="a b" aria-label="x">y</button>'),
      ),
    ).toBe("Send referral");
  });

  it("does not loop on aria-labelledby cycles", () => {
    const t = el('<span id="a" aria-labelledby="t">Share</span><button id="t" aria-labelledby="a t">chart</button>');
    expect(accessibleName(t)).toBe("Share chart");
  });

  it("falls through an empty or dangling aria-labelledby", () => {
    expect(accessibleName(el('<button id="t" aria-labelledby="missing" aria-label="Fax">x</button>'))).toBe("Fax");
  });

  it("reads text split across nested spans, with block elements separating words", () => {
    expect(accessibleName(el('<button id="t"><span><b>Se</b>nd</span> <i>re<span>ferral</span></i></button>'))).toBe("Send referral");
    expect(accessibleName(el('<div role="button" id="t"><div>Export</div><div>chart</div></div>'))).toBe("Export chart");
  });

  it("includes visually hidden text and excludes aria-hidden, hidden, display:none, script and style", () => {
    const t = el(
      '<button id="t"><span class="sr-only">Share</span><span aria-hidden="true">⇪</span><span hidden>junk</span><span style="display: none">junk</span><script>junk()</script><style>.x{}</style> record</button>',
    );
    expect(accessibleName(t)).toBe("Share record");
  });

  it("uses alt of images, title of svg, and aria-label of descendants", () => {
    expect(accessibleName(el('<button id="t"><img alt="Fax" src="f.png"> chart</button>'))).toBe("Fax chart");
    expect(accessibleName(el('<button id="t"><svg><title>Share</title></svg></button>'))).toBe("Share");
    expect(accessibleName(el('<button id="t"><span aria-label="Export"><svg></svg></span> CCDA</button>'))).toBe("Export CCDA");
  });

  it("uses value of submit and button inputs, alt of image inputs, and title last", () => {
    expect(accessibleName(el('<input id="t" type="submit" value="Send fax">'))).toBe("Send fax");
    expect(accessibleName(el('<input id="t" type="submit">'))).toBe("Submit");
    expect(accessibleName(el('<input id="t" type="button" value="Refer">'))).toBe("Refer");
    expect(accessibleName(el('<input id="t" type="image" alt="Share" src="s.png">'))).toBe("Share");
    expect(accessibleName(el('<button id="t" title="Share chart"><svg></svg></button>'))).toBe("Share chart");
  });

  it("names text fields by their label, not their value", () => {
    expect(accessibleName(el('<label for="t">Refer to</label><input id="t" value="Dr. Jones">'))).toBe("Refer to");
    expect(accessibleName(el('<label>Fax number <input id="t" value="555"></label>'))).toBe("Fax number");
    expect(accessibleName(el('<input id="t" placeholder="Recipient">'))).toBe("Recipient");
  });

  it("reads a web component's name from its open shadow root, slots included", () => {
    document.body.innerHTML = '<ehr-button id="t">Share</ehr-button><ehr-icon-button id="u"></ehr-icon-button>';
    document.querySelector("#u")!.attachShadow({ mode: "open" }).innerHTML = "<span>Fax</span> <span>chart</span>";
    expect(accessibleName(document.querySelector("#u")!)).toBe("Fax chart");
    const t = document.querySelector("#t")!;
    t.attachShadow({ mode: "open" }).innerHTML = "<button><slot></slot></button>";
    expect(accessibleName(t)).toBe("Share");
  });

  it("normalises whitespace, strips control and invisible characters, caps the length", () => {
    expect(accessibleName(el('<button id="t">  Send\n\t\u0007re\u200Bferral\u202E  </button>'))).toBe("Send referral");
    const name = accessibleName(el(`<button id="t" aria-label="${"Share ".repeat(5000)}"></button>`));
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.startsWith("Share Share")).toBe(true);
  });

  it("stays bounded on a huge subtree", () => {
    const t = el(`<button id="t">${"<span>word </span>".repeat(20_000)}</button>`);
    expect(accessibleName(t)).toBe(Array(200).fill("word").join(" ").slice(0, 200).trimEnd());
  });

  it("returns an empty string when the element throws", () => {
    const t = el('<button id="t">Share</button>');
    Object.defineProperty(t, "getAttribute", {
      value: () => {
        throw new Error("hostile");
      },
    });
    Object.defineProperty(t, "firstChild", {
      get: () => {
        throw new Error("hostile");
      },
    });
    expect(accessibleName(t)).toBe("");
  });
});
