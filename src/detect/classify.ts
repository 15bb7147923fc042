/**
 * Is this element a control a person would recognise as sending a record out, and of which kind?
 * Reads the accessible name against the vocabulary; weak hints (id, class, data-*) and the context
 * (titles and recipient fields around it, the page heading, the document title: context.ts) only
 * decide for controls whose name is empty or generic ("Send", "Submit", "Transmit", "Download").
 */
import type { ActionKind } from "./action.ts";
import { accessibleName } from "./accessible-name.ts";
import { attr, DIALOG_SELECTOR, EDITABLE_SELECTOR, HEADING_SELECTOR, ROW_SELECTOR, selectedRowNear } from "./dom.ts";
import { onlyChooses } from "./choice-option.ts";
import { addressedBlock, chosenInside, FILE_NAME, kindFromContext, type TitleReading } from "./context.ts";
import { FieldsNotRead } from "./field-meaning.ts";
import { DIRECT_DOMAIN } from "./address.ts";
import { cleanText, matchText, words } from "./text.ts";
import {
  ACTION_RULES,
  CONTEXT_RULES,
  DOWNLOAD_VERB,
  GENERIC_EXPORT_PATTERN,
  GENERIC_SEND_PATTERN,
  RESEND,
  BARE_WAY,
  IN_PROGRESS_PATTERN,
  HINT_NOISE,
  LEADING_WORDS,
  MAX_LABEL_WORDS,
  POSTS_SEND_PATTERN,
  QUIET_PATTERNS,
  RECORD_CONTEXT,
  SAVE_PATTERN,
  SECTION_WORDS,
  SEND_WORD,
  SHARE_TITLE_PATTERN,
  VERB_LAST,
} from "./vocabulary.ts";

export interface Classification {
  kind: ActionKind;
  /** The control's accessible name (or, when it has none, the kind). */
  label: string;
  /** The control opens a menu or dialog (aria-haspopup): the send itself comes from what it opens. */
  opensPopup?: boolean;
  /** A Send only a record's title made a share: how it goes is the recipient's to say (channel.ts). */
  untold?: boolean;
  /**
   * Read from the control's own name alone, because reading around it failed (an unusual shape, a page that breaks
   * the DOM): nothing more is read, and the clinician is told it could not be decided.
   */
  unread?: boolean;
  /** A Send whose fields around it could not be read yet (field-meaning.ts): held, and classified again once they can. */
  pending?: boolean;
}

/** kindOf's share whose channel nothing named. */
const UNTOLD = "untold";

const CONTROL_ROLES = new Set(words("button link menuitem menuitemradio menuitemcheckbox tab option switch"));
const QUIET = QUIET_PATTERNS.map((source) => new RegExp(source));
const RULES = ACTION_RULES.map((rule) => ({ kind: rule.kind, re: new RegExp(rule.pattern) }));
const CONTEXT = CONTEXT_RULES.map((rule) => ({ kind: rule.kind, re: new RegExp(rule.pattern) }));
const GENERIC = new RegExp(GENERIC_SEND_PATTERN);
const GENERIC_EXPORT = new RegExp(GENERIC_EXPORT_PATTERN);
const IN_PROGRESS = new RegExp(IN_PROGRESS_PATTERN);
const POSTS_SEND = new RegExp(POSTS_SEND_PATTERN, "i");
const SAVE = new RegExp(SAVE_PATTERN);
const DOWNLOAD_WORD = new RegExp(`^${DOWNLOAD_VERB}\\b`);
/** A file format a document is downloaded in, as matchText spells it ("C-CDA" -> "ccda"). */
const FORMATS = "pdf|c?cda|ccd|xml|docx?|zip|fhir|hl7|tiff?";
const FILE_FORMAT = new RegExp(`\\b(?:${FORMATS})\\b`);
/** A label that is only a file format ("PDF", "C-CDA") or only a download ("Download", "Export"). */
const BARE_EXPORT = new RegExp(`^(?:${FORMATS}|${DOWNLOAD_VERB})$`);
/** The ways a message goes, as a title names them ("New Message — C-CDA via Direct" names one: a message is what goes). */
const WAYS = /\b(?:e?fax(?:es)?|direct|chat|e ?mail|secure mail|kim|mss(?:ante)?)\b/g;
const DIRECT_WAY = /\bdirect (?:message|messaging|mail|secure)s?\b/g;
const SHARE_TITLE = new RegExp(SHARE_TITLE_PATTERN);
const SECTION = new Set(SECTION_WORDS);
const NAVIGATION = "nav,[role=navigation]";
const NOISE = new Set(HINT_NOISE);
const LEADING = new Set(LEADING_WORDS);
/** A control's own line is a short caption beside it, not a paragraph. */
const MAX_LINE_CHARS = 120;
const HINT_ATTRIBUTES = words("data-action data-testid data-test-id data-test data-qa data-cy id name");
/** Click handlers written in the markup: plain, AngularJS, Alpine. */
const HANDLER_ATTRIBUTES = words("onclick ng-click data-ng-click x-on:click");
const CALL = /([A-Za-z_$][\w$]*)\s*\(/g;
const MAX_HANDLER_CHARS = 200;
const MAX_HINTS = 40;
/** Bootstrap's data-(bs-)toggle values that open something rather than act. */
const OPENER_TOGGLES: ReadonlySet<string> = new Set(words("modal dropdown offcanvas collapse popover"));
/**
 * A name ending in an ellipsis asks for more before it acts ("Send Direct Message…"): the interface convention for an
 * opener. Not a send in progress ("Sending…", "Enviando…", "Please wait…"): that is the send itself.
 */
const OPENER_NAME = /(?<!ing|ndo|wait)(?:…|\.\.\.)$/i;
/** "Authorise and Send": what a plain Send is after the step it closes. */
const AND_THEN = /^\w+ and /;
/** A handler that opens a surface: "openFaxDialog", "showShareModal", "launchSendWizard". */
const OPENS = /^(?:open|show|launch|display|toggle)\w*?(?:dialog|modal|popup|popover|window|panel|drawer|menu|wizard|form)/i;

/**
 * Whether the element is something a person activates: a button, a link, a submit-like input, or an
 * element with a control role. Cheap (tag and one attribute), so scans call it on every element.
 * <summary> is left out on purpose: it only opens a <details>.
 */
export function isControlElement(el: Element): boolean {
  const tag = el.localName;
  if (tag === "button") return attr(el, "type")?.toLowerCase() !== "reset";
  if (tag === "a") return el.hasAttribute("href") || hasControlRole(el);
  if (tag === "input") {
    const type = attr(el, "type")?.toLowerCase();
    return type === "submit" || type === "button" || type === "image";
  }
  return hasControlRole(el);
}

function hasControlRole(el: Element): boolean {
  const role = attr(el, "role");
  return role !== null && CONTROL_ROLES.has(role.trim().toLowerCase());
}

export interface ClassifyOptions {
  /**
   * The page's closed panels (closedPanels), when one pass classifies many controls of an unchanging page (a
   * scan): gathered once for all of them instead of once per send control.
   */
  panels?: () => readonly Element[];
  /** Classify `el` though it is no control element: an icon the page made clickable by script alone (find-control.ts). */
  clickable?: boolean;
}

export function classifyControl(el: Element, { panels, clickable }: ClassifyOptions = {}): Classification | null {
  try {
    if (!(clickable || isControlElement(el)) || onlyChooses(el)) return null;
    const label = accessibleName(el);
    const kind = kindOf(el, label) ?? kindOfMenuItem(el, label);
    if (kind && kind !== "export" && chosenInside(el)) return null;
    if (kind === UNTOLD) return withPopup(el, { kind: "share", label, untold: true }, panels);
    return kind ? withPopup(el, { kind, label: label || kind }, panels) : null;
  } catch (error) {
    if (error instanceof FieldsNotRead) return { kind: "share", label: "Send", untold: true, pending: true };
    // Fail safe: a control whose own name says it sends is held as undecided, not let pass as no send.
    return namedOnly(el);
  }
}

function namedOnly(el: Element): Classification | null {
  try {
    const label = accessibleName(el);
    const kind = namedKind(labelText(label));
    return kind ? { kind, label, unread: true } : null;
  } catch {
    return null;
  }
}

/**
 * A menu item says what it does with its menu's button: "Transmit" then "By fax" is "Transmit by fax".
 * The button only opens the menu (aria-haspopup), so the item is the send.
 */
function kindOfMenuItem(el: Element, label: string): ReturnType<typeof kindOf> {
  // Checked first: scans classify every control on the page, and few are menu items.
  if (!label || !isMenuItem(el)) return null;
  const name = menuOpenerName(el);
  if (name) return kindOf(el, `${name} ${label}`);
  // An item that names a record in a file format ("Chart (PDF)", "Clinical Summary (C-CDA)") downloads it, whatever opened its menu.
  const text = matchText(label);
  return FILE_FORMAT.test(text) && RECORD_CONTEXT.test(text) && !isQuiet(text) ? "export" : null;
}

function isMenuItem(el: Element): boolean {
  return /^\s*menuitem/i.test(attr(el, "role") ?? "");
}

/** The name of the button that opens a menu item's menu, or "" when `el` is no menu item or its opener is not found. */
function menuOpenerName(el: Element): string {
  if (!isMenuItem(el)) return "";
  const menu = el.closest("[role=menu]");
  if (!menu) return "";
  const id = attr(menu, "id");
  const previous = menu.previousElementSibling;
  const opener =
    (attr(menu, "aria-labelledby") ? menu : null) ??
    (id ? el.ownerDocument.querySelector(`[aria-controls="${CSS.escape(id)}"]`) : null) ??
    (previous && attr(previous, "aria-haspopup") !== null ? previous : null) ??
    // A menu rendered on open, apart from its button (Kendo's popup): the button now expanded opened it.
    el.ownerDocument.querySelector("[aria-haspopup][aria-expanded=true]");
  return opener ? accessibleName(opener) : "";
}

function withPopup(
  el: Element,
  result: Classification,
  panels: () => readonly Element[] = () => closedPanels(el.ownerDocument),
): Classification {
  const popup = attr(el, "aria-haspopup");
  if (
    (popup !== null && popup !== "false") ||
    OPENER_NAME.test(result.label) ||
    saysItOpens(el) ||
    revealsSend(el, result.label) ||
    opensPanelTitled(el, result.label, panels)
  )
    result.opensPopup = true;
  return result;
}

/**
 * The page's own markup says the control opens something: it expands (aria-expanded), it is a Bootstrap
 * toggle of a modal, menu or collapsed form, or its click handler opens a dialog ("openFaxDialog()").
 */
function saysItOpens(el: Element): boolean {
  if (attr(el, "aria-expanded") !== null) return true;
  const toggle = (attr(el, "data-bs-toggle") ?? attr(el, "data-toggle"))?.trim().toLowerCase();
  if (toggle && OPENER_TOGGLES.has(toggle)) return true;
  return handlerCalls(el).some((call) => OPENS.test(call));
}

/**
 * A way alone ("Email") beside an untitled hidden block with a field and a Send of its own shows that block, and its Send
 * sends (TheraByte's note: Email shows "Send PDF note to [ ] [Send]"). A titled one is a panel (opensPanelTitled), and a
 * menu's items are read with their menu's button.
 */
function revealsSend(el: Element, label: string): boolean {
  if (!BARE_WAY.test(matchText(label)) || isMenuItem(el)) return false;
  for (let box = el.parentElement, up = 0; box && up < 2; box = box.parentElement, up++)
    for (let next = box.nextElementSibling, i = 0; next && i < 2; next = next.nextElementSibling, i++)
      if (
        next.hasAttribute("hidden") &&
        next.querySelector(EDITABLE_SELECTOR) &&
        !next.querySelector(HEADING_SELECTOR) &&
        hasOwn(next, SEND_WORD)
      )
        return true;
  return false;
}

/** Whether the element has an inline click handler (onclick, AngularJS's ng-click, Alpine's x-on:click). */
export function hasClickHandler(el: Element): boolean {
  return HANDLER_ATTRIBUTES.some((name) => el.hasAttribute(name));
}

/** The functions the control's inline click handlers call, in order. */
function handlerCalls(el: Element): string[] {
  const calls: string[] = [];
  for (const name of HANDLER_ATTRIBUTES) {
    const code = attr(el, name)?.slice(0, MAX_HANDLER_CHARS);
    for (const call of code?.matchAll(CALL) ?? []) if (calls.length < MAX_HINTS) calls.push(call[1]!);
  }
  return calls;
}

const DIALOG_ROLE = "[role=dialog],[role=alertdialog]";
const MAX_PANELS = 20;
/** Hidden elements and templates looked into for closed panels: a page may hide many things (collapsed rows, web components). */
const MAX_HIDDEN = 200;

/**
 * Closed dialogs and hidden forms and dialogs, at most MAX_PANELS. Gathered from the page's <dialog>s and its
 * [hidden] elements: one selector over the whole page would cost a millisecond or more on every classification
 * of a large page.
 */
export function closedPanels(doc: Document): Element[] {
  const panels: Element[] = [];
  const dialogs = doc.getElementsByTagName("dialog");
  for (let i = 0; i < dialogs.length && panels.length < MAX_PANELS; i++) if (!dialogs[i]!.hasAttribute("open")) panels.push(dialogs[i]!);
  // A viewer or dialog the page clones from a <template> when it opens (TELUS CHR's PDF viewer).
  const templates = doc.getElementsByTagName("template");
  for (let i = 0; i < templates.length && i < MAX_HIDDEN && panels.length < MAX_PANELS; i++) {
    // Not every element so named holds content (an XML document's <template>): one without adds nothing.
    const inside = (templates[i] as Partial<HTMLTemplateElement>).content?.querySelectorAll(`dialog,${DIALOG_ROLE}`);
    if (inside) panels.push(...Array.from(inside).slice(0, MAX_PANELS - panels.length));
  }
  const hidden = doc.querySelectorAll("[hidden]");
  for (let i = 0; i < hidden.length && i < MAX_HIDDEN && panels.length < MAX_PANELS; i++) {
    const el = hidden[i]!;
    if (el.localName === "form" || el.matches(DIALOG_ROLE)) panels.push(el);
    else if (el.firstElementChild) panels.push(...Array.from(el.querySelectorAll(DIALOG_ROLE)).slice(0, MAX_PANELS - panels.length));
  }
  return panels;
}

/**
 * A control bearing the title of a closed dialog or hidden form elsewhere on the page ("Enviar a su médico vía
 * Direct"; a menu item read with its menu's button: "Transmit" "By Direct Message") opens it, and that panel's own
 * button sends. Only a closed one outside the control: an open one's title is no sign. A name of two words or more
 * that begins the title opens it too ("Send Records", "Send Records by Fax"); a one-word name that only begins it (a
 * bare "Fax" icon, a "Fax Document" dialog) is no sign: for all we can tell the icon sends.
 */
function opensPanelTitled(el: Element, label: string, panels: () => readonly Element[]): boolean {
  const opener = menuOpenerName(el);
  const names = [matchText(label), opener ? matchText(`${opener} ${label}`) : ""].filter(Boolean);
  if (names.length === 0) return false;
  // The page's closed copy of the open panel the control is in (the <template> it was cloned from) is no other panel.
  // Asked only of a panel whose title matched: most classifications match none.
  let own: string | null | undefined;
  const ownTitle = () => {
    if (own === undefined) {
      const inside = el.closest(DIALOG_SELECTOR);
      own = inside ? panelTitle(inside) : null;
    }
    return own;
  };
  // A plain Send outside a form, asked once: its twin in a closed message dialog is looked for panel by panel below.
  const plainSend = SEND_WORD.test(names[0]!) && !names[0]!.includes(" ") && !el.closest("form");
  const verb = FINAL_VERB.exec(names[0]!)?.[0];
  for (const panel of panels()) {
    if (panel.contains(el)) continue;
    const said = panelTitle(panel);
    // A way alone ("Fax") opens a closed dialog titled by what goes that way ("Fax letter") when that dialog is where it is
    // addressed, with fields to fill: one with only a Send may be the way's own confirmation (held: fail safe), and a
    // dialog of the way's settings ("Fax settings") opens from elsewhere.
    // A file format or a download alone ("PDF", "Download") opens a closed viewer or dialog titled by it ("PDF — <the
    // letter>", SimplePractice's "Download psychotherapy note") that has its own Download or Print: the record leaves
    // from there. Without one a bare "PDF" or "Download" is held as the download it may be.
    const way = (name: string) =>
      !isQuiet(said) &&
      ((BARE_WAY.test(name) && panel.querySelector(EDITABLE_SELECTOR) !== null) ||
        (BARE_EXPORT.test(name) && hasOwn(panel, EXPORT_CONTROL)));
    if (
      names.some(
        (name) => said === name || ((name.includes(" ") || way(name)) && said.startsWith(`${name} `)) || composes(said, name, panel),
      ) &&
      said !== ownTitle()
    )
      return true;
    // A plain Send and a closed message dialog that has its own, and a box to write in (RevolutionEHR's referral: Send
    // opens "New Message", whose Send sends): the dialog is where it sends from.
    if (plainSend && panel.querySelector(EDITABLE_SELECTOR) && hasOwn(panel, names[0]!)) return true;
    // A step, then a send, whose closed confirmation of it has that verb (iSOFT's "Authorise & Deliver" opens "Confirm
    // delivery" [Deliver]). A plain Send beside a bare "Confirm" may send itself: held (fail safe).
    if (verb && AND_THEN.test(names[0]!) && CONFIRMS.test(said) && hasOwn(panel, verb)) return true;
  }
  return false;
}

/** A confirmation's title, naming what it confirms; and the sending verb a control's name ends in. */
const CONFIRMS = /^confirm\w* \w/;
const FINAL_VERB = /\b(?:send|deliver|submit|transmit)$/;

/** A composer's title: a new one of what it writes ("New Email", "Compose message", "Nuevo mensaje", "Ny besked"). */
const NEW_ONE = /^(?:new|compose|write|create|nuevo|nueva|nouveau|nouvelle|neue[rs]?|nieuwe?|ny|nytt|nuovo|nuova|nowy|nowa|novo|nova) /;

/** A closed composer titled as a new one of what the control names ("Email" opens "New Email", Frappe's ⋯ menu): it writes there. */
function composes(title: string, name: string, panel: Element): boolean {
  return NEW_ONE.test(title) && title.replace(NEW_ONE, "") === name && panel.querySelector(EDITABLE_SELECTOR) !== null;
}

/** A panel's title as matchText spells it: its accessible name, else its first heading. */
function panelTitle(panel: Element): string {
  const heading = panel.querySelector(HEADING_SELECTOR);
  return matchText(attr(panel, "aria-labelledby") || attr(panel, "aria-label") ? accessibleName(panel) : (heading?.textContent ?? ""));
}

const EXPORT_CONTROL = new RegExp(`^(?:${DOWNLOAD_VERB}|print|save)\\b`);
/** A viewer's own controls looked at, at most: a toolbar, not a document's every link. */
const MAX_PANEL_CONTROLS = 40;

/**
 * Whether a panel has a control of its own so named: a name as matchText spells it (its own Send), or a pattern
 * (EXPORT_CONTROL: one that downloads, prints or saves what it shows).
 */
function hasOwn(panel: Element, name: string | RegExp): boolean {
  const controls = panel.querySelectorAll("button,a[href],[role=button]");
  for (let i = 0; i < controls.length && i < MAX_PANEL_CONTROLS; i++) {
    const said = matchText(accessibleName(controls[i]!));
    if (typeof name === "string" ? said === name : name.test(said)) return true;
  }
  return false;
}

const REPLY = /^reply(?: (?:to )?all)?$/;

/** A count after a label says how many, not what: "Send (3 pages)", "Download (2 files)", "Envoyer (1 destinataire)". */
const COUNT = / \d+(?: (?:page|file|document|item|recipient|destinat[a-z]+)s?)?$/;

/** A label as the rules read it: lower case, its count dropped, its verb first. */
function labelText(label: string): string {
  return verbFirst(matchText(label).replace(COUNT, ""));
}

function kindOf(el: Element, label: string): ActionKind | typeof UNTOLD | null {
  const text = labelText(label);
  if (text === "") return kindFromHints(el);
  if (SAVE.test(text)) return postedTo(el) ?? kindFromContext(el, titled(SHARE_TITLE, "share"), false) ?? finished(el);
  // A generic word in the page's navigation ("Release", "Send") goes to that part of the application, whatever the page says
  // around it; a button there works the application (MaxMD's password-reset Send in its folder list), not the record.
  if (GENERIC.test(text) && el.closest(NAVIGATION)) return null;
  // A message's Forward beside its Reply opens a composer, as a mail client's does (MaxMD's read pane), and so does one with
  // nowhere to write whom to outside a form or dialog (a fax log's Forward): its Send sends.
  if (
    text === "forward" &&
    el.parentElement &&
    (hasOwn(el.parentElement, REPLY) || !(el.closest(`form,${DIALOG_SELECTOR}`) || el.parentElement.querySelector(EDITABLE_SELECTOR)))
  )
    return null;
  if (GENERIC.test(text))
    return (
      kindFromHints(el) ??
      postedTo(el) ??
      // A resend repeats a send from its log or outbox: the channel there says which, though a look-alike there is quiet.
      (RESEND.test(text) ? kindFromContext(el, (title) => firstMatch(CONTEXT, matchText(title)), false) : null) ??
      // A Send under a title naming a share ("Send clinical document") says what, not how: the recipient's one address says how.
      untold(kindFromContext(el, sendContext, true), text) ??
      kindOfText(text, el) ??
      // A Send with no field around it, under a record's own title ("Consultation Letter", TrakCare's "Outgoing
      // Correspondence" [Authorise and Send]), sends that record; one beside fields sends what they hold (a chat's message
      // beside a list of documents). A search box is no such field.
      (SEND_WORD.test(text.replace(AND_THEN, "")) && !el.closest("form") && !typedBeside(el)
        ? kindFromContext(el, titled(RECORD_CONTEXT, "share"), false) && UNTOLD
        : null) ??
      (SEND_WORD.test(text) ? (rowSend(el) ?? dialogSubject(el)) : null)
    );
  if (IN_PROGRESS.test(text) && isSubmitButton(el)) return kindFromHints(el) ?? kindFromContext(el, sendContext, true);
  if (GENERIC_EXPORT.test(text))
    return kindFromHints(el) ?? ownLineExport(el) ?? kindFromContext(el, titled(RECORD_CONTEXT, "export"), false);
  const said = kindOfText(text, el);
  // "Send document" says what, not how: a panel titled "Send Fax" around it says how (Athelas's fax panel).
  if (said === "share" && SEND_WORD.test(text)) {
    const way = kindFromContext(el, sendContext, false);
    if (way === "fax" || way === "direct") return way;
  }
  // "Download report", "Export measurements": what they are is as generic; the title around them says whose.
  return said ?? (DOWNLOAD_WORD.test(text) && !isQuiet(text) ? kindFromContext(el, titled(RECORD_CONTEXT, "export"), false) : null);
}

/**
 * A send dialog's line under its title says what it sends, as the cues reader reads it ("Comprehensive examination &
 * CBCT review, 12/03/2025" under Hugo's "Send report"): a Send there sends that record.
 */
function dialogSubject(el: Element): typeof UNTOLD | null {
  const line = el.closest(DIALOG_SELECTOR)?.querySelector(HEADING_SELECTOR)?.nextElementSibling;
  const text = line?.localName === "p" ? matchText(line.textContent ?? "") : "";
  return text.length <= MAX_LINE_CHARS && RECORD_CONTEXT.test(text) && !isQuiet(text) ? UNTOLD : null;
}

/** Enough of a row to find the record it names: its first cells. */
const MAX_ROW_CHARS = 300;

/**
 * What a plain Send does with the row it acts on, its own or the table's selected row beside it: sends to the Direct
 * address the row shows (CRISP's care team; EMIL's Warteschlange: the row chosen, then Senden), or sends the record a
 * table's row names, its channel told by its recipient (HiX's Correspondentie: a referral letter chosen, then Verzenden).
 */
function rowSend(el: Element): ActionKind | typeof UNTOLD | null {
  const own = el.closest(ROW_SELECTOR);
  const row = own ?? selectedRowNear(el);
  if (!row) return null;
  if (DIRECT_DOMAIN.test(row.textContent ?? "")) return "direct";
  // A list item's Send is no table row's: a toolbar or menu is built of list items too.
  if (own && !own.matches(TABLE_ROW)) return null;
  // Cell by cell: markup without spaces between cells runs their words together.
  let text = "";
  for (let cell = row.firstElementChild; cell && text.length < MAX_ROW_CHARS; cell = cell.nextElementSibling)
    text += ` ${cell.textContent}`;
  return RECORD_CONTEXT.test(matchText(text.slice(0, MAX_ROW_CHARS))) ? UNTOLD : null;
}

const TABLE_ROW = "tr,[role=row]";

/**
 * A label with its verb last, read with the verb first: "Sofort senden" as "senden sofort"; a file format after the verb
 * stays last ("Beutaló letöltése (PDF)" as "letoltese beutalo pdf").
 */
function verbFirst(text: string): string {
  const format = / (?:pdf|xml|zip)$/.exec(text)?.[0] ?? "";
  const body = text.slice(0, text.length - format.length);
  const last = body.lastIndexOf(" ");
  if (last <= 0 || !VERB_LAST.has(body.slice(last + 1))) return text;
  // "Signieren und senden", "Ondertekenen en verzenden": a verb after "and" follows the first, as written.
  return /\b(?:und|en)$/.test(body.slice(0, last)) ? text : `${body.slice(last + 1)} ${body.slice(0, last)}${format}`;
}

/** A field beside the control a person types a message or address into: a search box is none. */
function typedBeside(el: Element): boolean {
  for (const field of el.parentElement?.parentElement?.querySelectorAll(EDITABLE_SELECTOR) ?? [])
    if (attr(field, "type") !== "search" && !field.closest("[role=search]")) return true;
  return false;
}

/**
 * A field a key sends from (shortcut.ts): what a generic Send would be in its place; with nothing around it that
 * says more, a share whose channel the recipient tells.
 */
export function classifyKeySend(field: Element): Classification {
  let kind: ActionKind | null = null;
  try {
    kind = kindFromContext(field, sendContext, true);
  } catch (error) {
    // Before the fields can be read, a key that sends is a share whose channel the recipient tells.
    if (!(error instanceof FieldsNotRead)) throw error;
  }
  return kind && kind !== "share" ? { kind, label: "Send" } : { kind: "share", label: "Send", untold: true };
}

/** A Send under a title naming a share, or a download of a record ("Download Discharge Summary" [Send Email]), sends that record. */
function untold(kind: ActionKind | null, text: string): ActionKind | typeof UNTOLD | null {
  return (kind === "share" || kind === "export") && SEND_WORD.test(text) ? UNTOLD : kind;
}

/** A form's submit button: <button> (submit by default) or <input type=submit> inside a form. */
function isSubmitButton(el: Element): boolean {
  const tag = el.localName;
  const type = (attr(el, "type") ?? (tag === "button" ? "submit" : "")).toLowerCase();
  return (tag === "button" || tag === "input") && type === "submit" && (el as HTMLButtonElement).form !== null;
}

/** The send a submit button's form posts to ("/messaging_sendfax/42"), when its address names one. */
function postedTo(el: Element): ActionKind | null {
  if (!isSubmitButton(el)) return null;
  const form = (el as HTMLButtonElement).form;
  const address = (attr(el, "formaction") ?? (form ? attr(form, "action") : null))?.slice(0, 300);
  const channel = address ? POSTS_SEND.exec(address) : null;
  // The pattern captures only these three channels.
  return ((channel?.[1] ?? channel?.[2])?.toLowerCase() as "fax" | "direct" | "referral" | undefined) ?? null;
}

/** A generic send takes the kind its context names ("New referral", "Fax document"). */
function sendContext(title: string): ActionKind | "quiet" | null {
  const text = matchText(title);
  if (quietTitle(text)) return "quiet";
  const kind = firstMatch(CONTEXT, text);
  // A title that offers more than one way ("Clinic chat and fax", "Release by fax or Direct Message") names none of them.
  return (kind === "fax" || kind === "direct") && new Set(text.replace(DIRECT_WAY, "direct").match(WAYS)).size > 1 ? null : kind;
}

/**
 * The nearest title decides: `kind` when it says `what`, else nothing is sent. A generic download is an export, and
 * an unformed Send a share, when the title names a patient record ("Continuity of Care Document"); a Save commits a
 * share when the title names one ("Share note"). A nearer title that names something else ("Billing statements")
 * settles it as not one.
 */
function titled(what: RegExp, kind: ActionKind): TitleReading {
  return (title) => {
    const text = matchText(title);
    // A confirmation ("Confirm delivery") says nothing of what: the titles around it do.
    if (CONFIRMS.test(text)) return null;
    return !quietTitle(text) && what.test(text) ? kind : "quiet";
  };
}

/**
 * What a Save, Update or Sign sends by itself: the referral or record its title names, when its block names where it
 * goes and holds no other control that sends (Helix's Save beside "Save and Send" only keeps the letter). The title is
 * asked first: it is the nearest one, and most Saves are under titles that name neither, so the block is rarely read.
 */
function finished(el: Element): ActionKind | null {
  const kind = kindFromContext(el, finishedTitle, false);
  const box = kind && addressedBlock(el);
  if (!box) return null;
  const controls = box.querySelectorAll("button,input[type=submit],[role=button]");
  for (let i = 0; i < controls.length && i < MAX_PANEL_CONTROLS; i++) {
    if (controls[i] === el) continue;
    const text = labelText(accessibleName(controls[i]!));
    if (GENERIC.test(text) || namedKind(text)) return null;
  }
  return kind;
}

/** What a finished form under this title sends, when its block names a recipient: a referral, or a record shared. */
function finishedTitle(title: string): ActionKind | "quiet" {
  const text = matchText(title);
  if (quietTitle(text)) return "quiet";
  const kind = firstMatch(CONTEXT, text);
  return kind === "referral" ? kind : RECORD_CONTEXT.test(text) ? "share" : "quiet";
}

/**
 * A download sitting in a line that names a record ("Lab report: metabolic panel [Download PDF]") or shows a file
 * ("Orthopedic intake form.pdf [⭳]") exports it, whatever the panel's title. A line that names neither says
 * nothing: the titles around it decide.
 */
function ownLineExport(el: Element): ActionKind | null {
  let inner = el;
  let own = "";
  // A tile's tools show no file name: its caption, up to two levels further, does (Jane's file thumbnails).
  for (let line = el.closest("tr,[role=row],li") ?? el.parentElement, up = 0; line && line.localName !== "body" && up < 3; up++) {
    // The other controls of the line ("Close" beside a viewer's Download) are its other actions, not its caption.
    for (let node = line.firstChild; node; node = node.nextSibling)
      if (node !== inner && !(node.nodeType === 1 && isControlElement(node as Element))) own += ` ${node.textContent ?? ""}`;
    const text = matchText(own);
    // A long row may still name its file ("Hereditary cancer panel (BRCA1/BRCA2) — germline genetic test result.pdf").
    if (text.length > MAX_LINE_CHARS * 2 || isQuiet(text)) return null;
    if ((text.length <= MAX_LINE_CHARS && RECORD_CONTEXT.test(text)) || FILE_NAME.test(own)) return "export";
    inner = line;
    line = line.parentElement;
  }
  return null;
}

function kindOfText(text: string, el: Element): ActionKind | null {
  const kind = namedKind(text);
  // A tab named "Fax" opens the fax section of the page, and a link in the page's navigation goes to where one is sent
  // ("Send a Fax", eFax's Message Center): neither sends anything. A navigation link may still download a record.
  const section = SECTION.has(text);
  if (kind && (attr(el, "role")?.trim().toLowerCase() === "tab" ? section : navigationLink(el) && (section || kind !== "export")))
    return null;
  return kind;
}

/** What a control's name alone says it does ("Fax chart"), from the words and nothing around them. */
function namedKind(text: string): ActionKind | null {
  const words = text.split(" ");
  if (!LEADING.has(words[0] ?? "") || words.length > MAX_LABEL_WORDS || isQuiet(text)) return null;
  return firstMatch(RULES, text);
}

function navigationLink(el: Element): boolean {
  const link = el.localName === "a" || attr(el, "role")?.trim().toLowerCase() === "link";
  return link && el.closest(NAVIGATION) !== null;
}

/**
 * Quiet on a control, not in a title: a "Fax Preview" or "Draft" panel shows what its Send or Download then sends
 * (Care360's preview step), where a Preview or Save draft button sends nothing.
 */
const SHOWN = /\b(?:preview|draft)\b/g;

function quietTitle(text: string): boolean {
  return isQuiet(text.replace(SHOWN, ""));
}

function isQuiet(text: string): boolean {
  return QUIET.some((re) => re.test(text));
}

function firstMatch(rules: ReadonlyArray<{ kind: ActionKind; re: RegExp }>, text: string): ActionKind | null {
  for (const rule of rules) if (rule.re.test(text)) return rule.kind;
  return null;
}

/** id/class/data-* spelled like an action ("btn-send-referral", "shareChartButton"). Weak: only for unnamed or generic controls. */
function kindFromHints(el: Element): ActionKind | null {
  const phrases: string[] = [];
  for (const name of HINT_ATTRIBUTES) {
    const value = attr(el, name);
    if (value) phrases.push(value);
  }
  const classes = attr(el, "class");
  if (classes) phrases.push(...classes.split(/\s+/).slice(0, 20));
  // Inline handlers name what they call ("top.restoreSession(); sendFax(12)"): each function is a phrase.
  phrases.push(...handlerCalls(el));
  for (const phrase of phrases) {
    const words = matchText(
      cleanText(phrase, 100)
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .replace(/[-_]/g, " "),
    ).split(" ");
    while (words.length > 0 && NOISE.has(words[0] ?? "")) words.shift();
    const kind = kindOfText(words.join(" "), el);
    if (kind) return kind;
  }
  return null;
}
