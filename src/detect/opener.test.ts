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
    expect(opensRecipientChooser(item, { kind: "fax", label: "Send via fax" }, undefined)).toBe(true);
  });

  it("takes a toolbar button that would send by Direct, with no one named, for an opener", () => {
    const button = control('<div role="toolbar"><a role="button" id="it"><span>Transmit</span></a><a role="button">Print</a></div>');
    expect(opensRecipientChooser(button, { kind: "direct", label: "Transmit" }, undefined)).toBe(true);
  });

  it("holds a menu item or toolbar button that names its recipient, or exports (an export needs no one)", () => {
    const item = control('<div role="menu"><button role="menuitem" id="it">Fax to PCP</button></div>');
    expect(opensRecipientChooser(item, { kind: "fax", label: "Fax to PCP" }, NAMED)).toBe(false);
    expect(opensRecipientChooser(item, { kind: "export", label: "Fax to PCP" }, undefined)).toBe(false);
  });

  it("holds a send in a form or dialog, and a plain button, even with no one named: it may send as it is", () => {
    expect(
      opensRecipientChooser(
        control('<form><div role="toolbar"><button id="it">Send</button></div></form>'),
        { kind: "fax", label: "Send" },
        undefined,
      ),
    ).toBe(false);
    expect(
      opensRecipientChooser(
        control('<div role="dialog"><div role="menu"><button role="menuitem" id="it">By fax</button></div></div>'),
        { kind: "fax", label: "By fax" },
        undefined,
      ),
    ).toBe(false);
    expect(
      opensRecipientChooser(
        control('<table><tr><td>Test Patient</td><td><button id="it">Fax chart</button></td></tr></table>'),
        { kind: "fax", label: "Fax chart" },
        undefined,
      ),
    ).toBe(false);
  });

  it("takes a control named by the channel alone, with no one named, for an opener wherever it is; not once someone is named", () => {
    const link = control('<div class="doc"><span>Progress Note 03/12/2025</span><a href="#" id="it">Fax</a><a href="#">Download</a></div>');
    expect(opensRecipientChooser(link, { kind: "fax", label: "Fax" }, undefined)).toBe(true);
    expect(opensRecipientChooser(link, { kind: "fax", label: "Fax" }, NAMED)).toBe(false);
    expect(opensRecipientChooser(control('<form><button id="it">Fax</button></form>'), { kind: "fax", label: "Fax" }, undefined)).toBe(
      false,
    );
  });
});
