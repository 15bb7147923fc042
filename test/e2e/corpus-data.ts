/**
 * The public page corpus of issue #9, as data: every action after which a record leaves, and every
 * look-alike that must not be held, on the corpus pages of the demo portal (assets/demo/pages with
 * `page:` order >= 100, listed at /corpus). test/e2e/corpus.test.ts drives all of it in Chromium and
 * Firefox and prints detected %, recipient %, completes-once % and false alarms.
 *
 * FORMAT. `CORPUS` is a list of pages; a page is
 *   { page: "/path", system: "the real system it is modelled on", source: "public material (URL)",
 *     actions: Action[], negatives: Negative[] }
 * Action (a control after which a record leaves):
 *   name        short id, unique on its page
 *   target      where the control is: { selector, text?, frames?, shadowHost? }
 *                 selector  CSS selector; `text` (exact trimmed textContent) picks one of several matches
 *                 frames    iframe selectors from the top document inward (a frame inside a frame: two)
 *                 shadowHost  selector of an open shadow root's host (in the innermost frame) to look in
 *   shapes      which kinds of issue #9 it exercises: 1 generic labels / names, 2 activation paths,
 *               3 controls that change, 4 exports in frames, 5 recipients that are not form fields,
 *               6 modal dialogs, 7 look-alikes
 *   kind        the ActionKind detection must report ("referral" | "share" | "export" | "fax" | "direct"),
 *               or a list of kinds a clinician would all accept for it
 *   before      optional steps that bring the page to the state the action starts from, in order:
 *                 { click: Target } | { fill: Target, text } (focus it, select all, type) | { waitFor: Target } | { wait: ms }
 *   activate    how the clinician starts it: "click" (default), "enter" (Enter with the target focused),
 *               "space" (Space, likewise), "ctrl-enter" (Control+Enter, likewise)
 *   recipient   optional expected recipient; each given field is a case-insensitive substring of the same
 *               field of what detection reports: { name?, organization?, directAddress?, fax? }
 *   notRecipient  strings that must not appear anywhere in the reported recipient (the sender, the patient,
 *               the referring provider, a phone line, another row…)
 *   completes   how the page records completion: the <kind> of its POST to /api/<kind>; the action must
 *               complete exactly once after Proceed and not at all while held
 *   cues        the kinds of information the cue reader (src/detect/cues.ts) must find in what leaves, exactly;
 *               absent means none: a negated or unrelated mention, or a page without sensitive content
 *   outcome     optional verdict the panel must show (data-outcome), with the default organisation profile
 * Negative (a look-alike: never held, never delayed):
 *   name, target, before?, activate?   as for actions
 *   posts       optional <kind> of the POST the control makes at once (it must arrive, exactly once)
 */
import type { Outcome } from "../../src/core/schema.ts";
import type { ActionKind } from "../../src/detect/action.ts";
import type { CueKind } from "../../src/detect/cues-vocabulary.ts";

export type Target = { selector: string; text?: string; frames?: string[]; shadowHost?: string };
export type Step = { click: Target } | { fill: Target; text: string } | { waitFor: Target } | { wait: number };
export type Activation = "click" | "enter" | "space" | "ctrl-enter";
export type Shape = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type ExpectedRecipient = { name?: string; organization?: string; directAddress?: string; fax?: string };

export interface CorpusAction {
  name: string;
  target: Target;
  shapes: Shape[];
  kind: ActionKind | ActionKind[];
  before?: Step[];
  activate?: Activation;
  recipient?: ExpectedRecipient;
  notRecipient?: string[];
  completes: string;
  cues?: CueKind[];
  outcome?: Outcome;
}

export interface CorpusNegative {
  name: string;
  target: Target;
  before?: Step[];
  activate?: Activation;
  posts?: string;
}

export interface CorpusPage {
  page: string;
  system: string;
  source: string;
  actions: CorpusAction[];
  negatives: CorpusNegative[];
}

const SENDER = ["Alex Rivera", "Maple Street"];
const PATIENT = ["Test Patient", "DEMO-000123"];

export const CORPUS: CorpusPage[] = [
  {
    page: "/openemr-ccd",
    system: "OpenEMR: Patient Report, CCD (Download / Transmit to a Direct address)",
    source: "https://github.com/openemr/openemr (ccr/transmitCCD.php: transmit a CCD as a Direct message to the given address)",
    actions: [
      {
        name: "Transmit (input type=submit) beside Direct Address",
        target: { selector: 'input[type=submit][value="Transmit"]' },
        shapes: [1],
        kind: "direct",
        recipient: { directAddress: "referrals@direct.lakesideheart.example" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "direct",
      },
      {
        name: "Download (input type=submit) of the CCD",
        target: { selector: 'input[type=submit][value="Download"]' },
        shapes: [1],
        kind: "export",
        completes: "export",
      },
    ],
    negatives: [{ name: "View (input type=button)", target: { selector: "#ccd-view" } }],
  },
  {
    page: "/openemr-fax",
    system: "OpenEMR: Fax-SMS module, fax a document",
    source: "https://github.com/openemr/openemr (interface/modules/custom_modules/oe-module-faxsms/README-GUIDE.md)",
    actions: [
      {
        name: "Send in a Fax Document panel",
        target: { selector: "#fax-form button[type=submit]" },
        shapes: [1],
        kind: "fax",
        recipient: { name: "Harbor Valley Home Health", fax: "(555) 010-4477" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "fax",
      },
    ],
    negatives: [
      { name: "Fax Inbox link", target: { selector: "a", text: "Fax Inbox" } },
      { name: "Fax Queue link", target: { selector: "a", text: "Fax Queue" } },
    ],
  },
  {
    page: "/epic-communications",
    system: "Epic: Communication Management (Send Chart), letters routed by method",
    source: "https://manual.connect-care.ca/workflows/mixed-contexts/delivery-of-information/delivery-of-documents",
    actions: [
      {
        name: "icon Send named by title, recipient the chosen row",
        target: { selector: "#send" },
        shapes: [1, 5],
        kind: ["share", "fax"],
        recipient: { name: "Maya Chen", organization: "Lakeside Cardiology Associates", fax: "(555) 010-2323" },
        notRecipient: [...SENDER, ...PATIENT, "Natarajan", "Summit"],
        completes: "communications",
      },
    ],
    negatives: [{ name: "Print preview", target: { selector: "#preview" } }],
  },
  {
    page: "/epic-care-everywhere",
    system: "Epic: Care Everywhere, summary of care to an outside organization",
    source: "https://manual.connect-care.ca/workflows/mixed-contexts/delivery-of-information/delivery-of-documents",
    actions: [
      {
        name: "icon button named by aria-labelledby, recipient a select-only combobox",
        target: { selector: "#ce-send" },
        shapes: [1, 5],
        kind: "share",
        recipient: { name: "Northside Medical Center" },
        notRecipient: [...SENDER, ...PATIENT, "Harbor Valley"],
        completes: "care-everywhere",
      },
    ],
    negatives: [
      { name: "Sent summaries link", target: { selector: "a", text: "Sent summaries" } },
      { name: "Outside records link", target: { selector: "a", text: "Outside records" } },
    ],
  },
  {
    page: "/cerner-message-center",
    system: "Cerner PowerChart: Message Center, New Message",
    source:
      "https://cstcernerhelp.healthcarebc.ca/Applications/AccessMyHealth/Send_Message_to_AccessMyHealth_Patient_Portal_Using_Message_Centre.htm",
    actions: [
      {
        name: "<u>S</u>end, recipient a token in a contenteditable To",
        target: { selector: "#new-message button[type=submit]" },
        shapes: [1, 5],
        kind: ["direct", "share"],
        recipient: { name: "Chen, Maya", directAddress: "mchen@direct.lakesidecardiology.example" },
        notRecipient: [...SENDER, ...PATIENT, "Remove", "×"],
        completes: "message",
      },
    ],
    negatives: [{ name: "Save draft", target: { selector: "#nm-draft" }, posts: "draft" }],
  },
  {
    page: "/athena-document-fax",
    system: "athenaOne: fax a chart document to a recipient chosen in a side panel",
    source:
      "https://trainings.air.athelas.com/insights_front_desk/faxing/send_and_receive_a_fax ; https://help.athenahealth.com/Ohelp/Content/Features/C_Document_Classifications_and_Guidance_A.htm",
    actions: [
      {
        name: "input type=image alt Fax document, recipient a side-panel card",
        target: { selector: "input[type=image]" },
        shapes: [1, 5],
        kind: "fax",
        recipient: { name: "Valley Kidney Specialists", fax: "(555) 010-3030" },
        notRecipient: [...SENDER, ...PATIENT, "010-3031"],
        completes: "fax",
      },
    ],
    negatives: [
      { name: "Fax inbox link", target: { selector: "a", text: "Fax inbox" } },
      { name: "Outbound faxes link", target: { selector: "a", text: "Outbound faxes" } },
      { name: "Print preview", target: { selector: "#doc-preview" } },
    ],
  },
  {
    page: "/ecw-referral",
    system: "eClinicalWorks: Outgoing Referral",
    source:
      "https://help.elationhealth.com/articles/Letters-Referrals-Guide-Frequently-Asked-Questions (referral forms in ambulatory EHRs); eClinicalWorks referral window (Referral From / Referral To)",
    actions: [
      {
        name: "plain Send in an Outgoing Referral form, recipient the chosen table row",
        target: { selector: "button.btn-primary", text: "Send" },
        shapes: [1, 5],
        kind: "referral",
        recipient: { name: "Lena Brooks", organization: "Riverside Neurology", fax: "(555) 010-6262" },
        notRecipient: [...SENDER, ...PATIENT, "Omar Haddad", "Valley Kidney", "010-1000"],
        completes: "referrals",
      },
      {
        name: "fax button named only by its title",
        target: { selector: 'button[title="Fax referral"]' },
        shapes: [1, 5],
        kind: ["referral", "fax"],
        recipient: { name: "Lena Brooks", fax: "(555) 010-6262" },
        notRecipient: [...SENDER, ...PATIENT, "Omar Haddad"],
        completes: "fax",
      },
    ],
    negatives: [
      { name: "Save draft (a submitter of the same form)", target: { selector: "button", text: "Save draft" }, posts: "draft" },
      { name: "Sent referrals link", target: { selector: "a", text: "Sent referrals" } },
    ],
  },
  {
    page: "/practice-fusion-share",
    system: "Practice Fusion: share a patient record",
    source: "Practice Fusion chart sharing (public help center screenshots: recipient cards with Direct addresses)",
    actions: [
      {
        name: "Share, recipient the checked card of a group labelled Send to",
        target: { selector: "#share button[type=submit]" },
        shapes: [5],
        kind: ["share", "direct"],
        recipient: { name: "Lakeside Cardiology Associates", directAddress: "cardiology@direct.lakeside.example" },
        notRecipient: [...SENDER, ...PATIENT, "Northside"],
        completes: "share",
      },
    ],
    negatives: [],
  },
  {
    page: "/epic-in-basket",
    system: "Epic: In Basket folders and a patient reminder",
    source: "Epic In Basket (public training material: folders for faxes, Direct messages, referrals)",
    actions: [],
    negatives: [
      { name: "Send reminder (to the patient)", target: { selector: "#remind" }, posts: "reminder" },
      { name: "Save draft", target: { selector: "#draft" }, posts: "draft" },
      { name: "Share feedback", target: { selector: "#feedback" } },
      { name: "Fax inbox link", target: { selector: "a", text: "Fax inbox" } },
      { name: "Direct messages link", target: { selector: "a", text: "Direct messages" } },
      { name: "Sent referrals link", target: { selector: "a", text: "Sent referrals" } },
    ],
  },
  {
    page: "/athena-schedule",
    system: "athenaOne: day schedule",
    source: "athenaOne schedule (public help: appointment reminders, schedule export)",
    actions: [],
    negatives: [
      { name: "Export to Excel of the schedule", target: { selector: "button", text: "Export to Excel" }, posts: "schedule" },
      { name: "Print preview", target: { selector: "#sched-print" } },
      { name: "Send reminder in a row", target: { selector: 'button[data-remind="1"]' }, posts: "reminder" },
    ],
  },
  {
    page: "/portal-compartir",
    system: "Patient portal: Share my record (Spanish)",
    source: "Patient portals' 'Share my record' (MyChart Share Everywhere, public help pages), in Spanish",
    actions: [
      {
        name: "Compartir",
        target: { selector: "#compartir button[type=submit]" },
        shapes: [1],
        kind: "share",
        recipient: { name: "Clínica Familiar del Valle", fax: "(555) 010-5151" },
        notRecipient: [...PATIENT],
        completes: "share",
      },
    ],
    negatives: [
      { name: "Vista previa", target: { selector: "#c-vista" } },
      { name: "Guardar borrador", target: { selector: "#c-borrador" }, posts: "draft" },
    ],
  },
  {
    page: "/openmrs-referral",
    system: "OpenMRS 3: patient-chart workspace on Carbon (referral)",
    source: "https://github.com/openmrs/openmrs-esm-patient-chart (workspaces; Carbon design system web components)",
    actions: [
      {
        name: "Submit in a web component's shadow root, recipient a combobox input",
        target: { selector: "button", shadowHost: "#o3-submit" },
        shapes: [1],
        kind: "referral",
        recipient: { name: "Kisumu County Referral Hospital" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "referrals",
      },
    ],
    negatives: [{ name: "Discard (web component)", target: { selector: "button", shadowHost: "#o3-discard" } }],
  },
  {
    page: "/medplum-fax",
    system: "Medplum: eFax app on Mantine (Send Fax)",
    source: "https://github.com/medplum/medplum (examples: Medplum eFax demo, Send Fax form with recipient name and fax number)",
    actions: [
      {
        name: "Mantine Button that only says Send, in a Send Fax form",
        target: { selector: "#send-fax button[type=submit]" },
        shapes: [1],
        kind: "fax",
        recipient: { name: "Harbor Valley Home Health", fax: "555 010 4488" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "fax",
      },
    ],
    negatives: [
      { name: "Fax Inbox nav link", target: { selector: "a", text: "Fax Inbox" } },
      { name: "Sent Faxes nav link", target: { selector: "a", text: "Sent Faxes" } },
    ],
  },
  {
    page: "/elation-letter",
    system: "Elation: Letter to Provider",
    source: "https://help.elationhealth.com/articles/Letters-Referrals-Guide-Frequently-Asked-Questions",
    actions: [
      {
        name: "Sign & Send, recipient a token in the To field",
        target: { selector: "#letter button[type=submit]" },
        shapes: [1, 5],
        kind: ["share", "fax"],
        recipient: { name: "Maya Chen" },
        notRecipient: [...SENDER, ...PATIENT, "Remove", "×", "Search providers"],
        completes: "letter",
      },
    ],
    negatives: [{ name: "Save as draft", target: { selector: "#letter-draft" }, posts: "draft" }],
  },
  {
    page: "/roi-desk",
    system: "Release of information desk (records release worklist)",
    source: "Release-of-information workflows (HIM records release: requester, organization, delivery by fax), public HIM guidance",
    actions: [
      {
        name: "Release, recipient the chosen request row",
        target: { selector: "#roi-actions button", text: "Release" },
        shapes: [1, 5],
        kind: "share",
        recipient: { name: "Dana Whitfield", organization: "Harbor Life Insurance", fax: "(555) 010-9090" },
        notRecipient: [...SENDER, ...PATIENT, "Self"],
        completes: "release",
      },
      {
        name: "Download PDF of the release packet",
        target: { selector: "#roi-actions button", text: "Download PDF" },
        shapes: [1],
        kind: "export",
        completes: "export",
      },
    ],
    negatives: [],
  },
  {
    page: "/portal-share-record",
    system: "Patient portal: Share my record",
    source: "Patient portals' record sharing (MyChart Share Everywhere; Blue Button / Direct transmit to a practice), public help pages",
    actions: [
      {
        name: "send button named only by its title, recipient practice from a dropdown",
        target: { selector: "#share-record button[type=submit]" },
        shapes: [1],
        kind: ["share", "direct"],
        recipient: { name: "Elm Street Family Medicine", directAddress: "records@direct.elmstreetfm.example" },
        notRecipient: [...PATIENT, "Oak Grove"],
        completes: "share",
      },
    ],
    negatives: [{ name: "Share feedback link", target: { selector: "a", text: "Share feedback" } }],
  },
  {
    page: "/athena-remision",
    system: "Referral order in Spanish (after athenaOne's referral order and fax delivery)",
    source: "https://trainings.air.athelas.com/insights_front_desk/faxing/send_and_receive_a_fax (fax fields); athenaOne referral orders",
    actions: [
      {
        name: "Enviar remisión",
        target: { selector: "button", text: "Enviar remisión" },
        shapes: [1],
        kind: "referral",
        recipient: { name: "Lucía Márquez", organization: "Centro Médico San Rafael", fax: "(555) 010-7171" },
        notRecipient: [...SENDER, ...PATIENT, "Andrés Soto"],
        completes: "referrals",
      },
      {
        name: "Enviar por fax",
        target: { selector: "button", text: "Enviar por fax" },
        shapes: [1],
        kind: ["fax", "referral"],
        recipient: { name: "Lucía Márquez", fax: "(555) 010-7171" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "fax",
      },
    ],
    negatives: [
      { name: "Guardar borrador (a submitter of the same form)", target: { selector: "button", text: "Guardar borrador" }, posts: "draft" },
    ],
  },
  {
    page: "/openemr-shell",
    system: "OpenEMR: tabbed shell with the Documents tab in a frame and the viewer in a frame inside it",
    source: "https://github.com/openemr/openemr (interface/main/tabs: each tab an iframe; patient documents viewer)",
    actions: [
      {
        name: "Download of a chart document, a frame inside a frame",
        target: { selector: "button", text: "Download", frames: ["#oe-tab", "#oe-viewer"] },
        shapes: [1, 4],
        kind: "export",
        completes: "export",
      },
    ],
    negatives: [{ name: "Print preview in the nested frame", target: { selector: "#oe-print", frames: ["#oe-tab", "#oe-viewer"] } }],
  },
  {
    page: "/cerner-documents",
    system: "Cerner PowerChart: Documents in a frame",
    source:
      "https://pdfslide.us/documents/hold-the-ctrl-key-mccg-down-then-left-click-on-a-link-w3mccgorgehrcbtmanualsreferenceguidesmc-man-phase-ipdfdown.html (Message Center manual: working with documents)",
    actions: [
      {
        name: "Export under a CCD heading, in a frame",
        target: { selector: "button", text: "Export", frames: ["#pc-docs"] },
        shapes: [1, 4],
        kind: "export",
        completes: "export",
      },
      {
        name: "image button 'Download summary of care', in a frame",
        target: { selector: "input[type=image]", frames: ["#pc-docs"] },
        shapes: [1, 4],
        kind: "export",
        completes: "download",
      },
    ],
    negatives: [
      {
        name: "Export to Excel of the document list, in a frame",
        target: { selector: "#pc-excel", frames: ["#pc-docs"] },
        posts: "schedule",
      },
    ],
  },
  {
    page: "/doxy-visit",
    system: "Telehealth video visit (after Doxy.me and Epic video visits)",
    source: "Doxy.me and Epic video visit help pages (screen sharing, feedback after the call, reminders to join)",
    actions: [],
    negatives: [
      { name: "Share screen (icon, title only)", target: { selector: "#tv-screen" } },
      { name: "Stop sharing", target: { selector: "#tv-stop" } },
      { name: "Send reminder to join", target: { selector: "#tv-remind" }, posts: "reminder" },
      { name: "Share feedback link", target: { selector: "#tv-feedback" } },
    ],
  },
  {
    page: "/nextgen-fax-window",
    system: "NextGen Enterprise: Send Fax window (Kendo UI web screens)",
    source: "Kendo UI Window and ComboBox (public docs: k-window-titlebar, k-window-title, k-combobox) as used by web EHR screens",
    actions: [
      {
        name: "a plain OK in a window titled only by its title bar",
        target: { selector: "#ng-ok" },
        shapes: [1],
        kind: "fax",
        recipient: { name: "Priya Natarajan", fax: "(555) 010-8181" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "fax",
      },
    ],
    negatives: [{ name: "Cancel in the window", target: { selector: "#ng-cancel" } }],
  },
  {
    page: "/react-referral-order",
    system: "Referral order in a React web EHR (React-Select recipient)",
    source: "https://github.com/JedWatson/react-select (select__single-value beside an empty combobox input)",
    actions: [
      {
        name: "Submit order in a card titled by its card-header, recipient a React-Select value",
        target: { selector: "#ro-submit" },
        shapes: [1, 5],
        kind: "referral",
        recipient: { name: "Ines Okoro" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "referrals",
      },
    ],
    negatives: [],
  },
  {
    page: "/portal-download",
    system: "Patient portal: download my health summary",
    source: "Blue Button / MyChart 'Download' of the health summary (public help pages)",
    actions: [
      {
        name: "Download under the Health Summary heading",
        target: { selector: "button", text: "Download" },
        shapes: [1],
        kind: "export",
        completes: "export",
      },
    ],
    negatives: [
      { name: "Download of a billing statement", target: { selector: "form[action='/api/statement'] button" }, posts: "statement" },
    ],
  },
  {
    page: "/cerner-secure-messaging",
    system: "Cerner: Secure Messaging to a Direct address",
    source: "http://cernprphelp.cernerworks.com/help/default.aspx?pg=18 (Secure Messaging: create and send)",
    actions: [
      {
        name: "Ctrl+Enter in the reply box",
        target: { selector: "#sm-reply" },
        activate: "ctrl-enter",
        shapes: [2],
        kind: "direct",
        recipient: { directAddress: "intake@direct.lakesidecardiology.example" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "direct",
      },
      {
        name: "Space on a role=button Send",
        target: { selector: "#sm-send" },
        activate: "space",
        shapes: [2],
        kind: "direct",
        recipient: { name: "Lakeside Cardiology Intake", directAddress: "intake@direct.lakesidecardiology.example" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "direct",
      },
      {
        name: "Enter on a role=button Send",
        target: { selector: "#sm-send" },
        activate: "enter",
        shapes: [2],
        kind: "direct",
        completes: "direct",
      },
    ],
    negatives: [],
  },
  {
    page: "/ecw-fax-keyboard",
    system: "eClinicalWorks: fax a progress note (keyboard)",
    source: "eClinicalWorks fax from the progress note (public training material: To, Fax No., From)",
    actions: [
      {
        name: "Enter in the Fax No. field (implicit submission)",
        target: { selector: "#ecw-no" },
        activate: "enter",
        shapes: [2],
        kind: "fax",
        recipient: { name: "Summit Orthopedics", fax: "(555) 010-8484" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "fax",
      },
      {
        name: "role=button whose handler calls form.requestSubmit()",
        target: { selector: "#ecw-send" },
        shapes: [2],
        kind: "fax",
        recipient: { name: "Summit Orthopedics", fax: "(555) 010-8484" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "fax",
      },
    ],
    negatives: [],
  },
  {
    page: "/athena-order-send",
    system: "athenaOne: referral order whose controls change",
    source: "athenaOne referral orders (public help: eligibility check before an order is sent)",
    actions: [
      {
        name: "Send after Verifying… (text changed in place)",
        target: { selector: "#ord-send", text: "Send" },
        shapes: [3],
        kind: "referral",
        recipient: { name: "Samuel Ortiz", organization: "Summit Orthopedics" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "referrals",
      },
      {
        name: "Fax referral inserted two seconds after load",
        target: { selector: "button", text: "Fax referral" },
        shapes: [3],
        kind: ["referral", "fax"],
        recipient: { name: "Samuel Ortiz" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "fax",
      },
    ],
    negatives: [],
  },
  {
    page: "/medplum-rerender",
    system: "Medplum: a React screen that re-renders (share a clinical summary)",
    source: "https://github.com/medplum/medplum (React app: controlled inputs re-render on every keystroke)",
    actions: [
      {
        name: "Share replaced by an identical fresh node every 300 ms",
        target: { selector: "#share-actions button" },
        shapes: [3],
        kind: "share",
        recipient: { name: "Northside Medical Center" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "share",
      },
      {
        name: "Share after typing a recipient into a form re-rendered on every keystroke",
        target: { selector: "#share-actions button" },
        before: [{ fill: { selector: "#share-to" }, text: "Riverside Neurology" }],
        shapes: [3],
        kind: "share",
        recipient: { name: "Riverside Neurology" },
        notRecipient: [...SENDER, ...PATIENT, "Northside"],
        completes: "share",
      },
    ],
    negatives: [],
  },
  {
    page: "/epic-share-dialog",
    system: "Epic: share with an outside provider in a modal dialog",
    source: "Epic Hyperspace activities opened as modal dialogs (public training material)",
    actions: [
      {
        name: "Send in a <dialog> opened with showModal()",
        target: { selector: "#sd-send" },
        before: [{ click: { selector: "#open-share" } }, { waitFor: { selector: "#sd-send" } }],
        shapes: [6],
        kind: "share",
        recipient: { name: "Maya Chen", organization: "Lakeside Cardiology Associates" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "share",
      },
    ],
    negatives: [{ name: "the opener that says it opens a dialog", target: { selector: "#open-share" } }],
  },
  {
    page: "/medplum-direct-modal",
    system: "Medplum: Send via Direct in a Mantine modal (aria-modal over a backdrop)",
    source: "https://github.com/medplum/medplum (Mantine Modal: overlay plus an aria-modal dialog)",
    actions: [
      {
        name: "Send in an aria-modal overlay",
        target: { selector: "#dm-send" },
        before: [{ click: { selector: "#dm-open" } }, { waitFor: { selector: "#dm-send" } }],
        shapes: [6],
        kind: "direct",
        recipient: { directAddress: "referrals@direct.valleykidney.example" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "direct",
      },
    ],
    negatives: [{ name: "Cancel in the modal", target: { selector: "#dm-cancel" }, before: [{ click: { selector: "#dm-open" } }] }],
  },
  {
    page: "/counselling-chart-component",
    system: "Jane: chart entries sent from a web component's modal dialog",
    source: "https://jane.app/guide (charting: chart entries, the files area of a chart)",
    actions: [
      {
        name: "Send securely in a showModal() dialog inside the component's shadow root",
        target: { selector: "#send-go", shadowHost: "#chart" },
        before: [
          { click: { selector: "input[value=tx-0412]", shadowHost: "#chart" } },
          { click: { selector: "#open-send", shadowHost: "#chart" } },
          { waitFor: { selector: "#send-go", shadowHost: "#chart" } },
        ],
        shapes: [6, 7],
        kind: "share",
        recipient: { name: "Omar Haddad", organization: "Eastside Family Practice" },
        notRecipient: [...SENDER, ...PATIENT],
        completes: "chart-send",
      },
      {
        name: "Print / PDF of the ticked entry, in the shadow root",
        target: { selector: "#print-pdf", shadowHost: "#chart" },
        before: [{ click: { selector: "input[value=tx-0412]", shadowHost: "#chart" } }],
        shapes: [1],
        kind: "export",
        completes: "export",
      },
    ],
    negatives: [
      {
        name: "Send… (opens the dialog)",
        target: { selector: "#open-send", shadowHost: "#chart" },
        before: [{ click: { selector: "input[value=tx-0412]", shadowHost: "#chart" } }],
      },
    ],
  },
];

/**
 * Pages whose shares carry sensitive content, or only seem to (assets/demo/cues, served at /cues/…): the cue
 * reader must find every cue and no cue from a negated or unrelated mention, and the verdict must follow.
 */
export const CUE_PAGES: CorpusPage[] = [
  {
    page: "/cues/psychotherapy-referral",
    system: "Epic: referral order with documents attached",
    source:
      "Epic referral order composer (public training material); psychotherapy note as a note type: TherapyNotes and Tebra help centres",
    actions: [
      {
        name: "Sign & Send Referral with the psychotherapy note ticked",
        target: { selector: "#referral button[type=submit]" },
        shapes: [1],
        kind: "referral",
        completes: "referrals",
        cues: ["psychotherapy-notes"],
        outcome: "authorization-required",
      },
      {
        name: "Sign & Send Referral after unticking the psychotherapy note",
        target: { selector: "#referral button[type=submit]" },
        before: [{ click: { selector: "#attach-pn" } }],
        shapes: [1],
        kind: "referral",
        completes: "referrals",
        outcome: "allowed",
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/otp-fax-part2",
    system: "OpenEMR: fax a document from an opioid treatment program",
    source: "https://github.com/openemr/openemr (Fax-SMS module); notice text: 42 CFR 2.32 (2024 final rule, 89 FR 12472)",
    actions: [
      {
        name: "Send Fax with the Part 2 notice on the cover sheet",
        target: { selector: "#fax-form button[type=submit]" },
        shapes: [1],
        kind: "fax",
        completes: "fax",
        cues: ["sud-part2"],
        outcome: "authorization-required",
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/athena-fax-negated",
    system: "athenaOne: fax documents",
    source: "athenaOne document fax (public help pages)",
    actions: [
      {
        name: "Fax with 'Psychotherapy notes are not included' and 'HIV: not tested'",
        target: { selector: "#doc-fax button[type=submit]" },
        shapes: [1],
        kind: "fax",
        completes: "fax",
        outcome: "needs-review",
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/cerner-direct-hiv",
    system: "Cerner PowerChart: Message Center, Direct message with attachments",
    source: "Oracle Health Message Center (public documentation); LOINC 25836-8 HIV 1 RNA (viral load)",
    actions: [
      {
        name: "Send via Direct with an HIV viral load attached",
        target: { selector: "#mc-send" },
        shapes: [1],
        kind: "direct",
        completes: "message",
        cues: ["hiv"],
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/openmrs-genetic-export",
    system: "OpenMRS 3: a document's view with Download PDF",
    source: "https://github.com/openmrs/openmrs-esm-patient-chart (Carbon document views)",
    actions: [
      {
        name: "Export document: genetic test results",
        target: { selector: "#doc-download" },
        shapes: [1],
        kind: "export",
        completes: "export",
        cues: ["genetic"],
      },
    ],
    negatives: [{ name: "Print preview", target: { selector: "#doc-print" } }],
  },
  {
    page: "/cues/epic-release-bh",
    system: "Epic: Release of Information, documents chosen in a table",
    source: "Epic Release of Information (public HIM training material)",
    actions: [
      {
        name: "Fax release with the behavioral health progress note ticked",
        target: { selector: "#roi button[type=submit]" },
        shapes: [1],
        kind: "fax",
        completes: "fax",
        cues: ["mental-health"],
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/portal-share-reproductive",
    system: "Patient portal: Share my record",
    source: "MyChart Share Everywhere (public help pages)",
    actions: [
      {
        name: "Share with a family planning visit ticked",
        target: { selector: "#share-record button[type=submit]" },
        shapes: [1],
        kind: "share",
        completes: "share",
        cues: ["reproductive-health"],
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/roi-note-type",
    system: "Release-of-information desk: export one note by its note type",
    source: "Records request workflows (public HIM guidance); 'process note' as TherapyNotes names psychotherapy notes",
    actions: [
      {
        name: "Export document: a psychotherapy process note",
        target: { selector: "#export button[type=submit]" },
        shapes: [1],
        kind: "export",
        completes: "export",
        cues: ["psychotherapy-notes"],
        outcome: "authorization-required",
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/referral-to-otp",
    system: "eClinicalWorks: outgoing referral",
    source: "eClinicalWorks referral management (public help pages)",
    actions: [
      {
        name: "Send referral TO an opioid treatment program, sensitive notes listed beside the form",
        target: { selector: "#outgoing button[type=submit]" },
        shapes: [1],
        kind: "referral",
        completes: "referrals",
        outcome: "allowed",
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/elation-letter-mh",
    system: "Elation: letter to a consultant with attachments",
    source: "Elation Health letters (public help centre)",
    actions: [
      {
        name: "Fax letter with a mental health treatment plan attached",
        target: { selector: "#letter button[type=submit]" },
        shapes: [1],
        kind: "fax",
        completes: "fax",
        cues: ["mental-health"],
      },
    ],
    negatives: [],
  },
  {
    page: "/cues/outside-record-part2-frame",
    system: "Community provider portal: an outside record in a viewer frame (after EpicCare Link's Care Everywhere documents)",
    source:
      "https://connect.ohsu.edu/EpicCareLink/home/TermsConditions.htm (EpicCare Link); notice text: 42 CFR 2.32 (2024 final rule, 89 FR 12472)",
    actions: [
      {
        name: "image Download in the viewer frame's own form, the Part 2 notice above it in the document",
        target: { selector: "#ecl-download", frames: ["#ecl-frame"] },
        shapes: [1, 4],
        kind: "export",
        completes: "export",
        cues: ["sud-part2"],
      },
    ],
    negatives: [{ name: "Print preview in the viewer frame", target: { selector: "#ecl-print", frames: ["#ecl-frame"] } }],
  },
  {
    page: "/cues/share-negated-history",
    system: "Practice Fusion: share patient record",
    source: "Practice Fusion chart sharing (public help pages)",
    actions: [
      {
        name: "Share with 'No mental health history' and 'Genetic testing: none'",
        target: { selector: "#share button[type=submit]" },
        shapes: [1],
        kind: ["share", "direct"],
        completes: "share",
        outcome: "needs-review",
      },
    ],
    negatives: [],
  },
];
