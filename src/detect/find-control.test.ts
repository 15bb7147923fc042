// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { findActionControl } from "./find-control.ts";

function capture(type: string, target: Element, init: EventInit = {}): Element | null {
  let found: Element | null | undefined;
  const listener = (event: Event) => {
    found = findActionControl(event);
  };
  document.addEventListener(type, listener, { capture: true });
  target.dispatchEvent(new Event(type, { bubbles: true, composed: true, ...init }));
  document.removeEventListener(type, listener, { capture: true });
  return found ?? null;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("findActionControl", () => {
  it("finds the button from a click on its inner span or svg", () => {
    document.body.innerHTML =
      '<div class="toolbar"><button id="b"><svg><path id="p"/></svg><span id="s">Send referral</span></button></div>';
    const button = document.getElementById("b");
    expect(capture("click", document.getElementById("s")!)).toBe(button);
    expect(capture("click", document.getElementById("p")!)).toBe(button);
  });

  it("finds a control inside an open shadow root", () => {
    document.body.innerHTML = "<ehr-toolbar></ehr-toolbar>";
    const shadow = document.querySelector("ehr-toolbar")!.attachShadow({ mode: "open" });
    shadow.innerHTML = '<div><button aria-label="Fax chart"><span id="i">📠</span></button></div>';
    expect(capture("click", shadow.getElementById("i")!)).toBe(shadow.querySelector("button"));
  });

  it("returns null for look-alikes and non-controls", () => {
    document.body.innerHTML = '<button id="b"><span id="s">Share screen</span></button><p id="p">Send referral</p>';
    expect(capture("click", document.getElementById("s")!)).toBeNull();
    expect(capture("click", document.getElementById("p")!)).toBeNull();
  });

  it("takes an icon made clickable by script alone, near the target, when it shows the pointer (Bahmni's download icon)", () => {
    const page = (style: string) =>
      `<style>.fa { ${style} }</style><table><thead><tr><th>Visit on 04 Mar 25 <span class="pop" title="Share or print the prescription"><i class="fa" title="No email address on file" id="mail">✉</i><i class="fa" title="Download" id="dl">⭳</i><i class="fa" ng-click="printPrescription()" id="print">⎙</i></span></th></tr></thead></table>`;
    document.body.innerHTML = page("cursor: pointer");
    expect(capture("click", document.getElementById("dl")!)).toBe(document.getElementById("dl"));
    // Named by what it does, or not at all: no send.
    expect(capture("click", document.getElementById("mail")!)).toBeNull();
    expect(capture("click", document.getElementById("print")!)).toBeNull();
    // Without the pointer it is no control a person sees, whatever its title.
    document.body.innerHTML = page("cursor: default");
    expect(capture("click", document.getElementById("dl")!)).toBeNull();
    // A control on the path is the one activated, never an icon inside it.
    document.body.innerHTML = '<style>i { cursor: pointer }</style><button id="b">Cancel <i title="Download" id="i">⭳</i></button>';
    expect(capture("click", document.getElementById("i")!)).toBeNull();
  });

  it("stops at the activated control: Cancel inside a clickable Share card is a cancel", () => {
    document.body.innerHTML =
      '<div role="button" aria-label="Share record"><button id="c">Cancel</button><span id="s">details</span></div>';
    expect(capture("click", document.getElementById("c")!)).toBeNull();
    expect(capture("click", document.getElementById("s")!)).toBe(document.querySelector('[role="button"]'));
  });

  it("climbs past an unnamed inner control to the named one around it", () => {
    document.body.innerHTML = '<div role="menuitem" aria-label="Export CCDA"><button id="i"><svg></svg></button></div>';
    expect(capture("click", document.getElementById("i")!)).toBe(document.querySelector('[role="menuitem"]'));
  });

  /** Lays out `html` and watches its form #f: what findActionControl makes of each submit, and a submit with no submitter. */
  function watchSubmits(html: string) {
    document.body.innerHTML = html;
    const form = document.getElementById("f") as HTMLFormElement;
    const seen = { found: null as Element | null };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      seen.found = findActionControl(event);
    });
    // What requestSubmit() fires in a browser: a submit event with no submitter (happy-dom gives the form as submitter).
    const submitBare = () => form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    return { form, seen, submitBare };
  }

  it("uses the submitter of a submit event when it classifies, and only then", () => {
    const { form, seen } = watchSubmits(
      '<form id="f"><button name="draft">Save draft</button><button id="send">Send referral</button></form>',
    );
    const send = document.getElementById("send") as HTMLButtonElement;
    form.requestSubmit(send);
    expect(seen.found).toBe(send);
    form.requestSubmit(form.querySelector('[name="draft"]') as HTMLButtonElement);
    expect(seen.found).toBeNull();
  });

  it("falls back to the form's default button when the submit has no submitter", () => {
    const { form, seen, submitBare } = watchSubmits('<form id="f"><input name="to"><input type="submit" value="Send fax"></form>');
    submitBare();
    expect(seen.found).toBe(form.querySelector('input[type="submit"]'));
  });

  it("takes a form with no submit button, submitted by the page's own requestSubmit(), for a send by its Send button", () => {
    const { seen, submitBare } = watchSubmits(
      '<h2>Compose Fax</h2><form id="f"><label>Fax number <input name="fax"></label><button type="button">Save as Draft</button><button type="button" id="send">Send</button></form>',
    );
    submitBare();
    expect(seen.found).toBe(document.getElementById("send"));
  });

  it("takes the button just pressed (it has the focus) for the submitter of a page's requestSubmit() (OSCAR's input buttons)", () => {
    const { form, seen, submitBare } = watchSubmits(
      '<form id="f"><label>Specialist fax <input name="fax" value="905-555-0182"></label><input type="button" id="save" value="Submit Consultation Request"><input type="button" id="fax" value="Submit And Fax"></form>',
    );
    const submitAfterPress = (id: string) => {
      (document.getElementById(id) as HTMLInputElement).focus();
      submitBare();
    };
    submitAfterPress("save");
    expect(seen.found).toBeNull();
    submitAfterPress("fax");
    expect(seen.found).toBe(document.getElementById("fax"));
    // Enter in a field whose handler submits: the field has the focus, no button was pressed; the form's send counts.
    form.querySelector("input")!.focus();
    submitBare();
    expect(seen.found).toBe(document.getElementById("fax"));
  });

  it("handles an element removed mid-click (path gone, parent chain used)", () => {
    document.body.innerHTML = '<button id="b"><span id="s">Share chart</span></button>';
    const span = document.getElementById("s")!;
    const event = new Event("click", { bubbles: true });
    span.dispatchEvent(event);
    // After dispatch composedPath() is empty; the target's own parent chain still names the button.
    expect(findActionControl(event)).toBe(document.getElementById("b"));
    document.getElementById("b")!.remove();
    expect(findActionControl(event)).toBe(span.parentElement);
  });

  it("never throws on strange events", () => {
    expect(findActionControl(new Event("click"))).toBeNull();
    const hostile = {
      type: "click",
      composedPath: () => {
        throw new Error("hostile");
      },
    } as unknown as Event;
    expect(findActionControl(hostile)).toBeNull();
  });
});
