// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { matchCues, type MatchedCue } from "./cues-match.ts";
import { readCues } from "./cues.ts";
import { PastDeadline } from "./walk.ts";

type Cue = MatchedCue;

afterEach(() => {
  document.body.innerHTML = "";
});

/** Renders a page and reads the cues of its #send control. */
function cuesOf(html: string): Cue[] {
  document.body.innerHTML = html;
  // happy-dom 21 mis-selects from the `selected` attribute when parsing; browsers select it.
  for (const option of document.querySelectorAll<HTMLOptionElement>("option[selected]")) option.selected = true;
  return matchCues(readCues(document.getElementById("send")!));
}
const kinds = (cues: Cue[]) => [...new Set(cues.map((cue) => cue.kind))].sort();

describe("readCues: what is chosen for the share", () => {
  it("reads a checked attachment and not an unchecked one", () => {
    const cues = cuesOf(`
      <form><fieldset><legend>Attach</legend>
        <label><input type="checkbox" checked> Problem list</label>
        <label><input type="checkbox" checked> Psychotherapy note (14 Mar)</label>
        <label><input type="checkbox"> Psychiatric evaluation (02 Feb)</label>
      </fieldset><button id="send">Send Referral</button></form>`);
    expect(cues).toEqual([{ kind: "psychotherapy-notes", source: "attached", text: "Psychotherapy note (14 Mar)" }]);
  });

  it("reads the line under a send dialog's title, which says what it sends; not a paragraph of a section", () => {
    const dialog = cuesOf(`
      <dialog open><form method="dialog"><h2>Share result</h2><p>HIV-1/2 Ag/Ab, 4th generation — Nonreactive (03/02/2025)</p>
        <label>Note <textarea>For the ID consult.</textarea></label><button type="button" id="send">Share</button></form></dialog>`);
    expect(kinds(dialog)).toEqual(["hiv"]);
    const section = cuesOf(`
      <section><h2>Share result</h2><p>HIV screening is offered to every adult at the annual visit.</p>
        <button type="button" id="send">Share</button></section>`);
    expect(section).toEqual([]);
  });

  it("reads the checked rows of a documents table, the row's text naming the document", () => {
    const cues = cuesOf(`
      <form><table><thead><tr><th></th><th>Document</th><th>Date</th></tr></thead><tbody>
        <tr><td><input type="checkbox" checked></td><td>Behavioral health progress note</td><td>03/02/2026</td></tr>
        <tr><td><input type="checkbox"></td><td>HIV-1 RNA viral load</td><td>02/11/2026</td></tr>
      </tbody></table><button id="send">Fax</button></form>`);
    expect(cues).toEqual([{ kind: "mental-health", source: "attached", text: "Behavioral health progress note 03/02/2026" }]);
  });

  it("reads aria-checked and aria-selected items, only the selected ones", () => {
    const cues = cuesOf(`
      <div role="dialog" aria-label="Share documents">
        <div role="listbox" aria-multiselectable="true" aria-label="Documents">
          <div role="option" aria-selected="true">Genetic test results (BRCA1/2)</div>
          <div role="option" aria-selected="false">Prenatal visit note</div>
        </div>
        <div role="checkbox" aria-checked="true">Contraceptive counseling visit</div>
        <div role="checkbox" aria-checked="false">Psychotherapy note</div>
        <button id="send">Share</button>
      </div>`);
    expect(kinds(cues)).toEqual(["genetic", "reproductive-health"]);
  });

  it("reads a listed attachment under an Attachments heading, and nothing under Not included", () => {
    const cues = cuesOf(`
      <form>
        <h3>Attachments</h3><ul><li>HIV 1 RNA (viral load), 02/11</li><li>CBC, 02/11</li></ul>
        <h3>Not included</h3><ul><li>Psychotherapy notes</li></ul>
        <button id="send">Send</button>
      </form>`);
    expect(cues).toEqual([{ kind: "hiv", source: "attached", text: "HIV 1 RNA (viral load), 02/11" }]);
  });

  it("reads the items after a word alone that labels them (eFax's <span>Attachments</span> and its chips), not a heading's", () => {
    const cues = cuesOf(`
      <div><h2>Send a Fax</h2><div class="field"><span>Attachments</span>
        <span class="chip">Lab result — HIV-1/2 Ag/Ab, 4th generation (reactive)</span> <span class="chip">Visit note 11/30/2026</span></div>
        <div class="field"><label for="m">Cover message</label><textarea id="m">New referral for confirmatory testing.</textarea></div>
        <button type="button" id="send">Send Fax</button></div>`);
    expect(cues).toEqual([{ kind: "hiv", source: "attached", text: "Lab result — HIV-1/2 Ag/Ab, 4th generation (reactive)" }]);
    const beside = cuesOf(`
      <div><h2>Send a Fax</h2><div class="field"><span>Notes</span> <span>HIV testing is offered at every visit.</span></div>
        <button type="button" id="send">Send Fax</button></div>`);
    expect(beside).toEqual([]);
  });

  it("reads the items in the block beside a label cell that says they are attached (Intergy's 'Attached' row), not a list of boxes", () => {
    const cues = cuesOf(`
      <div><div role="heading" aria-level="2">Outgoing Referral</div>
        <div class="row"><div class="l">Refer to</div><div class="v">Dana Price, MD</div></div>
        <div class="row"><div class="l">Attached</div><div class="v"><div>BRCA2 genetic test report (outside lab)</div><div>Medication list</div></div></div>
        <div role="button" tabindex="0" id="send">Send Referral</div></div>`);
    expect(cues).toEqual([{ kind: "genetic", source: "attached", text: "BRCA2 genetic test report (outside lab)" }]);
    const boxes = cuesOf(`
      <div><div role="heading" aria-level="2">Outgoing Referral</div>
        <div class="row"><div class="l">Attached</div><div class="v"><label><input type="checkbox"> BRCA2 genetic test report</label></div></div>
        <div role="button" tabindex="0" id="send">Send Referral</div></div>`);
    expect(boxes).toEqual([]);
  });

  it("reads nothing of a send dialog that is not open: its ticked boxes go with its own Send, not a toolbar's Download", () => {
    const cues = cuesOf(`
      <section><div role="toolbar"><button type="button" id="send">Download Clinical Summary (C-CDA)</button></div>
        <dialog><form method="dialog"><h2>Send Chart</h2><fieldset><legend>Include</legend>
          <label><input type="checkbox" checked> HIV-1 RNA viral load, 12/02</label></fieldset><button>Send</button></form></dialog></section>`);
    expect(cues).toEqual([]);
  });

  it("reads attachment chips", () => {
    const cues = cuesOf(
      `<form><div class="attachments"><span class="attachment-chip">Psychiatric evaluation.pdf <button>×</button></span></div><button id="send">Send</button></form>`,
    );
    expect(cues).toEqual([{ kind: "mental-health", source: "attached", text: "Psychiatric evaluation.pdf" }]);
  });

  it("reads an attachment line classed 'att' (TherapyAppointment's composer), not its Share with Other Staff button", () => {
    const cues = cuesOf(
      `<section aria-labelledby="t"><h3 id="t">New Message</h3><div class="ta-att">📎 Psychotherapy notes — sessions 02/11 to 03/04.pdf <button type="button">Share with Other Staff</button></div><button id="send">Send</button></section>`,
    );
    expect(cues).toEqual([
      { kind: "psychotherapy-notes", source: "attached", text: "📎 Psychotherapy notes — sessions 02/11 to 03/04.pdf" },
    ]);
  });

  it("reads an attachment line classed 'attach', with the hidden field that carries it (OneHealthRecord's Direct composer)", () => {
    const cues = cuesOf(
      `<form><div class="dm-attach">Attachment: Discharge summary [42 CFR Part 2] (PDF, 2 pages)<input type="hidden" name="attachment" value="Discharge summary [42 CFR Part 2]"></div><button id="send">Send</button></form>`,
    );
    expect(kinds(cues)).toEqual(["sud-part2"]);
    expect(cues.find((cue) => cue.source === "attached")?.text).toContain("Discharge summary [42 CFR Part 2]");
  });

  it("reads the note type, from a select, a read-only field or a label/value pair", () => {
    expect(
      cuesOf(
        `<form><label for="t">Note type</label><select id="t"><option value="">Choose…</option><option value="p" selected>Psychotherapy process note</option></select><button id="send">Send</button></form>`,
      ),
    ).toEqual([{ kind: "psychotherapy-notes", source: "note-type", text: "Psychotherapy process note" }]);
    expect(
      cuesOf(
        `<form><label for="t">Document type</label><input id="t" readonly value="Psychiatric evaluation"><button id="send">Send</button></form>`,
      ),
    ).toEqual([{ kind: "mental-health", source: "note-type", text: "Psychiatric evaluation" }]);
    expect(
      cuesOf(`<article><dl><dt>Note type</dt><dd>Behavioral health progress note</dd></dl><button id="send">Export PDF</button></article>`),
    ).toEqual([{ kind: "mental-health", source: "note-type", text: "Behavioral health progress note" }]);
  });

  it("reads what a send dialog lists beside its Documents label, as text (Valant's Fax Documents window)", () => {
    const cues = cuesOf(`
      <div role="dialog" aria-label="Fax Documents"><form>
        <div><span class="lbl">Documents</span><div>03/18/2025 Psychotherapy Note (process notes, kept separate)</div></div>
        <div><span class="lbl">From</span>Alex Rivera, PsyD · Maple Street Behavioral Health</div>
        <button type="button" id="send">Send</button>
      </form></div>`);
    expect(cues).toEqual([
      { kind: "psychotherapy-notes", source: "document", text: "03/18/2025 Psychotherapy Note (process notes, kept separate)" },
    ]);
  });

  it('reads what a message is about beside a label that says so (Care360\'s "Referenced clinical activity"), not a hint that explains', () => {
    const cues = cuesOf(`
      <div class="form"><label>Subject <input value="Lab result for your review"></label>
        <p class="hint">Referenced clinical activity: Lab report 03/02/2025 · HIV-1/2 Antigen/Antibody Screen · reactive</p>
        <div role="button" tabindex="0" id="send">Send</div></div>`);
    expect(kinds(cues)).toEqual(["hiv"]);
    const hint = cuesOf(`
      <div class="form"><label>Subject <input value="Lab result for your review"></label>
        <p class="hint">Results such as HIV tests need the patient's consent before they are sent.</p>
        <div role="button" tabindex="0" id="send">Send</div></div>`);
    expect(hint).toEqual([]);
  });

  it("reads where the records come from when a Part 2 program is named there", () => {
    const cues = cuesOf(`<form><p>Program: Eastside Opioid Treatment Program</p><button id="send">Fax records</button></form>`);
    expect(cues).toEqual([{ kind: "sud-part2", source: "program", text: "Eastside Opioid Treatment Program" }]);
  });

  it("reads the export's document title and the control's own name", () => {
    expect(
      cuesOf(
        `<article><h1>Genetic test results — BRCA1/2</h1><section class="toolbar"><button id="send">Download PDF</button></section></article>`,
      ),
    ).toEqual([{ kind: "genetic", source: "document", text: "Genetic test results — BRCA1/2" }]);
    expect(cuesOf(`<form><button id="send">Fax psychiatric evaluation</button></form>`)).toEqual([
      { kind: "mental-health", source: "document", text: "Fax psychiatric evaluation" },
    ]);
  });

  it("reads a Direct message's subject", () => {
    const cues = cuesOf(
      `<form><label for="s">Subject</label><input id="s" value="Psychiatric evaluation for Dr. Lee"><button id="send">Send</button></form>`,
    );
    expect(cues).toEqual([{ kind: "mental-health", source: "document", text: "Psychiatric evaluation for Dr. Lee" }]);
  });

  it("reads the Part 2 redisclosure notice that travels with the record", () => {
    const cues = cuesOf(
      `<form><p class="notice"><strong>Notice:</strong> 42 CFR part 2 prohibits unauthorized use or disclosure of these records.</p><button id="send">Send via Direct</button></form>`,
    );
    expect(cues).toEqual([
      { kind: "sud-part2", source: "notice", text: "42 CFR part 2 prohibits unauthorized use or disclosure of these records." },
    ]);
  });

  it("reads the long-form notice's legal words though a heading names the part first (Kno2's cover page)", () => {
    const cues = cuesOf(
      `<div class="cover"><strong>Cover page</strong> · From: Alex Rivera<br>42 CFR part 2 notice: This record, from a federally assisted substance use disorder treatment program, is protected by federal confidentiality rules (42 CFR part 2). Federal rules prohibit any further disclosure of it.<div><button id="send" aria-label="Send"></button></div></div>`,
    );
    expect(kinds(cues)).toEqual(["sud-part2"]);
  });

  it("reads a notice written into the cover page note that goes with the fax (RingCentral), and what the note itself discloses", () => {
    const form = (note: string) =>
      cuesOf(
        `<form aria-label="New fax"><label for="n">Cover page note</label><textarea id="n">${note}</textarea><button id="send">Send</button></form>`,
      );
    expect(
      kinds(
        form(
          "Forwarded with consent.\n\n42 CFR part 2 notice: This information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2).",
        ),
      ),
    ).toEqual(["sud-part2"]);
    // A test's result is HIV information, whatever it was; a mention of a program does not make the note a Part 2 record.
    expect(kinds(form("Her HIV test was negative; she attends a methadone program."))).toEqual(["hiv"]);
    expect(kinds(form("Forwarded with consent. No HIV history; no genetic testing on file."))).toEqual([]);
  });

  it("reads what a message going with the record says of it, sentence by sentence, not a recipient's box (McKesson's External Message, Updox)", () => {
    const composer = (body: string) =>
      cuesOf(
        `<form aria-label="External Message"><div contenteditable="true" aria-label="To"><span class="chip">Dr. Quinn — Bayview HIV Clinic</span></div><label for="b">Message</label><textarea id="b">${body}</textarea><button id="send">Send</button></form>`,
      );
    expect(kinds(composer("Dr. Quinn, transferring HIV care for this patient as discussed. Summary of care attached."))).toEqual(["hiv"]);
    expect(kinds(composer("Thanks for seeing her.\nIUD insertion for contraception completed 02/14/2025."))).toEqual([
      "reproductive-health",
    ]);
    expect(kinds(composer("Please see her for knee pain. Imaging attached."))).toEqual([]);
    const editor = cuesOf(
      `<div role="dialog" aria-label="New message"><div contenteditable="true" role="textbox" aria-multiline="true" aria-label="Message body"><p>Psychiatric evaluation from 03/04 attached for your review.</p></div><button id="send">Send</button></div>`,
    );
    expect(kinds(editor)).toEqual(["mental-health"]);
  });

  it("reads a record's own statement that 42 CFR Part 2 protects it (Kipu's share confirmation)", () => {
    const cues = cuesOf(
      `<div role="dialog" aria-labelledby="t"><h3 id="t">Share to Patient Portal</h3><p>Discharge summary</p><p class="notice">This record is from a federally assisted substance use disorder program and is protected by 42 CFR Part 2. It will be visible to the patient.</p><button id="send">Share</button></div>`,
    );
    expect(kinds(cues)).toEqual(["sud-part2"]);
  });

  it("reads each item of the block after a form's Attachments label (DataMotion's compose form), not its Remove buttons", () => {
    const cues = cuesOf(
      `<form><div><label>Attachments:</label><div><div class="dm-att"><input type="hidden" name="attachment"><span>Genetic test report — BRCA1/BRCA2 full sequencing: pathogenic BRCA2 variant detected (PDF, 3 pages)</span><button type="button">Remove</button></div><div class="dm-att"><span>Clinical summary — C-CDA (XML)</span><button type="button">Remove</button></div></div></div><input type="submit" id="send" value="Send Secure"></form>`,
    );
    expect(cues).toEqual([
      {
        kind: "genetic",
        source: "attached",
        text: "Genetic test report — BRCA1/BRCA2 full sequencing: pathogenic BRCA2 variant detected (PDF, 3 pages)",
      },
    ]);
  });

  it("reads around a web component's send: its shadow root is stepped out of (a wizard's step footer)", () => {
    document.body.innerHTML = `<main><section><h2>Patient information</h2><label><input type="checkbox" checked> Psychotherapy notes</label></section><x-footer></x-footer></main>`;
    const host = document.querySelector("x-footer")!;
    host.attachShadow({ mode: "open" }).innerHTML = '<div class="bar"><span role="button" id="send">Send referral</span></div>';
    expect(kinds(matchCues(readCues(host.shadowRoot!.getElementById("send")!)))).toEqual(["psychotherapy-notes"]);
  });

  it("a checked box that includes the notice is a cue; an unchecked one is not", () => {
    expect(
      kinds(
        cuesOf(
          `<form><label><input type="checkbox" checked> Include 42 CFR Part 2 redisclosure notice</label><button id="send">Fax</button></form>`,
        ),
      ),
    ).toEqual(["sud-part2"]);
    expect(
      cuesOf(`<form><label><input type="checkbox"> Include 42 CFR Part 2 redisclosure notice</label><button id="send">Fax</button></form>`),
    ).toEqual([]);
  });
});

describe("readCues: the record a dialog was opened from", () => {
  const page = `
    <main>
      <section id="preview"><header><h2>Referral preview</h2><button id="transmit">Transmit ▾</button></header>
        <p><b>Reason:</b> Opioid use disorder, moderate — evaluation for buprenorphine maintenance</p>
        <p>This record contains information on substance use disorder treatment that is protected by federal confidentiality rules (42 CFR part 2).</p>
      </section>
      <section id="other"><h2>Care team</h2><button id="elsewhere">Message care team</button></section>
    </main>
    <div role="dialog" aria-modal="true" aria-labelledby="t"><h2 id="t">Transmit Referral — By Direct Message</h2>
      <form><label for="to">Direct ID</label><input id="to" value="dokoye@direct.cedarridge.example">
        <label for="m">Message</label><textarea id="m">Referral and summary of care attached.</textarea>
        <button type="submit" id="send">Send</button></form></div>`;
  const read = (openedFrom: string | null) => {
    document.body.innerHTML = page;
    return kinds(
      matchCues(readCues(document.getElementById("send")!, undefined, openedFrom ? document.getElementById(openedFrom)! : undefined)),
    );
  };

  it("reads the notice of the record whose control opened the dialog (CharmHealth's Transmit on a referral's preview)", () => {
    expect(read("transmit")).toEqual(["sud-part2"]);
  });

  it("reads nothing more without an opener, or one on another part of the page", () => {
    expect(read(null)).toEqual([]);
    expect(read("elsewhere")).toEqual([]);
  });

  it("never widens to the page's main area, nor for a send in no dialog", () => {
    document.body.innerHTML = `<main><p>Protected by federal confidentiality rules (42 CFR part 2).</p><button id="open">Share</button></main>
      <div role="dialog"><button id="send">Send</button></div>`;
    expect(kinds(matchCues(readCues(document.getElementById("send")!, undefined, document.getElementById("open")!)))).toEqual([]);
    document.body.innerHTML = `<section><p>Protected by federal confidentiality rules (42 CFR part 2).</p><button id="open">Share</button></section>
      <section><button id="send">Send</button></section>`;
    expect(kinds(matchCues(readCues(document.getElementById("send")!, undefined, document.getElementById("open")!)))).toEqual([]);
  });

  describe("a view built of divs, its dialog inside it (PCC's Summary of Care: an h2, its sections, Send via Direct…)", () => {
    const view = (toolbar: string) => `
      <div class="nav"><a href="#bh">Psychotherapy notes</a></div>
      <div class="view"><h2>Summary of Care (C-CDA) — Test Patient</h2>
        <div class="sections"><div><h3>Problems</h3><ul><li>Opioid use disorder, moderate</li></ul></div></div>
        <p>This record contains information on substance use disorder treatment protected by federal confidentiality rules (42 CFR part 2).</p>
        ${toolbar}
        <dialog open><form method="dialog"><header>Send Direct Secure Message</header>
          <label for="to">To</label><select id="to"><option selected>Lena Ortiz, MD — Harbor Genetics Clinic</option></select>
          <button type="button" id="send">Send</button></form></dialog>
      </div>`;
    const cuesAfter = (html: string) => {
      document.body.innerHTML = html;
      return kinds(matchCues(readCues(document.getElementById("send")!, undefined, document.getElementById("open")!)));
    };

    it("reads the block the opener sits in under its heading (its notice), not the rest of the page", () => {
      expect(cuesAfter(view(`<div class="tools"><button id="open">Send via Direct…</button></div>`))).toEqual(["sud-part2"]);
    });

    it("climbs only a few levels for the heading: one further up titles the page", () => {
      const deep = `<div><div><div><div><button id="open">Send via Direct…</button></div></div></div></div>`;
      expect(cuesAfter(view(deep))).toEqual([]);
    });
  });
});

describe("readCues: what is not a cue", () => {
  it("never reads the recipient: a Part 2 program or behavioral health clinic one sends to", () => {
    expect(
      cuesOf(
        `<form><label for="r">Refer to</label><select id="r"><option value="1" selected>Eastside Opioid Treatment Program</option></select><button id="send">Send Referral</button></form>`,
      ),
    ).toEqual([]);
    expect(
      cuesOf(
        `<form><table><thead><tr><th>Provider</th><th>NPI</th></tr></thead><tbody><tr aria-selected="true"><td>Harbor Substance Use Disorder Treatment Program</td><td>1234567893</td></tr></tbody></table><button id="send">Send</button></form>`,
      ),
    ).toEqual([]);
    expect(
      cuesOf(
        `<form><fieldset><legend>Send to</legend><label><input type="checkbox" checked> Riverside Addiction Treatment Center</label></fieldset><button id="send">Send</button></form>`,
      ),
    ).toEqual([]);
  });

  it("ignores help text, buttons and hidden parts", () => {
    expect(
      cuesOf(`<form>
        <p class="help">Records covered by 42 CFR Part 2 need the patient's consent. Psychotherapy notes are never sent with referrals.</p>
        <button type="button">Add psychotherapy note</button>
        <div hidden><label><input type="checkbox" checked> HIV test results</label></div>
        <button id="send">Send Referral</button></form>`),
    ).toEqual([]);
  });

  it("reads nothing outside the action's form: the page's other sections, lists and navigation", () => {
    const cues = cuesOf(`
      <nav><a href="/bh">Behavioral health progress notes</a></nav>
      <section><h2>Recent documents</h2><ul><li>Psychotherapy note (14 Mar)</li><li>HIV 1 RNA viral load</li></ul></section>
      <form><label><input type="checkbox" checked> Medication list</label><button id="send">Send Referral</button></form>`);
    expect(cues).toEqual([]);
  });

  it("reads nothing from a checked box that excludes, nor from negated or empty items", () => {
    const cues = cuesOf(`
      <form>
        <label><input type="checkbox" checked> Exclude psychotherapy notes</label>
        <h3>Attachments</h3><ul><li>Psychotherapy notes are not included</li><li>HIV: not tested</li><li>No mental health history</li></ul>
        <button id="send">Send</button>
      </form>`);
    expect(cues).toEqual([]);
  });

  it("widens from a form to the document around it, never to the page's main area", () => {
    expect(
      cuesOf(`<main><h1>Opioid treatment program intake</h1><article><h2>Intake summary</h2><dl><dt>Program</dt><dd>Riverbend Opioid Treatment Program</dd></dl>
        <form><button id="send">Fax</button></form></article></main>`),
    ).toEqual([{ kind: "sud-part2", source: "program", text: "Riverbend Opioid Treatment Program" }]);
    expect(
      cuesOf(
        `<main><h1>Psychotherapy notes</h1><section><h2>Referral</h2><form><button id="send">Send Referral</button></form></section></main>`,
      ),
    ).toEqual([]);
  });

  it("reads the control's own section first: a long page before it does not push what is chosen past the limit", () => {
    const panels = Array.from(
      { length: 400 },
      (_, i) => `<section><h2>Panel ${i}</h2><div>${"<p>Line</p>".repeat(8)}</div></section>`,
    ).join("");
    const page = (checked: string) =>
      `<main>${panels}<section><h2>Chart documents</h2><ul><li><label><input type="checkbox"${checked}> Psychotherapy note 2026-11-02</label></li></ul>
        <button id="send">Fax selected</button></section></main>`;
    expect(kinds(cuesOf(page(" checked")))).toEqual(["psychotherapy-notes"]);
    expect(document.querySelectorAll("main *").length).toBeGreaterThan(4_000);
    expect(kinds(cuesOf(page("")))).toEqual([]);
  });

  it("reads a small document whole when its Send sits below its one form (Ocean's referral in a frame), not a large page", () => {
    const referral = `<div>Referral to: Lakeshore Infectious Diseases Clinic</div><form><h3>Reason for Referral</h3><textarea name="reason">Viral load rebound after two years suppressed.</textarea><div class="muted">Attachments: HIV viral load and CD4 results (2023–2025).pdf · Medication list.pdf</div></form><div class="actions"><label><input type="checkbox" checked> I accept the Terms of Use</label><button id="send">Send Referral</button></div>`;
    expect(kinds(cuesOf(referral))).toEqual(["hiv"]);
    expect(cuesOf(`<ul>${"<li>Visit</li>".repeat(200)}</ul>${referral}`)).toEqual([]);
  });

  it("reads a small document's headings when a viewer's Download sends it whole (SimplePractice's document viewer)", () => {
    const viewer = `<div class="pdf-toolbar" role="toolbar" aria-label="Document"><span>Page 1 of 4</span><button id="send" title="Download">Download</button></div><div class="page"><h1>Riverside Psychiatry Group</h1><h2>Psychiatric Evaluation — Initial</h2><p>Chief complaint: low mood and poor sleep for 4 months.</p></div>`;
    expect(cuesOf(viewer)).toEqual([{ kind: "mental-health", source: "document", text: "Psychiatric Evaluation — Initial" }]);
    // In a large page the headings are the page's, not the document's.
    expect(cuesOf(`<ul>${"<li>Visit</li>".repeat(200)}</ul>${viewer}`)).toEqual([]);
  });

  it("reads a small framed document whole when its Download sits in a form of its own (CRISP's discharge summary)", () => {
    const summary = `<main><h1>Discharge Summary — Residential Treatment</h1><p class="notice">This record is from a federally assisted substance use disorder program and is protected by 42 CFR Part 2.</p><form><input type="image" id="send" alt="Download" src="data:,"> <span>Original document (PDF)</span></form></main>`;
    // At the top, the same document is a page: its form alone says what it sends.
    expect(cuesOf(summary)).toEqual([]);
    // In a frame (the e2e corpus's /cues/outside-record-part2-frame runs this in real browsers).
    const top = vi.spyOn(window, "top", "get").mockReturnValue({} as Window);
    try {
      expect(kinds(cuesOf(summary))).toEqual(["sud-part2"]);
    } finally {
      top.mockRestore();
    }
  });

  it("reads the row a control acts on, not the rows beside it (Jane's file list)", () => {
    const list = `<table><tr><th>File</th><th></th></tr><tr><td>HIV-1 RNA viral load — 02/11.pdf</td><td><span role="button">Download</span></td></tr><tr><td>Hereditary cancer panel (BRCA1/BRCA2) — germline genetic test result.pdf</td><td><span role="button" id="send">Download</span></td></tr></table>`;
    expect(kinds(cuesOf(list))).toEqual(["genetic"]);
  });

  it("reads the value after a label that ends with its colon (DrChrono's fax dialog: <strong>Documents:</strong> <span>…</span>)", () => {
    const dialog = `<div role="dialog" aria-label="Fax documents"><div><strong>Documents:</strong> <span>HIV-1 RNA viral load — 02/11</span></div><button id="send">Send Fax</button></div>`;
    expect(kinds(cuesOf(dialog))).toEqual(["hiv"]);
  });

  it("follows form= to the control's form", () => {
    document.body.innerHTML = `<form id="f"><label><input type="checkbox" checked> Psychotherapy note</label></form><div><div><div><button id="send" form="f">Send</button></div></div></div>`;
    expect(kinds(matchCues(readCues(document.getElementById("send")!)))).toEqual(["psychotherapy-notes"]);
  });

  it("stops at a bounded number of cues and bounds their text", () => {
    const items = Array.from({ length: 60 }, (_, i) => `<li>Psychiatric evaluation ${i} ${"x".repeat(200)}</li>`).join("");
    document.body.innerHTML = `<form><h3>Attachments</h3><ul>${items}</ul><button id="send">Send</button></form>`;
    const read = readCues(document.getElementById("send")!);
    expect(read.length).toBe(40);
    for (const cue of read) expect(cue.text.length).toBeLessThanOrEqual(120);
  });
});

describe("readCues ahead of time", () => {
  it("throws PastDeadline past its deadline rather than answer from half the page, and reads in full without one", () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<li>Line ${i}</li>`).join("");
    document.body.innerHTML = `<form><ul>${rows}</ul><label><input type="checkbox" checked> Psychotherapy notes</label><button id="send">Send</button></form>`;
    const send = document.getElementById("send")!;
    expect(() => readCues(send, -1)).toThrow(PastDeadline);
    expect(kinds(matchCues(readCues(send)))).toEqual(["psychotherapy-notes"]);
  });

  it("throws when the page breaks the reading, rather than answer from what came before the break", () => {
    document.body.innerHTML = `<form><label><input type="checkbox" checked> Psychotherapy notes</label><button id="send">Send</button></form>`;
    Object.defineProperty(document.getElementById("send")!, "closest", {
      value: () => {
        throw new Error("hostile");
      },
    });
    expect(() => readCues(document.getElementById("send")!)).toThrow("hostile");
  });
});
