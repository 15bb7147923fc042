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

  it('takes a send to anyone of a kind, with no one named, for an opener (Jump\'s "Send to HCP" icon); one to a named destination is held', () => {
    const icon = control(
      '<aside><button type="button" id="it" aria-label="Send to HCP"></button><button type="button">Message patient</button></aside>',
    );
    expect(opensRecipientChooser(icon, { kind: "share", label: "Send to HCP" }, undefined)).toBe(true);
    expect(opensRecipientChooser(icon, { kind: "share", label: "Send to a colleague" }, undefined)).toBe(true);
    expect(opensRecipientChooser(icon, { kind: "share", label: "Send to HIE" }, undefined)).toBe(false);
  });

  it("holds a send to a service that takes it from there, with no one named: it sends (e-RS's Send for triage)", () => {
    const send = control(
      '<div class="foot"><button type="button">Print</button><button type="button" id="it">Send for triage</button></div>',
    );
    expect(opensRecipientChooser(send, { kind: "referral", label: "Send for triage" }, undefined)).toBe(false);
    expect(opensRecipientChooser(send, { kind: "referral", label: "Send for advice" }, undefined)).toBe(false);
    expect(opensRecipientChooser(send, { kind: "referral", label: "Send referral" }, undefined)).toBe(true);
  });

  it("takes a way alone in a menu just opened for its dialog's opener, though the record names its recipient (Canvas's committed referral)", () => {
    const section = (item: string, expanded = "true") =>
      control(
        `<section><header>Refer to Pulmonology <button aria-expanded="${expanded}" aria-label="More actions">⋯</button><div class="menu">${item}<button>Print</button></div></header><span>Refer to</span><span>Marcus Hale, MD</span></section>`,
      );
    expect(opensRecipientChooser(section('<button id="it">Fax</button>'), { kind: "fax", label: "Fax" }, NAMED)).toBe(true);
    expect(
      opensRecipientChooser(section('<button id="it">Send via Direct</button>'), { kind: "direct", label: "Send via Direct" }, NAMED),
    ).toBe(true);
    expect(
      opensRecipientChooser(
        control('<div role="menu"><button role="menuitem" id="it">E-mail</button></div>'),
        { kind: "share", label: "E-mail" },
        NAMED,
      ),
    ).toBe(true);
    // It names where, or is no menu's: it sends.
    expect(opensRecipientChooser(section('<button id="it">Fax to PCP</button>'), { kind: "fax", label: "Fax to PCP" }, NAMED)).toBe(false);
    expect(opensRecipientChooser(section('<button id="it">Fax</button>', "false"), { kind: "fax", label: "Fax" }, NAMED)).toBe(false);
    expect(opensRecipientChooser(control('<form><button id="it">Fax</button></form>'), { kind: "fax", label: "Fax" }, NAMED)).toBe(false);
  });

  it("holds a Resend on a log's row, with no one read: it repeats a send already addressed", () => {
    const resend = control(
      '<table><tr><td>Failed</td><td><button type="button" id="it" aria-label="Resend fax">↻</button></td></tr></table>',
    );
    expect(opensRecipientChooser(resend, { kind: "fax", label: "Resend fax" }, undefined)).toBe(false);
    expect(opensRecipientChooser(resend, { kind: "fax", label: "Fax again" }, undefined)).toBe(true);
  });

  it("holds a send in a form or dialog even with no one named: it may send as it is", () => {
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
    expect(opensRecipientChooser(control('<form><button id="it">Fax</button></form>'), { kind: "fax", label: "Fax" }, undefined)).toBe(
      false,
    );
  });

  it("takes any send outside a form or dialog, with no one named around it or in its name, for an opener", () => {
    const row = control('<table><tr><td>Test Patient</td><td><button id="it">Fax chart</button></td></tr></table>');
    expect(opensRecipientChooser(row, { kind: "fax", label: "Fax chart" }, undefined)).toBe(true);
    const card = control('<div class="card-head"><span>Nota de evolución</span><button id="it">Enviar documento</button></div>');
    expect(opensRecipientChooser(card, { kind: "share", label: "Enviar documento" }, undefined)).toBe(true);
    const link = control('<div class="doc"><span>Progress Note 03/12/2025</span><a href="#" id="it">Fax</a><a href="#">Download</a></div>');
    expect(opensRecipientChooser(link, { kind: "fax", label: "Fax" }, undefined)).toBe(true);
    expect(opensRecipientChooser(link, { kind: "fax", label: "Fax" }, NAMED)).toBe(false);
  });

  it("holds a send outside a form whose own name says where it goes", () => {
    const button = control('<div class="doc"><button id="it">x</button></div>');
    for (const label of [
      "Fax to PCP",
      "Send to HIE",
      "Submit to registry",
      "Enviar a especialista",
      "Enviar al especialista",
      "Alimenter le DMP",
    ])
      expect(opensRecipientChooser(button, { kind: "share", label }, undefined), label).toBe(false);
    expect(opensRecipientChooser(button, { kind: "fax", label: "Send a fax" }, undefined)).toBe(true);
  });

  it("holds a chat's Send beside a file attached to the message, though no one is named (Spruce's composer)", () => {
    const composer = (attached: string) =>
      control(
        `<section class="thread"><div class="msgs"><div class="bubble"><span class="att">Lab results 02-11.pdf</span></div></div><div class="compose"><div contenteditable="true" aria-label="Message"></div><div class="row">${attached}<button id="it" aria-label="Send">➤</button></div></div></section>`,
      );
    expect(
      opensRecipientChooser(composer('<span class="sp-att">📄 Visit note — 03/12.pdf</span>'), { kind: "share", label: "Send" }, undefined),
    ).toBe(false);
    // A file further up is the thread's history, not what this Send sends.
    expect(opensRecipientChooser(composer(""), { kind: "share", label: "Send" }, undefined)).toBe(true);
  });

  it("holds a Submit that ends a flow: it opens nothing, its recipient was chosen on a step no longer shown (ReferralMD)", () => {
    const submit = control(
      '<div class="wizard"><h2>New Referral</h2><section hidden><table><tr aria-selected="true"><td>Hannah Whitaker, MD</td></tr></table></section><p><button id="it">Submit</button></p></div>',
    );
    for (const label of ["Submit", "Finish", "Done"])
      expect(opensRecipientChooser(submit, { kind: "referral", label }, undefined), label).toBe(false);
    expect(opensRecipientChooser(submit, { kind: "referral", label: "Send" }, undefined)).toBe(true);
  });

  it("holds a send below fields in view that hold what it sends, though no form encloses it (a wizard's last step)", () => {
    const wizard = (hidden: string) =>
      control(
        `<div class="steps"><section ${hidden}><label for="r">Reason for referral</label><textarea id="r">Pulpitis #19</textarea></section><div class="footer"><span role="button" id="it">Send referral</span></div></div>`,
      );
    expect(opensRecipientChooser(wizard(""), { kind: "referral", label: "Send referral" }, undefined)).toBe(false);
    // Fields further down the page are not what a send above them sends (Eyefinity: a Send CCD above a directory search).
    const above = control(
      '<main><div class="panel"><div class="pane"><button id="it">Send CCD</button></div></div><div class="panel"><h3>Send Via Direct</h3><input placeholder="Provider or practice"></div></main>',
    );
    expect(opensRecipientChooser(above, { kind: "share", label: "Send CCD" }, undefined)).toBe(true);
    // A chat's Send under its message box says nothing of what it sends: its kind came from the page (Healthie's fax dialogs).
    const chat = control(
      '<div class="chat" aria-label="Chat with Jane Test"><div class="field"><label for="m">Message</label><textarea id="m">See you Thursday</textarea></div><button id="it">Send</button></div>',
    );
    expect(opensRecipientChooser(chat, { kind: "fax", label: "Send" }, undefined)).toBe(true);
    // A way alone under a letter's editor opens where the letter is addressed (Canvas's "Fax"); "Fax letter" faxes it.
    const letter = (label: string) =>
      control(
        `<section><h2>Letter</h2><div contenteditable="true" aria-label="Letter text">Dear colleague,</div><div class="actions"><button>Preview</button><button id="it">${label}</button></div></section>`,
      );
    expect(opensRecipientChooser(letter("Fax"), { kind: "fax", label: "Fax" }, undefined)).toBe(true);
    expect(opensRecipientChooser(letter("Fax letter"), { kind: "fax", label: "Fax letter" }, undefined)).toBe(false);
    // The fields of a step not shown say nothing about this one.
    expect(opensRecipientChooser(wizard('style="display: none"'), { kind: "referral", label: "Send referral" }, undefined)).toBe(true);
  });

  it("holds a web component's send inside a dialog: the dialog is found across its shadow root", () => {
    document.body.innerHTML = '<div role="dialog"><x-footer></x-footer></div>';
    const host = document.querySelector("x-footer")!;
    host.attachShadow({ mode: "open" }).innerHTML = '<div><button id="it">Send</button></div>';
    const button = host.shadowRoot!.getElementById("it")!;
    expect(opensRecipientChooser(button, { kind: "fax", label: "Send" }, undefined)).toBe(false);
  });
});
