// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { DetectedRecipient } from "./action.ts";
import { RECIPIENT_FIXTURES } from "./fixtures/recipients.ts";
import { readRecipient } from "./recipient.ts";

afterEach(() => {
  document.body.innerHTML = "";
});

function control(html: string, name: string): Element {
  document.body.innerHTML = html;
  // happy-dom 21 mis-selects from the `selected` attribute when parsing; browsers select it. Choose it as a person would.
  for (const option of document.querySelectorAll<HTMLOptionElement>("option[selected]")) {
    (option.parentElement as HTMLSelectElement).value = option.value;
  }
  if (name.startsWith("hostile")) {
    (document.getElementById("to") as HTMLInputElement).value = `\u0000Dr.\u200B Bob\u202E\n\tJones${" ".repeat(50)}`;
  }
  const host = document.getElementById("host");
  if (host) {
    host.attachShadow({ mode: "open" }).innerHTML = '<div><button id="send">Send referral</button></div>';
    return host.shadowRoot!.getElementById("send")!;
  }
  return document.getElementById("send")!;
}

describe("readRecipient", () => {
  it.each(RECIPIENT_FIXTURES)("$name", ({ html, name, expected }) => {
    const recipient = readRecipient(control(html, name));
    expect(recipient).toEqual(expected);
    if (recipient) expect(DetectedRecipient.safeParse(recipient).success).toBe(true);
  });

  it("caps a 10k-character value to what DetectedRecipient allows", () => {
    document.body.innerHTML = '<form><label>Refer to <input id="to"></label><button id="send">Refer</button></form>';
    (document.getElementById("to") as HTMLInputElement).value = "Dr. " + "Jones".repeat(2000);
    const recipient = readRecipient(document.getElementById("send")!);
    expect(recipient?.text.length).toBeLessThanOrEqual(300);
    expect(DetectedRecipient.safeParse(recipient).success).toBe(true);
  });

  it("returns undefined when the page throws", () => {
    document.body.innerHTML = '<form><label>To <input id="to" value="x"></label><button id="send">Share</button></form>';
    Object.defineProperty(document.getElementById("to")!, "value", { get: () => { throw new Error("hostile"); } });
    expect(readRecipient(document.getElementById("send")!)).toEqual({ text: "x", label: "To", name: "x" });
    const send = document.getElementById("send")!;
    Object.defineProperty(send, "closest", { value: () => { throw new Error("hostile"); } });
    expect(readRecipient(send)).toBeUndefined();
  });

  it("reads the typed-in recipient when the dropdown says Other, and an 'Other …' provider as a name", () => {
    const html = (other: string) => `<form><label for="to">Refer to</label><select id="to"><option value="">Choose a provider…</option>
      <option value="1">Lakeside Cardiology Associates</option><option value="other" selected>${other}</option></select>
      <label for="free">Recipient, if not listed</label><input id="free" value="Summit Neurology Group"><button id="send">Send Referral</button></form>`;
    for (const placeholder of ["Other (type below)", "Other…", "Other", "Other - not listed"]) {
      expect(readRecipient(control(html(placeholder), "other"))?.text, placeholder).toBe("Summit Neurology Group");
    }
    expect(readRecipient(control(html("Otherside Family Medicine"), "other"))?.text).toBe("Otherside Family Medicine");
  });

  it("does not read ShareCheck's own panel", () => {
    document.body.innerHTML = '<div><sharecheck-verdict><label>Recipient <input value="Panel Value"></label></sharecheck-verdict><button id="send">Share</button></div>';
    expect(readRecipient(document.getElementById("send")!)).toBeUndefined();
  });
});
