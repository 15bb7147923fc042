/**
 * What the surroundings of a generic control ("Send", "Submit", "Transmit", "Download") say it does:
 * the title of each enclosing form, dialog, panel or titled block, nearest first, and the recipient
 * fields of each enclosing form or panel ("Refer to", "Direct address", "Fax number"); then the page's
 * main heading and the document title. Shadow roots are stepped out of, to their hosts.
 */
import type { ActionKind } from "./action.ts";
import { accessibleName, containerTitle, hiddenFromAccessibility } from "./accessible-name.ts";
import {
  attr,
  DIALOG_SELECTOR,
  ELEMENT_NODE,
  FORM_SELECTOR,
  frameOf,
  HEADING_SELECTOR,
  legendOf,
  openShadowRoot,
  parentAcrossShadow,
  SHOW_ELEMENTS_AND_TEXT,
} from "./dom.ts";
import { DIRECT_DOMAIN } from "./address.ts";
import { fieldMeaningOf } from "./field-meaning.ts";
import { RECIPIENT_SECTION_PATTERN, REFERRAL_LABEL_PATTERN } from "./recipient-labels.ts";
import { DOCUMENTS_LABEL } from "./cues-vocabulary.ts";
import { cleanText, matchText, words } from "./text.ts";
import { INSIDE_PRACTICE_PATTERN, RECORD_CONTEXT, RECORD_CONTEXT_PATTERN, TRANSPORT_RULES } from "./vocabulary.ts";

/** A form or dialog: what it attaches leaves with its send; a wider block's checked boxes may belong to other work. */
const SENDING_BOX = `${FORM_SELECTOR},${DIALOG_SELECTOR}`;
/** A table its label names ("Faxes") is titled as a section is: its rows' controls act on what it lists. */
const CONTAINER = `${SENDING_BOX},fieldset,section,aside,article,[role=region],[role=group],[role=tabpanel],[role=toolbar],table[aria-label],table[aria-labelledby]`;
/** Widget toolkits title their windows and panels with classed blocks (x-window-header, k-window-title, modal-header, card-title, .head). */
const TITLE_BLOCK = "[class*=title],[class*=head]";
const MAX_TITLE_CHARS = 80;
const FIELDS =
  "input:not([type]),input[type=text],input[type=email],input[type=tel],input[type=search],select,textarea,[role=combobox],[role=textbox],[contenteditable=true]";
const REFERRAL_LABEL = new RegExp(REFERRAL_LABEL_PATTERN);
const TRANSPORT = TRANSPORT_RULES.map((rule) => ({ kind: rule.kind, re: new RegExp(rule.pattern) }));
const MAX_CLIMB = 16;
/** How far up an untitled block's fields still belong to the control's send. */
const NEAR_BLOCK = 3;
const INSIDE = new RegExp(INSIDE_PRACTICE_PATTERN);
const CHECKED = "input[type=checkbox]:checked,[role=checkbox][aria-checked=true]";
/** The choices a form holds: its checked radios and its selects. */
const CHOSEN = "input[type=radio]:checked,[role=radio][aria-checked=true],select";
const MAX_FIELDS = 30;
/** The label of the list of what a send dialog sends ("Documents", "Attachments"): compiled once, for the cue reader too. */
export const DOCUMENTS = new RegExp(DOCUMENTS_LABEL);
/**
 * A file's name as a line shows it ("Orthopedic intake form.pdf"): its extension in one case, no lowercase letter after
 * it, though a caption a script glued to it may follow ("report.pdfMar 4, 2025").
 */
export const FILE_NAME = /\w\.(?:pdf|docx?|xml|tiff?|jpe?g|png|zip|rtf|PDF|DOCX?|XML|TIFF?|JPE?G|PNG|ZIP|RTF)(?![a-z])/;
/** A file's name after an attachment's mark or word (English, German, Dutch, Spanish, Portuguese, French, the Nordic languages, Finnish, Italian, Czech, Polish). */
const ATTACHED_FILE = new RegExp(
  `(?:📎|[Aa]ttach|[Aa]nh[aä]nge?|[Aa]nlage|[Bb]ijlage|[Aa]djunt|[Aa]nn?ex|jointe|[Vv]edlegg|[Vv]edhæft|[Bb]ilag|[Ll]iite|[Aa]llegat|[Pp]říloh|[Zz]ałącznik)[^]{0,80}?${FILE_NAME.source}`,
);
/**
 * A chart document by its title after a document's mark ("📄 Clinic letter 03-Jan-2025", Accurx's chip from EMIS Web).
 * Not a paperclip, which marks the button that attaches ("📎 Attach file"), nor a verb or "no" after the mark.
 */
const ATTACHED_RECORD = new RegExp(`📄\\s*(?!(?:attach|add|upload|choose|select|no)\\b)(?:\\S+\\s+){0,3}?${RECORD_CONTEXT_PATTERN}`, "i");

/** A record the message is said to be about ("Referenced clinical activity: Lab report 03/02/2025", Care360's composer). */
const REFERENCED_RECORD = new RegExp(
  `\\b(?:referenced|related|linked) (?:\\w+ )?(?:activity|documents?|records?|results?|orders?)\\s*:\\s*(?:\\S+\\s+){0,3}?${RECORD_CONTEXT_PATTERN}`,
  "i",
);

const MESSAGE_BOX = "textarea,[contenteditable=true]";

/** What a title says: a kind, "quiet" (a look-alike's context: stop looking), or nothing. */
export type TitleReading = (title: string) => ActionKind | "quiet" | null;

export function kindFromContext(el: Element, read: TitleReading, withFields: boolean): ActionKind | null {
  // A search or filter form's submit sends nothing out, whatever page it is on.
  const form = el.closest("form");
  if (el.closest("[role=search]") || (form && attr(form, "method")?.toLowerCase() === "get")) return null;
  let node = parentAcrossShadow(el);
  // A record attached in the form makes a share, unless a title around it names the channel ("Compose Fax").
  let attached: ActionKind | null = null;
  let composer = false;
  let fielded = false;
  // A frame's body is its panel (EMIL's recipients, in a frame of their own): read as a block is. A page's is the page.
  const framed = frameOf(el.ownerDocument) !== null;
  // Out of a pane of the control's own (MaxMD's account panel in its folder list), a bigger block's fields and composer are
  // other panes' (the compose pane beside it): only a form or dialog around the pane is still the control's.
  let paned = false;
  for (
    let i = 0;
    node && i < MAX_CLIMB && (node.localName !== "body" || framed);
    i++, paned ||= node.matches(PANE), node = parentAcrossShadow(node)
  ) {
    const container = node.matches(CONTAINER);
    // A wrapper may say what its icons act on only in its tooltip (Bahmni's "Share or print the prescription").
    const title = container ? containerTitle(node) : leadingHeading(node) || (attr(node, "title") ?? "");
    // The main area's heading is the page's title, read as the document's is.
    const said = title ? (node.matches(PAGE_MAIN) ? readWhole(title, read) : read(title)) : null;
    // A toolbar's own name ("Viewer tools", "DocMan") says what it is, not what its Download acts on: read on.
    if (said === "quiet") {
      if (!node.matches("[role=toolbar]")) return attached;
    } else if (said) return withAttached(said, attached);
    // A titled panel (ExtJS's x-panel under its header) holds its fields as a form does.
    // So does the first block near the control that holds fields, titled or not (Updox's Direct compose: To, Subject, Send),
    // and a frame's body.
    const readsFields =
      withFields &&
      !attached &&
      (!paned || node.matches(SENDING_BOX)) &&
      (container || title || node.localName === "body" || (!fielded && i < NEAR_BLOCK && node.querySelector(FIELDS)));
    if (readsFields) {
      fielded = true;
      const kind = kindFromFields(node, title);
      if (kind === "share") attached = kind;
      else if (kind) return kind;
    } else if (withFields && !attached && !composer && !paned && node.querySelector(MESSAGE_BOX)) {
      // The first block around a message box, titled or not (ZorgMail's composer in its frame): a file attached there goes with it.
      composer = true;
      if (attachedFile(node)) attached = "share";
    }
  }
  // In a frame, the page that embeds it often says what it shows: <iframe title="Referral document">; a viewer
  // (pdf.js) in a frame in a frame is titled only by the outer one. Each document out to the top is read.
  // A record attached goes the way the document names ("Specialist Clinics eReferral", a SmartForm's page), or is shared.
  for (let doc: Document | undefined = el.ownerDocument; doc; ) {
    const frame = frameOf(doc);
    // The frame's own name before its document's <title>, often only the application's ("Visor" in "Visor de documentos").
    for (const title of [doc.querySelector("h1")?.textContent, frame && (attr(frame, "title") || attr(frame, "aria-label")), doc.title]) {
      const said = title ? readWhole(cleanText(title), read) : null;
      if (said === "quiet") return attached;
      if (said) return withAttached(said, attached);
    }
    doc = frame?.ownerDocument;
  }
  return attached;
}

/** What a title says, unless a record attached there is shared: a title's export (Frappe's "…, export encounters") is no way of sending. */
function withAttached(said: ActionKind, attached: ActionKind | null): ActionKind {
  return attached && said === "export" ? attached : said;
}

const PAGE_MAIN = "main,[role=main],body";
/** A pane of a page: what it holds is its own, not its neighbours'. */
const PANE = "nav,aside,section,details,form,[role=navigation],[role=complementary],[role=region]";
/** Words joining a title's parts: "and", "&", and "and" in the other languages read. */
const JOINED = /\s+(?:and|&|y|et|und|en|e|och|og|i|ja)\s+/i;
/** The way or kind of sending a part of a title names by a word of its own ("clinical message", "… and Download"). */
const WAY_WORDS: ReadonlyArray<{ kind: ActionKind; re: RegExp }> = [
  { kind: "export", re: /\b(?:exports?|downloads?)\b/ },
  { kind: "fax", re: /\be?fax(?:es)?\b/ },
  { kind: "direct", re: /\bdirect\b/ },
  { kind: "referral", re: /\be?referrals?\b/ },
  { kind: "share", re: /\b(?:messages?|e ?mails?|mail|letters?|chat|correspondence|shar(?:e|ing))\b/ },
];

/**
 * A page's title that joins parts of different kinds ("Compose clinical message and clinical fax", "Outgoing
 * correspondence and referral") says what the page holds, not what one of its Sends does: it decides nothing. A part
 * that names no way of its own ("Sign and send referral") or the same one ("… documents with Fax and Download", read for
 * a download) does not make it two.
 */
function readWhole(title: string, read: TitleReading): ReturnType<TitleReading> {
  const said = read(title);
  if (!said || said === "quiet" || !JOINED.test(title)) return said;
  for (const part of title.split(JOINED)) {
    // A part that names nothing reads as quiet to a reader of record titles ("Send" in "Send and share the record").
    const own = read(part);
    const text = matchText(part);
    const kind = (own === "quiet" ? null : own) ?? WAY_WORDS.find((way) => way.re.test(text))?.kind;
    if (kind && kind !== said) return null;
  }
  return said;
}

const RECIPIENT_SECTION = new RegExp(RECIPIENT_SECTION_PATTERN);
/** Where a block writes its labels: a field's, a table's heading or first cell, a term, a word alone. */
const LABELS = "label,legend,caption,th,td:first-child,dt,span,b,strong";
const MAX_LABELS = 60;
/** Longer than this is a sentence, not a label. */
const MAX_LABEL_CHARS = 40;

/**
 * The block around the control when it names where it goes: a label or a labelled list that says To, Recipients or
 * Refer to (OpenEyes' letter: its "Recipients" table's To row; TrakCare's "Refer To Location"). Null otherwise.
 */
export function addressedBlock(el: Element): Element | null {
  const box = el.parentElement?.closest(CONTAINER);
  return box && namesWhere(box) ? box : null;
}

/** Whether a block has a label that says where it goes ("To", "Recipients", "Modtager"), over a field or a chip. */
function namesWhere(box: Element): boolean {
  const says = (text: string) => text.length <= MAX_LABEL_CHARS && RECIPIENT_SECTION.test(matchText(text));
  const listed = box.querySelectorAll("[aria-label]");
  for (let i = 0; i < listed.length && i < MAX_LABELS; i++) if (says(attr(listed[i]!, "aria-label")!)) return true;
  const labels = box.querySelectorAll(LABELS);
  for (let i = 0; i < labels.length && i < MAX_LABELS; i++) {
    const label = labels[i]!;
    if ((!label.firstElementChild || label.localName === "label") && says(label.textContent ?? "")) return true;
  }
  return false;
}

/**
 * A block whose first child is a heading or a title block is titled by it (a card: <div><h2>Fax document</h2>…), and so
 * is one headed by a row that starts with a heading (Medimail's toolbar: "Nouveau message", then its buttons).
 * A title block holding a heading is titled by that heading alone: its badges and buttons ("Draft", "Close") are
 * not the title.
 */
function leadingHeading(node: Element): string {
  // A component may head its shadow root, often after its <style> (MEDITECH's CCD panel: the <h2> beside its Download).
  for (const root of [openShadowRoot(node), node]) {
    let first = root?.firstElementChild;
    if (first?.localName === "style") first = first.nextElementSibling;
    const heading = first?.matches(HEADING_SELECTOR)
      ? first
      : first?.matches(TITLE_BLOCK) || first?.firstElementChild?.matches(HEADING_SELECTOR)
        ? (first!.querySelector(HEADING_SELECTOR) ?? first!)
        : null;
    const title = cleanText(heading?.textContent ?? "");
    if (title) return title.length <= MAX_TITLE_CHARS ? title : "";
  }
  return "";
}

/**
 * The recipient fields of a form or panel: a "Refer to" makes a referral, a Direct address a Direct message, a fax
 * number a fax, and so does a "Delivery" the form chose. Else, in a form or dialog, a record it attaches (a checked
 * "Visit notes", "Evaluación del paciente") makes it a share, whatever the address: an e-mail that carries a record
 * discloses it; so does a form that names its recipient under a record's title.
 */
function kindFromFields(container: Element, title: string): ActionKind | null {
  let direct = false;
  let fax = false;
  let named = false;
  const fields = container.querySelectorAll(FIELDS);
  for (let i = 0; i < fields.length && i < MAX_FIELDS; i++) {
    const field = fields[i]!;
    // A hidden tab's or step's fields are another send's (Care360's Clinical Fax tab beside the message's).
    if (field.closest("[hidden]")) continue;
    const meaning = fieldMeaningOf(field);
    if (!meaning || meaning === "excluded") continue;
    if (REFERRAL_LABEL.test(matchText(meaning.label))) return "referral";
    // A contact chosen by name or practice whose value is a Direct address (PCC's "Practice" select) goes by Direct.
    if (meaning.role === "direct" || (meaning.role !== "fax" && DIRECT_DOMAIN.test(heldText(field)))) direct = true;
    if (meaning.role === "fax") fax = true;
    if (meaning.role === "name" || meaning.role === "organization") named = true;
  }
  if (direct || addressedByDirect(container)) return "direct";
  if (fax) return "fax";
  // A form that names its recipient under a record's title ("Create Contact Letter" › Professional Contact) sends it.
  return (
    chosenTransport(container) ??
    checkedWay(container) ??
    attachedRecord(container) ??
    // The recipient may be a chip or a line under its label, no field (Nexus's "Modtager" over the SOR unit chosen).
    (RECORD_CONTEXT.test(matchText(title)) && (named || namesWhere(container)) ? "share" : null)
  );
}

/** A To written as text ("<span>To</span> Dr. Kwame Mensah · … · kmensah@direct…", Orion's viewer): at most this many labels looked at. */
const MAX_TEXT_LABELS = 20;

/** A To line of text, not a field, that shows a Direct address: the send goes by Direct. */
function addressedByDirect(container: Element): boolean {
  const labels = container.querySelectorAll("span,b,strong,label,dt");
  for (let i = 0; i < labels.length && i < MAX_TEXT_LABELS; i++) {
    const label = labels[i]!;
    if (
      !label.firstElementChild &&
      /^to:?$/i.test((label.textContent ?? "").trim()) &&
      DIRECT_DOMAIN.test(label.nextElementSibling?.textContent ?? "")
    )
      return true;
  }
  return false;
}

/**
 * What a field holds, enough to see a Direct domain in it: typed, chosen (a select's option and its value: PCC's carries
 * the address), written in it, or, for an empty typing box, the tokens around it (Kno2's To). The reader's fuller
 * reading (recipient-values.ts) stays off the click path.
 */
function heldText(field: Element): string {
  if (field.localName === "select") {
    const select = field as HTMLSelectElement;
    return `${select.selectedOptions[0]?.textContent ?? ""} ${select.value}`;
  }
  const value = (field as HTMLInputElement).value;
  return typeof value !== "string" ? (field.textContent ?? "") : value || (field.parentElement?.textContent ?? "").slice(0, 500);
}

/**
 * A file listed as attached (Odoo's composer: "Informe_clinico_HC-000123.pdf", TherapyAppointment's "ta-att" line under
 * a New Message section, Medimail's "pj" (pièce jointe)), or named anywhere in a composer (a form, or a block with a
 * message box, after an attachment's mark or word: tomedo's "Anhang 📎 Befund….pdf"): a document goes with the message.
 */
export function attachedFile(container: Element): boolean {
  const files = [container.localName === "form" ? container : null, ...container.querySelectorAll("[class*=att],[class*=pj]")];
  if (files.some((line) => FILE_NAME.test(line?.textContent ?? ""))) return true;
  // In a block with a message box, a file's name said to be attached: not one a message of the thread mentions. Read
  // bounded: the climb asks this of every titled block up to the page's, on the click's path.
  if (container.querySelector(MESSAGE_BOX) === null) return false;
  const text = shownText(container);
  return ATTACHED_FILE.test(text) || ATTACHED_RECORD.test(text) || REFERENCED_RECORD.test(text);
}

const [ACCEPT, REJECT, SKIP] = [1, 2, 3];
const MAX_TEXT_NODES = 300;
const UNSHOWN_TEXT: ReadonlySet<string> = new Set(words("script style template textarea"));

/** Not shown: what a hidden tab or panel holds (Accurx's other composer, its letter attached) is not this block's. */
function unshown(el: Element): boolean {
  return UNSHOWN_TEXT.has(el.localName) || hiddenFromAccessibility(el);
}

/**
 * A block's text as shown, in order, to a bound of text nodes rather than of characters: an attachment line sits
 * below the header, sender and recipient lines of a composer (ZorgMail's "Bijlage" is its sixth row).
 */
function shownText(root: Element): string {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT, {
    acceptNode: (node) => (node.nodeType !== ELEMENT_NODE ? ACCEPT : unshown(node as Element) ? REJECT : SKIP),
  });
  let text = "";
  for (let n = 0, node = walker.nextNode(); node && n < MAX_TEXT_NODES; n++, node = walker.nextNode()) text += ` ${(node as Text).data}`;
  return text;
}

function attachedRecord(container: Element): ActionKind | null {
  if (attachedFile(container)) return "share";
  if (!container.matches(SENDING_BOX)) return null;
  const checked = container.querySelectorAll(CHECKED);
  for (let i = 0; i < checked.length && i < MAX_FIELDS; i++) {
    const box = checked[i]!;
    if (RECORD_CONTEXT.test(matchText(accessibleName(box))) || underAttachments(box, container)) return "share";
  }
  return null;
}

/**
 * A checked box in a list titled "Attachments" or "Documents" attaches a document of the chart, whatever the EHR calls
 * it (HMIS's "Diagnosis Card"): the title is the text just before the box or one of its nearest ancestors.
 */
function underAttachments(box: Element, container: Element): boolean {
  for (let node: Element | null = box, i = 0; node && node !== container && i < 8; node = node.parentElement, i++) {
    // A title is a word or two: a long block before the box (a whole table) is not made matchable on every press.
    const text = node.previousElementSibling?.textContent ?? "";
    if (text.length < MAX_TITLE_CHARS && DOCUMENTS.test(matchText(text))) return true;
  }
  return false;
}

/**
 * The audience chosen in the control's form or dialog is inside the practice ("Share with: Practitioner in your
 * group", Halaxy): a use of the record, not a disclosure.
 */
export function chosenInside(el: Element): boolean {
  const box = el.closest(SENDING_BOX);
  if (!box) return false;
  const chosen = box.querySelectorAll(CHOSEN);
  for (let i = 0; i < chosen.length && i < MAX_FIELDS; i++) if (INSIDE.test(matchText(chosenText(chosen[i]!)))) return true;
  return false;
}

/** A label that asks how a send goes: its select's chosen option says it ("Delivery: Fax", CareRight). */
const HOW = /^(?:delivery|delivery method|send via|send as|method|transport|via)$/;

/** "Send as: ( ) Fax (•) Direct message": the transport chosen in the form's own radios, or its "Delivery" select. */
function chosenTransport(container: Element): ActionKind | null {
  const chosen = container.querySelectorAll(CHOSEN);
  for (let i = 0; i < chosen.length && i < MAX_FIELDS; i++) {
    const field = chosen[i]!;
    const rule = TRANSPORT.find(({ re }) => re.test(matchText(chosenText(field))));
    // A select's label is read only once its choice names a way: most selects of a form are about something else.
    if (rule && (field.localName !== "select" || HOW.test(matchText(accessibleName(field))))) return rule.kind;
  }
  return null;
}

/**
 * Recipients listed under the way each goes ("KIM": ☐ Dr. Brandt, "FAX": ☑ Dr. Vogel; EMIL's Empfänger): the way of
 * those checked, when they all go one way.
 */
function checkedWay(container: Element): ActionKind | null {
  const ways = new Set<ActionKind>();
  const checked = container.querySelectorAll(CHECKED);
  for (let i = 0; i < checked.length && i < MAX_FIELDS; i++) {
    const legend = legendOf(checked[i]!);
    const rule = legend && TRANSPORT.find(({ re }) => re.test(matchText(legend)));
    if (rule) ways.add(rule.kind);
  }
  return ways.size === 1 ? [...ways][0]! : null;
}

/** What the person chose: a checked radio's label, or a select's selected option. */
function chosenText(field: Element): string {
  return field.localName === "select" ? ((field as HTMLSelectElement).selectedOptions[0]?.textContent ?? "") : accessibleName(field);
}
