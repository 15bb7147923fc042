// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { opensRecipientChooser } from "./opener.ts";

afterEach(() => {
  document.body.innerHTML = "";
});

function control(html: string): Element {
  document.body.innerHTML = html;
  return document.getElementById("it")!;
}

const NAMED = { text: "Dr. Amara Osei", label: "To", name: "Dr. Amara Osei" };

describe("opensRecipientChooser", () => {
  it("takes a menu item that would fax, with no one named around it, for the opener of the fax dialog", () => {
    const item = control(
      '<div role="menu"><button role="menuitem" id="it">Send via fax</button><button role="menuitem">Rename</button></div>',
    );
    expect(opensRecipientChooser(item, "fax", undefined)).toBe(true);
  });

  it("takes a toolbar button that would send by Direct, with no one named, for an opener", () => {
    const button = control('<div role="toolbar"><a role="button" id="it"><span>Transmit</span></a><a role="button">Print</a></div>');
    expect(opensRecipientChooser(button, "direct", undefined)).toBe(true);
  });

  it("holds a menu item or toolbar button that names its recipient, or exports (an export needs no one)", () => {
    const item = control('<div role="menu"><button role="menuitem" id="it">Fax to PCP</button></div>');
    expect(opensRecipientChooser(item, "fax", NAMED)).toBe(false);
    expect(opensRecipientChooser(item, "export", undefined)).toBe(false);
  });

  it("holds a send in a form or dialog, and a plain button, even with no one named: it may send as it is", () => {
    expect(opensRecipientChooser(control('<form><div role="toolbar"><button id="it">Send</button></div></form>'), "fax", undefined)).toBe(
      false,
    );
    expect(
      opensRecipientChooser(
        control('<div role="dialog"><div role="menu"><button role="menuitem" id="it">By fax</button></div></div>'),
        "fax",
        undefined,
      ),
    ).toBe(false);
    expect(
      opensRecipientChooser(
        control('<table><tr><td>Test Patient</td><td><button id="it">Fax chart</button></td></tr></table>'),
        "fax",
        undefined,
      ),
    ).toBe(false);
  });
});
