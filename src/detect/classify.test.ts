// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { NEGATIVES, POSITIVES } from "../../test/support/detect-fixtures.ts";
import { classifyControl, classifyKeySend, isControlElement } from "./classify.ts";
import { provideFieldMeaning } from "./field-meaning.ts";
import { pageReader } from "./reader.ts";

/** The last control-ish element of a fixture: the fixtures put the element under test last. */
function subject(html: string): Element {
  document.body.innerHTML = html;
  const all = document.body.querySelectorAll("button, a, input, label, span, div, li, summary");
  const controls = Array.from(all).filter((el) => isControlElement(el));
  return controls.at(-1) ?? all[all.length - 1]!;
}

describe("classifyControl", () => {
  it("has a broad table", () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(40);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(POSITIVES)("classifies $html as $kind", ({ html, kind }) => {
    expect(classifyControl(subject(html))?.kind).toBe(kind);
  });

  it.each(NEGATIVES)("stays quiet on $html", ({ html }) => {
    expect(classifyControl(subject(html))).toBeNull();
  });

  it("reports the accessible name as the label", () => {
    expect(classifyControl(subject("<button><span>Send</span>  <span>Referral</span></button>"))).toEqual({
      kind: "referral",
      label: "Send Referral",
    });
  });

  it("marks a Send that only a record's title made a share: its channel is untold; a titled release's is not", () => {
    const letter =
      '<div class="sheet"><div class="head"><h3>Consultation Letter</h3></div><p>Thank you for seeing this patient.</p><div class="bar"><div role="button" tabindex="0">Send</div></div></div>';
    expect(classifyControl(subject(letter))).toEqual({ kind: "share", label: "Send", untold: true });
    // A drawer titled by what it sends, with the recipient's card in it (Health Gorilla's Send clinical document).
    const drawer =
      '<form><h2>Send clinical document</h2><p>To</p><div class="card"><b>Samuel Ortiz, MD</b></div><textarea></textarea><div role="button" tabindex="0">Send</div></form>';
    expect(classifyControl(subject(drawer))).toEqual({ kind: "share", label: "Send", untold: true });
    expect(classifyControl(subject("<form><h2>Release of information</h2><button>Release</button></form>"))).toEqual({
      kind: "share",
      label: "Release",
    });
  });

  it("uses the kind as the label of an unnamed control known only by hints", () => {
    expect(classifyControl(subject('<button class="btn-fax"></button>'))).toEqual({ kind: "fax", label: "fax" });
  });

  it("flags controls that open a menu or dialog", () => {
    expect(classifyControl(subject('<button aria-haspopup="menu">Share</button>'))).toEqual({
      kind: "share",
      label: "Share",
      opensPopup: true,
    });
  });

  it("flags a name of two words or more, or a way alone where the dialog has fields, that begins a closed dialog's title as its opener", () => {
    document.body.innerHTML =
      '<form><button id="send">Send</button></form><button id="records">Send Records</button><button id="fax">Fax</button><dialog aria-labelledby="t"><header id="t">Send Records by Fax</header></dialog><dialog aria-labelledby="u"><header id="u">Fax letter</header><label>Fax number <input></label><button>Send</button></dialog>';
    expect(classifyControl(document.getElementById("records")!)).toEqual({ kind: "share", label: "Send Records", opensPopup: true });
    // TELUS CHR's letter: Fax opens the Fax letter dialog, whose Send is the one held.
    expect(classifyControl(document.getElementById("fax")!)).toEqual({ kind: "fax", label: "Fax", opensPopup: true });
    expect(classifyControl(document.getElementById("send")!)?.opensPopup).toBeUndefined();
    // A dialog of the way's settings is no place a record is sent from.
    document.body.innerHTML =
      '<button id="fax">Fax</button><dialog aria-labelledby="u"><header id="u">Fax settings</header><label>Fax number <input></label></dialog>';
    expect(classifyControl(document.getElementById("fax")!)).toEqual({ kind: "fax", label: "Fax" });
  });

  it("flags a name as the opener of a closed composer titled as a new one of it (Frappe's ⋯ › Email opens New Email)", () => {
    const page = (dialog: string) =>
      `<section><h2>Patient Encounter HLC-00417</h2><div role="menu"><a role="menuitem" id="email">Email</a></div></section><div hidden><div role="dialog" aria-labelledby="t">${dialog}</div></div>`;
    document.body.innerHTML = page('<h3 id="t">New Email</h3><div contenteditable="true"></div><button>Send</button>');
    expect(classifyControl(document.getElementById("email")!)?.opensPopup).toBe(true);
    // One with nothing to write in is no composer: the Email may send (held, fail safe).
    document.body.innerHTML = page('<h3 id="t">New Email</h3><p>Email sent.</p>');
    expect(classifyControl(document.getElementById("email")!)).toEqual({ kind: "share", label: "Email", untold: true });
  });

  it("flags a plain Send as the opener of a closed message dialog with its own Send and a box to write in (RevolutionEHR)", () => {
    const page = (dialog: string) =>
      `<section><h2>Referrals · Add</h2><div><span id="l">Referred To</span> <div role="combobox" aria-labelledby="l">Hannah Weiss, MD</div></div><div><button id="send">Send</button></div></section>${dialog}`;
    document.body.innerHTML = page(
      '<dialog aria-labelledby="t"><h2 id="t">New Message</h2><div>To <span>Hannah Weiss, MD</span></div><textarea></textarea><button>Cancel</button><button>Send</button></dialog>',
    );
    expect(classifyControl(document.getElementById("send")!)).toEqual({ kind: "referral", label: "Send", opensPopup: true });
    // A closed dialog of another send with nothing to write, or none: the Send sends.
    document.body.innerHTML = page('<dialog aria-labelledby="t"><h2 id="t">Confirm</h2><p>Send it now?</p><button>Send</button></dialog>');
    expect(classifyControl(document.getElementById("send")!)).toEqual({ kind: "referral", label: "Send" });
    document.body.innerHTML = page("");
    expect(classifyControl(document.getElementById("send")!)).toEqual({ kind: "referral", label: "Send" });
  });

  it("flags a file format alone as the opener of a closed viewer titled by it that has its own Download, also one kept in a <template>", () => {
    const viewer = (tools: string) =>
      `<div role="dialog" aria-modal="true" aria-label="PDF — Consultation request"><div class="tools">${tools}</div><div class="sheet">To: Dr. Singh</div></div>`;
    // TELUS CHR's letter: PDF clones its viewer from a template; the viewer's Download is the export held.
    document.body.innerHTML = `<article><h2>Letter: consultation request</h2><footer><button id="pdf">PDF</button></footer></article><template>${viewer('<span role="button" tabindex="0">Download</span><span role="button">Close</span>')}</template>`;
    expect(classifyControl(document.getElementById("pdf")!)).toEqual({ kind: "export", label: "PDF", opensPopup: true });
    document.body.innerHTML = `<article><h2>Letter: consultation request</h2><footer><button id="pdf">PDF</button></footer></article><div hidden>${viewer("<button>Print</button>")}</div>`;
    expect(classifyControl(document.getElementById("pdf")!)?.opensPopup).toBe(true);
    // A viewer with nothing of its own to take the record out, or none at all: the PDF may be the download (fail safe).
    document.body.innerHTML = `<article><h2>Letter: consultation request</h2><footer><button id="pdf">PDF</button></footer></article><template>${viewer("<button>Close</button>")}</template>`;
    expect(classifyControl(document.getElementById("pdf")!)).toEqual({ kind: "export", label: "PDF" });
    document.body.innerHTML = '<article><h2>Letter: consultation request</h2><footer><button id="pdf">PDF</button></footer></article>';
    expect(classifyControl(document.getElementById("pdf")!)).toEqual({ kind: "export", label: "PDF" });
    // An element named template that holds no content (another namespace's) is no panel, and breaks nothing.
    document.body.append(document.createElementNS("urn:example", "template"));
    expect(classifyControl(document.getElementById("pdf")!)).toEqual({ kind: "export", label: "PDF" });
  });

  it("flags a Download alone as the opener of a closed dialog titled by it that has its own Download (SimplePractice)", () => {
    const page = (footer: string) => `<article aria-labelledby="nt"><header><b id="nt">Psychotherapy Note</b>
      <button id="print">Print</button> <button id="open">Download</button></header><p>Process notes, session 11.</p></article>
      <dialog aria-labelledby="dt"><h3 id="dt">Download psychotherapy note</h3><label><input type="checkbox" checked> Include signature</label>
      <footer>${footer}</footer></dialog>`;
    document.body.innerHTML = page('<button>Cancel</button><button id="go">Download</button>');
    expect(classifyControl(document.getElementById("open")!)).toEqual({ kind: "export", label: "Download", opensPopup: true });
    (document.querySelector("dialog") as HTMLDialogElement).setAttribute("open", "");
    expect(classifyControl(document.getElementById("go")!)).toEqual({ kind: "export", label: "Download" });
    // A dialog with no download of its own: the Download may be the download (fail safe).
    document.body.innerHTML = page("<button>Close</button>");
    expect(classifyControl(document.getElementById("open")!)).toEqual({ kind: "export", label: "Download" });
  });

  it("reads a control in a panel cloned from a <template> as itself, not as the opener of the template's copy", () => {
    // Semble's share panel and TELUS CHR's PDF viewer are cloned into the page; the template stays behind.
    const share =
      '<div role="dialog" aria-modal="true" aria-labelledby="st"><h3 id="st">Share “Hereditary cancer gene panel — result”</h3><form><label>Share with <input value="Dr. Lee"></label><button type="submit" class="live">Share</button></form></div>';
    document.body.innerHTML = `<main><h1>Results</h1></main><template>${share}</template>${share}`;
    expect(classifyControl(document.querySelector("body > div .live")!)).toEqual({ kind: "share", label: "Share" });
    const viewer =
      '<div role="dialog" aria-modal="true" aria-label="PDF — Consultation request — thyroid nodule"><span>Consultation request — thyroid nodule.pdf</span><span role="button" tabindex="0" class="live">Download</span></div>';
    document.body.innerHTML = `<template>${viewer}</template>${viewer}`;
    expect(classifyControl(document.querySelector("body > div .live")!)).toEqual({ kind: "export", label: "Download" });
  });

  it("flags a button bearing the title of a closed dialog as its opener, not a send inside it or an open one", () => {
    const dialog = (open: string) =>
      `<dialog${open} aria-labelledby="t"><h2 id="t">Enviar a su médico vía Direct</h2><button id="inner">Enviar a su médico vía Direct</button></dialog>`;
    document.body.innerHTML = `<button id="opener">Enviar a su médico vía Direct</button>${dialog("")}`;
    expect(classifyControl(document.getElementById("opener")!)).toEqual({
      kind: "direct",
      label: "Enviar a su médico vía Direct",
      opensPopup: true,
    });
    expect(classifyControl(document.getElementById("inner")!)?.opensPopup).toBeUndefined();
    document.body.innerHTML = `<button id="opener">Enviar a su médico vía Direct</button>${dialog(" open")}`;
    expect(classifyControl(document.getElementById("opener")!)?.opensPopup).toBeUndefined();
    document.body.innerHTML =
      '<button id="opener">Send via Direct</button><div hidden><div role="dialog"><h2>Send referral</h2></div></div>';
    expect(classifyControl(document.getElementById("opener")!)?.opensPopup).toBeUndefined();
  });

  it("flags a control whose own markup says it opens something: expands, a Bootstrap toggle, an opening handler", () => {
    for (const html of [
      '<button aria-expanded="false" aria-controls="fax-form">Fax</button>',
      '<button data-toggle="modal" data-target="#faxModal">Fax</button>',
      '<button data-bs-toggle="offcanvas" data-bs-target="#share">Share</button>',
      '<button onclick="openFaxDialog(12)">Fax</button>',
      '<a href="#" ng-click="vm.showShareModal()">Share chart</a>',
    ]) {
      expect(classifyControl(subject(html))?.opensPopup, html).toBe(true);
    }
    // Saying what it sends is no sign it opens anything: held.
    for (const html of ['<button onclick="sendFax(12)">Fax</button>', '<button data-toggle="tooltip" title="Sends now">Fax</button>']) {
      expect(classifyControl(subject(html))?.opensPopup, html).toBeUndefined();
    }
  });

  it("flags a name ending in an ellipsis as an opener, but not a send in progress", () => {
    for (const label of ["Send Direct Message…", "Fax referral...", "Compartir expediente…"])
      expect(classifyControl(subject(`<button>${label}</button>`))?.opensPopup, label).toBe(true);
    for (const label of ["Sending…", "Enviando...", "Please wait…", "Send Direct Message"])
      expect(
        classifyControl(subject(`<form><h2>Fax document</h2><label>Fax number <input></label><button>${label}</button></form>`))
          ?.opensPopup,
        label,
      ).toBeUndefined();
  });

  it("holds a control whose name only begins a closed panel's title: it may send itself (fail safe)", () => {
    document.body.innerHTML =
      '<button id="opener" title="Fax"><svg></svg></button><dialog aria-labelledby="t"><h3 id="t">Fax Document</h3><button>Send</button></dialog>';
    expect(classifyControl(document.getElementById("opener")!)).toEqual({ kind: "fax", label: "Fax" });
  });

  it("flags a way alone as the opener of the untitled hidden block beside it with a field and a Send of its own (TheraByte)", () => {
    const note = (block: string) =>
      `<div role="dialog" aria-modal="true"><h2>Session note</h2><div class="toolbar"><button>Download</button><button id="email">Email</button></div>${block}</div>`;
    document.body.innerHTML = note(
      '<div hidden><label>Send PDF note to <input value="jane@example.com"></label><button>Send</button></div>',
    );
    expect(classifyControl(document.getElementById("email")!)).toMatchObject({ kind: "share", opensPopup: true });
    // A block with no Send of its own, or shown, is no sign: the Email sends.
    document.body.innerHTML = note("<div hidden><label>Note <input></label><button>Save</button></div>");
    expect(classifyControl(document.getElementById("email")!)?.opensPopup).toBeUndefined();
    document.body.innerHTML = note("<div><label>Send PDF note to <input></label><button>Send</button></div>");
    expect(classifyControl(document.getElementById("email")!)?.opensPopup).toBeUndefined();
  });

  it("flags a step then a send as the opener of the closed confirmation of it with that verb (iSOFT's Authorise & Deliver)", () => {
    const page = (title: string) =>
      `<main><h1>Discharge summaries</h1><section><div role="button" tabindex="0" id="go">Authorise &amp; Deliver</div></section><div hidden><div role="dialog" aria-modal="true" aria-labelledby="t"><h3 id="t">${title}</h3><div role="button" tabindex="0">Deliver</div></div></div></main>`;
    document.body.innerHTML = page("Confirm delivery");
    expect(classifyControl(document.getElementById("go")!)).toMatchObject({ kind: "share", opensPopup: true });
    // A bare "Confirm" may be another flow's: the send is held (fail safe).
    document.body.innerHTML = page("Confirm");
    expect(classifyControl(document.getElementById("go")!)?.opensPopup).toBeUndefined();
  });

  it("flags a menu item that, read with its menu's button, bears the title of a hidden form as its opener", () => {
    document.body.innerHTML =
      '<button aria-haspopup="true" aria-controls="m">Transmit</button><ul role="menu" id="m"><li role="menuitem" id="direct">By Direct Message</li><li role="menuitem" id="fax">By Fax</li></ul>' +
      '<form hidden aria-labelledby="t"><h3 id="t">Transmit by Direct Message</h3><label>Direct ID <input></label><button>Send</button></form>';
    expect(classifyControl(document.getElementById("direct")!)?.opensPopup).toBe(true);
    expect(classifyControl(document.getElementById("fax")!)).toEqual({ kind: "fax", label: "By Fax" });
  });

  it("sees through zero-width characters and bidi marks used to dodge matching", () => {
    expect(classifyControl(subject("<button>S\u200Bha\u200Ere\u202E</button>"))?.kind).toBe("share");
    expect(classifyControl(subject("<button>Share\u200B screen</button>"))).toBeNull();
  });

  it("ignores sentences and 10k-character labels", () => {
    expect(classifyControl(subject(`<button>Share ${"x ".repeat(5000)}</button>`))).toBeNull();
    const long = `Share${"\u200B".repeat(10_000)}`;
    expect(classifyControl(subject(`<button aria-label="${long}"></button>`))?.kind).toBe("share");
  });

  it("when reading around a control fails, classifies it from its own name alone, marked unread (fail safe)", () => {
    const broken = (html: string) => {
      const el = subject(html);
      Object.defineProperty(el, "parentElement", {
        get: () => {
          throw new Error("hostile");
        },
      });
      return classifyControl(el);
    };
    expect(broken("<div><button>Fax chart</button></div>")).toEqual({ kind: "fax", label: "Fax chart", unread: true });
    // Read as the whole classifier reads it: a German verb last, a count after.
    expect(broken("<div><button>Per Fax senden</button></div>")).toEqual({ kind: "fax", label: "Per Fax senden", unread: true });
    expect(broken("<div><button>Fax chart (3 pages)</button></div>")?.kind).toBe("fax");
    // Its own name says nothing sends, or says it is a look-alike: still no send.
    expect(broken("<div><button>Send</button></div>")).toBeNull();
    expect(broken("<div><button>Send reminder</button></div>")).toBeNull();
    expect(broken("<div><button>Print preview</button></div>")).toBeNull();
  });

  it("returns null for anything that throws", () => {
    const el = subject("<button>Share</button>");
    Object.defineProperty(el, "localName", {
      get: () => {
        throw new Error("hostile");
      },
    });
    expect(classifyControl(el)).toBeNull();
  });
});

describe("before the reader's labels have come (content.js at the page's first press)", () => {
  // A box of its own: an earlier test leaves a hostile element in the body that cannot be removed.
  const page = (html: string) => {
    const box = document.createElement("div");
    box.innerHTML = html;
    document.body.append(box);
  };
  const withoutFields = (run: () => void) => {
    provideFieldMeaning(undefined);
    try {
      run();
    } finally {
      provideFieldMeaning(pageReader.fieldMeaning);
    }
  };

  it("a generic Send among fields is pending, to be classified once they can be read", () => {
    page(`<form><label>Fax number <input value="(555) 010-4455"></label><button type="button" id="send">Send</button></form>`);
    const send = document.getElementById("send")!;
    withoutFields(() => expect(classifyControl(send)).toEqual({ kind: "share", label: "Send", untold: true, pending: true }));
    expect(classifyControl(send)).toMatchObject({ kind: "fax" });
  });

  it("a control whose name says what it sends is classified at once", () => {
    page(`<form><label>Fax number <input></label><button type="button" id="chart">Fax chart</button></form>`);
    withoutFields(() => expect(classifyControl(document.getElementById("chart")!)).toMatchObject({ kind: "fax" }));
  });

  it("a key that sends from a composer is a share whose channel the recipient tells", () => {
    page(`<form><label>Fax number <input></label><textarea id="note"></textarea></form>`);
    withoutFields(() => expect(classifyKeySend(document.getElementById("note")!)).toEqual({ kind: "share", label: "Send", untold: true }));
  });
});
