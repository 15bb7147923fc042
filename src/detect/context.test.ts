// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { ActionKind } from "./action.ts";
import { classifyControl } from "./classify.ts";

afterEach(() => {
  document.body.innerHTML = "";
  document.title = "";
});

/** Generic controls (marked id="go") whose kind only their surroundings say; null: nothing around them does. */
const SHAPES: Array<{ name: string; html: string; title?: string; kind: ActionKind | null }> = [
  {
    name: "a viewer toolbar's Download, the toolbar named for itself: the document it shows names the study (CIMAR)",
    html: '<div role="toolbar" aria-label="Viewer tools"><span>MR Knee Left · Series 3/7</span><button id="go" title="Download study (ZIP)">Download</button></div>',
    title: "Study viewer",
    kind: "export",
  },
  {
    name: "a document manager's toolbar Export, named DocMan, in a chart",
    html: '<div role="toolbar" aria-label="DocMan"><span role="button" tabindex="0">Fax</span><span role="button" tabindex="0" id="go">Export</span></div><table aria-label="Documents"><tr><td>Chest x-ray report</td></tr></table>',
    title: "e-MDs Chart - DocMan",
    kind: "export",
  },
  {
    name: "a Send beside a Fax Number field",
    html: '<form><label>Fax Number <input value="(555) 010-4477"></label><button id="go">Send</button></form>',
    kind: "fax",
  },
  {
    name: "Transmit beside a Direct Address field",
    html: '<form><h2>Continuity of Care Document</h2><label>Direct Address <input value="a@direct.x.example"></label><input type="submit" id="go" value="Transmit"></form>',
    kind: "direct",
  },
  {
    name: "a Send beside a Refer to field, even with a fax number",
    html: '<form><label>Fax <input></label><label>Refer to <input value="Dr. B"></label><button id="go">Submit</button></form>',
    kind: "referral",
  },
  {
    name: "a Send whose To holds a Direct address",
    html: '<form><label>To <input value="Dr. Chen &lt;mchen@direct.lakeside.example&gt;"></label><button id="go">Send</button></form>',
    kind: "direct",
  },
  {
    name: "a Send whose To holds an ordinary email",
    html: '<form><label>To <input value="mchen@gmail.example"></label><button id="go">Send</button></form>',
    kind: null,
  },
  {
    name: "an e-mail Send whose form attaches a checked record (Tryton's e-mail window, in Spanish)",
    html: '<div role="dialog" class="modal"><form class="modal-content"><h4 class="modal-title">Correo electrónico EVAL-000412</h4><label>A: <input value="Dra. Lucía Ferreyra &lt;lferreyra@clinicasanmartin.example.org&gt;"></label><label>Asunto: <input value="Evaluación EVAL-000412"></label><label>Informes</label><div class="checkbox"><label><input type="checkbox" checked> Evaluación del paciente</label></div><div class="checkbox"><label><input type="checkbox"> Resumen clínico del paciente</label></div><button type="submit" id="go">Enviar</button></form></div>',
    kind: "share",
  },
  {
    name: "an e-mail Send that attaches checked visit notes",
    html: '<form><label>To <input value="mchen@gmail.example"></label><fieldset><legend>Attach</legend><label><input type="checkbox" checked> Visit notes 03/14</label></fieldset><button id="go">Send</button></form>',
    kind: "share",
  },
  {
    name: "an e-mail Send whose only checked box is no record (a read receipt), nor one left unchecked",
    html: '<form><label>To <input value="mchen@gmail.example"></label><label><input type="checkbox" checked> Request a read receipt</label><label><input type="checkbox"> Visit notes 03/14</label><button id="go">Send</button></form>',
    kind: null,
  },
  {
    name: "a chat Send beside a documents list whose boxes are checked for other work, outside its form",
    html: '<section><h2>Documents</h2><ul><li><label><input type="checkbox" checked> Visit notes 03/14</label></li></ul><form><label>Message <input></label><button id="go">Send</button></form></section>',
    kind: null,
  },
  {
    name: "an e-mail Send whose checked box is in a list titled Attachments (HMIS on PrimeFaces: a Diagnosis Card)",
    html: '<div role="dialog" class="ui-dialog"><div class="ui-dialog-titlebar"><span class="ui-dialog-title">Send Email</span></div><form class="ui-dialog-content"><label for="to">To</label><input id="to" value="records@lakesidecardiology.example"><label for="subj">Subject</label><input id="subj" value="Visit 2026-11-30"><label>Attachments</label><table class="ui-selectmanycheckbox"><tbody><tr><td><div class="ui-chkbox"><div class="ui-helper-hidden-accessible"><input type="checkbox" id="att0" checked></div><div class="ui-chkbox-box ui-state-active"></div></div><label for="att0">Diagnosis Card</label></td><td><div class="ui-chkbox"><div class="ui-helper-hidden-accessible"><input type="checkbox" id="att1"></div></div><label for="att1">Discharge Card</label></td></tr></tbody></table><button id="go" type="submit">Send Mail</button></form></div>',
    kind: "share",
  },
  {
    name: "an e-mail Send with an Attachments list where nothing is checked, and a checked box after an Attach button",
    html: '<form><label>To <input value="mchen@gmail.example"></label><label>Attachments</label><ul><li><label><input type="checkbox"> Diagnosis Card</label></li></ul><button type="button">Attach</button><label><input type="checkbox" checked> Mark urgent</label><button id="go">Send Mail</button></form>',
    kind: null,
  },
  {
    name: "Download under a CCD heading",
    html: '<section><h3>Continuity of Care Document</h3><form><input type="submit" id="go" value="Download"></form></section>',
    kind: "export",
  },
  {
    name: "Download PDF in a titled card",
    html: '<div class="card"><h2>Discharge summary</h2><button id="go">Download PDF</button></div>',
    kind: "export",
  },
  {
    name: "Download of a billing statement on a page about the record",
    html: '<h1>Download my record</h1><section><h2>Billing statements</h2><form><button id="go">Download</button></form></section>',
    kind: null,
  },
  { name: "Download of a schedule", html: '<section><h2>Schedule — Tuesday</h2><button id="go">Download</button></section>', kind: null },
  {
    name: "Export in a report list titled Export to Excel",
    html: '<section><h2>Export to Excel</h2><button id="go">Export</button></section>',
    kind: null,
  },
  {
    name: "a title-only Send in a Send Chart section",
    html: '<section><h2>Communications — Send Chart</h2><button id="go" title="Send"></button></section>',
    kind: "share",
  },
  {
    name: "Sign & Send of a Letter to Provider",
    html: '<form><h2>Letter to Provider</h2><button id="go">Sign &amp; Send</button></form>',
    kind: "share",
  },
  {
    name: "Release on a Release of Information desk",
    html: '<section aria-label="Release of Information"><form><button id="go">Release</button></form></section>',
    kind: "share",
  },
  {
    name: "Enviar in a Remisión form",
    html: '<form><h2>Remisión a especialista</h2><button id="go">Enviar</button></form>',
    kind: "referral",
  },
  {
    name: "a Send in an appointment reminder stays quiet even on a referral page",
    html: '<h1>Referral</h1><section><h2>Appointment reminder</h2><button id="go">Send</button></section>',
    kind: null,
  },
  {
    name: "a Send with nothing around it but the document title",
    html: '<div><button id="go">Send</button></div>',
    title: "Fax document — EHR",
    kind: "fax",
  },
  {
    name: "a Submit in a toolkit window titled by a classed header block",
    html: '<div class="x-window"><div class="x-window-header"><span>Fax Document</span></div><div class="x-window-body"><button id="go">Submit</button></div></div>',
    kind: "fax",
  },
  {
    name: "a search form's Submit on a referrals page",
    html: '<h1>Referral management</h1><form method="get"><input name="q"><button id="go">Submit</button></form>',
    kind: null,
  },
  { name: "a role=search Go on a fax page", html: '<h1>Fax</h1><div role="search"><input><button id="go">Go</button></div>', kind: null },
  {
    name: "a Send whose only title is the page's, naming two ways: neither decides (Care360's message and fax page)",
    html: '<h1>Compose clinical message and clinical fax</h1><div><button id="go">Send</button></div>',
    kind: null,
  },
  {
    name: "a page title whose other part names nothing still decides for a Download (Discharge summary and plan)",
    html: '<h1>Discharge summary and plan</h1><div><button id="go">Download</button></div>',
    kind: "export",
  },
  {
    name: 'a page title whose other part names the same way still decides (Healthie\'s documents "with Fax and Download")',
    html: '<main><h1>Client documents, menus with Fax and Download</h1><div role="list"><div role="listitem"><div><div class="doc">Nutrition Care Plan</div><div>Uploaded 02/20/2025</div></div><div><div role="button" aria-haspopup="menu">⋮</div><div role="menu"><div role="menuitem" id="go">Download</div><div role="menuitem">Share</div><div role="menuitem">Fax</div></div></div></div></div></main>',
    kind: "export",
  },
  {
    name: "the same title heading the page's main area decides nothing either",
    html: '<main><h1>Compose clinical message and clinical fax</h1><div><button id="go">Send</button></div></main>',
    kind: null,
  },
  {
    name: "a page title naming correspondence and a referral makes its Send no referral: a record sent, its way untold (TrakCare)",
    html: '<h1>Outgoing correspondence and referral</h1><div><button id="go">Send</button></div>',
    kind: "share",
  },
  {
    name: "a page title whose other part names no way still decides (Sign and send referral)",
    html: '<h1>Sign and send referral</h1><div><button id="go">Send</button></div>',
    kind: "referral",
  },
  {
    name: "a chat Send with nothing around it",
    html: '<div class="chat"><textarea></textarea><button id="go">Send</button></div>',
    title: "Video visit",
    kind: null,
  },
];

describe("generic controls classified by their context", () => {
  it.each(SHAPES)("$name", ({ html, title, kind }) => {
    document.body.innerHTML = html;
    if (title) document.title = title;
    expect(classifyControl(document.getElementById("go")!)?.kind ?? null).toBe(kind);
  });

  it("reads the titles of the frames around a frame, out to the top (pdf.js in a frame in a frame)", () => {
    /** A document shown in `frame` (happy-dom loads no frames: a div stands in, linked as a browser links a frame). */
    const framed = (frame: Element, title: string): Document => {
      const doc = document.implementation.createHTMLDocument(title);
      Object.defineProperty(doc, "defaultView", { value: { frameElement: frame } });
      return doc;
    };
    document.body.innerHTML = '<div id="outer" title="Saved letter"></div>';
    const middle = framed(document.getElementById("outer")!, "Letter");
    middle.body.innerHTML = '<div id="inner"></div>';
    const viewer = framed(middle.getElementById("inner")!, "PDF.js viewer");
    viewer.body.innerHTML = '<div id="toolbarViewerRight"><button id="go" title="Download"><span>Download</span></button></div>';
    expect(classifyControl(viewer.getElementById("go")!)?.kind).toBe("export");
    document.getElementById("outer")!.setAttribute("title", "Viewer");
    expect(classifyControl(viewer.getElementById("go")!)).toBeNull();
    // The frame's name says what it shows before the document's <title> names the application (Clinic Cloud's viewer).
    document.body.innerHTML = '<div id="visor" title="Visor de documentos"></div>';
    const visor = framed(document.getElementById("visor")!, "Visor");
    visor.title = "Visor"; // happy-dom leaves createHTMLDocument's title unset
    visor.body.innerHTML = '<div class="toolbar"><button>Zoom</button><button id="go">Descargar PDF</button></div>';
    expect(classifyControl(visor.getElementById("go")!)?.kind).toBe("export");
  });

  it("reads a frame's body as its panel: the way of the recipients checked there says how its Send goes (EMIL's Empfänger)", () => {
    document.body.innerHTML = '<div id="frame" title="Empfänger"></div>';
    const doc = document.implementation.createHTMLDocument("EMIL · Empfänger");
    Object.defineProperty(doc, "defaultView", { value: { frameElement: document.getElementById("frame") } });
    doc.body.innerHTML =
      '<p>Arztbrief 04.03.2025</p><fieldset><legend>KIM</legend><label><input type="checkbox"> Dr. med. Klaus Brandt · praxis.brandt@hausarzt.kim.telematik</label></fieldset>' +
      '<fieldset><legend>FAX</legend><label><input type="checkbox" id="fax" checked> Dr. med. Petra Vogel · Fax 0555 0104471</label></fieldset>' +
      '<div class="actions"><button>Bereitstellen</button><button id="go">Sofort senden</button></div>';
    expect(classifyControl(doc.getElementById("go")!)?.kind).toBe("fax");
    (doc.getElementById("fax") as HTMLInputElement).checked = false;
    doc.querySelector<HTMLInputElement>("fieldset input")!.checked = true;
    expect(classifyControl(doc.getElementById("go")!)?.kind).toBe("direct");
    // Both ways checked: the Send goes both ways, and neither is the one to name.
    (doc.getElementById("fax") as HTMLInputElement).checked = true;
    expect(classifyControl(doc.getElementById("go")!)?.kind).not.toBe("fax");
  });

  it("steps out of a shadow root to the form around its host", () => {
    document.body.innerHTML = '<form><h2>Referral</h2><x-button id="host"></x-button></form>';
    const root = document.getElementById("host")!.attachShadow({ mode: "open" });
    root.innerHTML = "<button>Submit</button>";
    expect(classifyControl(root.querySelector("button")!)?.kind).toBe("referral");
  });

  it("a wizard's Finish in a titled panel whose chosen delivery is a fax faxes; a Run Now under a record export's title exports", () => {
    document.body.innerHTML =
      '<div class="x-panel"><div class="x-panel-header">Fulfil Request — Step 2 of 2: Delivery</div><div class="x-panel-body"><fieldset><legend>Delivery</legend><label><input type="radio" name="d" checked> Fax to requester</label><label><input type="radio" name="d"> Mail</label></fieldset><p><button id="finish">Finish</button></p></div></div>' +
      '<div class="x-panel"><div class="x-panel-header">New appointment</div><div class="x-panel-body"><label>Date <input></label><button id="appt">Finish</button></div></div>' +
      '<section><h3>CDA Export — one-time job</h3><p>Documents: Continuity of Care (C-CDA)</p><button id="run">Run Now</button></section>' +
      '<section><h3>Daily schedule report</h3><button id="report">Run Now</button></section>';
    const kind = (id: string) => classifyControl(document.getElementById(id)!)?.kind ?? null;
    expect([kind("finish"), kind("appt"), kind("run"), kind("report")]).toEqual(["fax", null, "export", null]);
  });

  it("a dialog titled 'Send to …' makes its Send a share, the channel the recipient's to tell", () => {
    document.body.innerHTML =
      '<div role="dialog" aria-labelledby="t"><span class="ui-dialog-title" id="t">Send to Doc Portal</span><div><b>Recipients</b></div><ul><li>Rachel Ortiz, Esq.</li></ul><span role="button" tabindex="0" id="send">Send</span></div>';
    expect(classifyControl(document.getElementById("send")!)).toEqual({ kind: "share", label: "Send", untold: true });
  });

  it("a preview or draft panel's title still says what its Send or Download sends; the words stay quiet on a control", () => {
    document.body.innerHTML =
      '<form><div id="preview"><h2>Fax Preview</h2><div>To: Whitfield, Dana MD</div><input type="submit" value="Send" id="send"></div></form>' +
      '<section><h3>Document preview</h3><p>Discharge summary</p><button id="dl">Download</button></section>' +
      '<section><h3>Visit notes</h3><button id="pv">Print preview</button><button id="draft">Save draft</button></section>';
    expect(classifyControl(document.getElementById("send")!)?.kind).toBe("fax");
    expect(classifyControl(document.getElementById("dl")!)?.kind).toBe("export");
    expect(classifyControl(document.getElementById("pv")!)).toBeNull();
    expect(classifyControl(document.getElementById("draft")!)).toBeNull();
  });

  it("reads the heading a component's shadow root starts with, after its <style>, and still the host's own first heading", () => {
    document.body.innerHTML = '<mt-ccd-panel id="host"></mt-ccd-panel><x-card id="card"><h2>Continuity of Care Document</h2></x-card>';
    const root = document.getElementById("host")!.attachShadow({ mode: "open" });
    root.innerHTML =
      '<style>h2{margin:0}</style><h2>Continuity of Care Document</h2><p>C-CDA summary</p><div role="button" tabindex="0">Download</div>';
    expect(classifyControl(root.querySelector("[role=button]")!)?.kind).toBe("export");
    // A host whose shadow root holds only a slot is titled by its light children.
    const card = document.getElementById("card")!;
    card.attachShadow({ mode: "open" }).innerHTML = "<slot></slot>";
    card.insertAdjacentHTML("beforeend", '<div role="button" tabindex="0" id="dl">Download</div>');
    expect(classifyControl(document.getElementById("dl")!)?.kind).toBe("export");
  });
});
