// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { DetectedRecipient } from "./action.ts";
import { RECIPIENT_FIXTURES, type RecipientFixture } from "../../test/support/detect-fixtures.ts";
import { readRecipient } from "./recipient.ts";

afterEach(() => {
  document.body.innerHTML = "";
});

/** Lays out a fixture's page, with its setup, and returns its send control. */
function control({ html, typed, shadow }: Pick<RecipientFixture, "html" | "typed" | "shadow">): Element {
  document.body.innerHTML = html;
  // happy-dom 21 mis-selects from the `selected` attribute when parsing; browsers select it. Choose it as a person would.
  for (const option of document.querySelectorAll<HTMLOptionElement>("option[selected]")) {
    (option.parentElement as HTMLSelectElement).value = option.value;
  }
  for (const [id, value] of Object.entries(typed ?? {})) (document.getElementById(id) as HTMLInputElement).value = value;
  if (shadow) {
    const root = document.getElementById(shadow.host)!.attachShadow({ mode: "open" });
    root.innerHTML = shadow.html;
    return root.getElementById("send")!;
  }
  return document.getElementById("send")!;
}

describe("readRecipient", () => {
  it.each(RECIPIENT_FIXTURES)("$name", (fixture) => {
    const recipient = readRecipient(control(fixture));
    expect(recipient).toEqual(fixture.expected ?? undefined);
    if (recipient) expect(DetectedRecipient.safeParse(recipient).success).toBe(true);
  });

  it("caps a 10k-character value to what DetectedRecipient allows", () => {
    document.body.innerHTML = '<form><label>Refer to <input id="to"></label><button id="send">Refer</button></form>';
    (document.getElementById("to") as HTMLInputElement).value = `Dr. ${"Jones".repeat(2000)}`;
    const recipient = readRecipient(document.getElementById("send")!);
    expect(recipient?.text.length).toBeLessThanOrEqual(300);
    expect(DetectedRecipient.safeParse(recipient).success).toBe(true);
  });

  it("returns undefined when the page throws", () => {
    document.body.innerHTML = '<form><label>To <input id="to" value="x"></label><button id="send">Share</button></form>';
    Object.defineProperty(document.getElementById("to")!, "value", {
      get: () => {
        throw new Error("hostile");
      },
    });
    expect(readRecipient(document.getElementById("send")!)).toEqual({ text: "x", label: "To", name: "x" });
    const send = document.getElementById("send")!;
    Object.defineProperty(send, "closest", {
      value: () => {
        throw new Error("hostile");
      },
    });
    expect(readRecipient(send)).toBeUndefined();
  });

  it("reads the typed-in recipient when the dropdown says Other, and an 'Other …' provider as a name", () => {
    const html = (other: string) => `<form><label for="to">Refer to</label><select id="to"><option value="">Choose a provider…</option>
      <option value="1">Lakeside Cardiology Associates</option><option value="other" selected>${other}</option></select>
      <label for="free">Recipient, if not listed</label><input id="free" value="Summit Neurology Group"><button id="send">Send Referral</button></form>`;
    for (const placeholder of ["Other (type below)", "Other…", "Other", "Other - not listed"]) {
      expect(readRecipient(control({ html: html(placeholder) }))?.text, placeholder).toBe("Summit Neurology Group");
    }
    expect(readRecipient(control({ html: html("Otherside Family Medicine") }))?.text).toBe("Otherside Family Medicine");
  });

  it("reads a card a web component draws in its shadow root, under a heading that says it is the chosen one (ZorgDomein)", () => {
    document.body.innerHTML = `<form><label for="q">Korte vraagstelling</label><input id="q" value="Beoordeling naevus">
      <button id="send">Verstuur verwijzing</button></form>
      <aside><h3>Gekozen zorgaanbod</h3><zd-kaart id="card"></zd-kaart></aside>`;
    document.getElementById("card")!.attachShadow({ mode: "open" }).innerHTML = `<style>.n { font-weight: 700 }</style>
      <div class="k"><div class="n">Rivierenland Ziekenhuis</div><div>dr. Sanne de Vries, dermatoloog · Tiel</div>
      <div>Poli Dermatologie — Pigmentlaesie</div></div>`;
    expect(readRecipient(document.getElementById("send")!)).toEqual({
      text: "dr. Sanne de Vries",
      label: "Gekozen zorgaanbod",
      name: "dr. Sanne de Vries",
      organization: "Rivierenland Ziekenhuis",
    });
  });

  it("does not read ShareCheck's own panel, nor its fallback host's shadow root", () => {
    document.body.innerHTML = '<div><div data-sharecheck-host id="host"></div><button id="send">Share</button></div>';
    document.getElementById("host")!.attachShadow({ mode: "open" }).innerHTML = "<dl><dt>Recipient</dt><dd>Panel Value</dd></dl>";
    expect(readRecipient(document.getElementById("send")!)).toBeUndefined();
  });

  it("names the recipient of a dialog showing only an address from the record it was opened from, unless that record shows another (CharmHealth)", () => {
    const page = (direct: string) => `<main><article aria-labelledby="rt"><h2 id="rt">Referral Out — preview</h2>
      <p><b>Referral From:</b> Alex Rivera, MD · Maple Street Primary Care</p>
      <div><span>Referral To:</span> <span class="chip">Daniel Okoye · Cedar Ridge Addiction Medicine${direct}</span></div>
      <button id="transmit">Transmit</button></article></main>
      <div role="dialog" aria-modal="true" aria-labelledby="dt"><h3 id="dt">Transmit by Direct Message</h3>
      <label for="did">Direct ID</label><input id="did" value="dokoye@direct.cedarridgeam.example"><button id="send">Send</button></div>`;
    document.body.innerHTML = page("");
    const send = document.getElementById("send")!;
    const openedFrom = document.getElementById("transmit")!;
    const addressOnly = {
      text: "dokoye@direct.cedarridgeam.example",
      label: "Direct ID",
      directAddress: "dokoye@direct.cedarridgeam.example",
    };
    expect(readRecipient(send)).toEqual(addressOnly);
    expect(readRecipient(send, { openedFrom })).toEqual({
      text: "Daniel Okoye",
      label: "Referral To",
      name: "Daniel Okoye",
      organization: "Cedar Ridge Addiction Medicine",
      directAddress: "dokoye@direct.cedarridgeam.example",
    });
    // An e-mail window that shows only the address it goes to (ClientTrack's, opened by the referral's Next).
    document.body.innerHTML = `<form aria-labelledby="ft"><header id="ft">Referral — Voucher and Information Release</header>
      <div><span class="lbl">Refer to Provider</span><span class="lookup"><span class="val">Lakeshore Infectious Disease Clinic</span></span></div>
      <div><span class="lbl">Refer From Provider</span><span>Maple Street Primary Care</span></div><button type="button" id="next">Next</button></form>
      <dialog open aria-modal="true" aria-labelledby="et"><h3 id="et">Send email</h3><form method="dialog"><label for="to">To</label><input id="to" value="intake@lakeshoreid.example"><button id="mail">Send</button></form></dialog>`;
    expect(readRecipient(document.getElementById("mail")!, { openedFrom: document.getElementById("next")! })).toMatchObject({
      name: "Lakeshore Infectious Disease Clinic",
      label: "Refer to Provider",
    });
    // The record's own address for its recipient is another: whom the dialog sends to is not known to be them.
    document.body.innerHTML = page(" · dokoye@direct.other.example");
    expect(readRecipient(document.getElementById("send")!, { openedFrom: document.getElementById("transmit")! })).toEqual(addressOnly);
    // A view of divs under its heading, holding the dialog it opens: its care team is no recipient, its Referral To is.
    const view = (to: string) => `<div><h2>Referral — Test Patient</h2><p>Care coordinator: Dana Whitcomb, RN</p>${to}
      <button id="open">Send via Direct…</button>
      <dialog open><label for="did">Direct ID</label><input id="did" value="dokoye@direct.cedarridgeam.example"><button id="send">Send</button></dialog></div>`;
    document.body.innerHTML = view("");
    expect(readRecipient(document.getElementById("send")!, { openedFrom: document.getElementById("open")! })).toEqual(addressOnly);
    document.body.innerHTML = view("<p><b>Referral To:</b> Daniel Okoye · Cedar Ridge Addiction Medicine</p>");
    expect(readRecipient(document.getElementById("send")!, { openedFrom: document.getElementById("open")! })).toMatchObject({
      name: "Daniel Okoye",
      directAddress: "dokoye@direct.cedarridgeam.example",
    });
  });

  it("does not read ShareCheck's own panel", () => {
    document.body.innerHTML =
      '<div><sharecheck-verdict><label>Recipient <input value="Panel Value"></label></sharecheck-verdict><button id="send">Share</button></div>';
    expect(readRecipient(document.getElementById("send")!)).toBeUndefined();
  });
});
