/**
 * The verdict's host, the `<sharecheck-verdict>` element the page can see: an open shadow root holding either the
 * extension-origin panel frame (the decision controls live there, out of the page's reach) or a
 * small verdict chip. Its data-* attributes are a contract other code reads:
 * data-outcome, data-action, data-recipient (absent when none), data-held ("true" while held).
 * It is position:fixed beside the control, so the page's layout never shifts, and shown as a manual
 * popover: in the top layer, above the page's own modals and z-index stacks, so no ordinary page
 * element can be drawn over it.
 *
 * The page must not be able to capture the host. It is made in a document of our own (no custom
 * element registry there, so a page definition of the name runs nothing at creation) with its
 * shadow root attached before it reaches the page. Inserting it may still upgrade it with the
 * page's definition: one that disables shadow roots, or whose constructor attaches its own, fails
 * against the root already there and the element stays ours; one that succeeds has put page code
 * on our element, and `isOurs()` says no. Then the same panel goes into a plain `<div>` host (no
 * page definition can upgrade a div) carrying the same contract attributes.
 *
 * This is the host of the chip and of the notice shown when no panel can be; what only the panel frame
 * needs is panel-frame-host.ts, in the panel part (content-panel.js).
 */
import type { Outcome } from "../core/schema.ts";
import type { ActionKind } from "../detect/action.ts";
import { FALLBACK_HOST_ATTR, PANEL_TAG } from "../detect/dom.ts";
import { anchorBeside, type Box } from "./anchor.ts";

const PANEL_WIDTH = 400;
const INITIAL_HEIGHT = 260;

export type HostFacts = { outcome: Outcome; action: ActionKind; recipient?: string | undefined; held: boolean };
/** Our `<sharecheck-verdict>`, or the plain `<div>` used when the page has taken that name. */
export type HostKind = "verdict" | "fallback";

export class HostNotOurs extends Error {
  override name = "HostNotOurs";
}

/**
 * Inline !important beats any page stylesheet; the tamper guard watches the attribute itself. `all:initial` puts
 * every other property (margin, opacity, visibility, transform, filter, clip-path, pointer-events…) at its initial
 * value with the same weight, so only what differs from initial is written out.
 */
function hostStyle(box: Box): string {
  return [
    "all:initial",
    "display:block",
    "position:fixed",
    `left:${box.left}px`,
    `top:${box.top}px`,
    `width:${box.width}px`,
    `height:${box.height}px`,
    "z-index:2147483647",
    "contain:layout style",
  ]
    .map((rule) => `${rule} !important`)
    .join(";");
}

/** One line, shared declarations once: it ships in content.js, whose size the page pays for. */
const SHADOW_CSS =
  ":host{color-scheme:light}" +
  "div{box-sizing:border-box;font:500 13px/1.4 system-ui,sans-serif;border:1px solid;border-radius:8px;box-shadow:0 6px 24px #14283c38}" +
  ".chip{display:inline-block;max-width:100%;padding:6px 10px;border-radius:14px;color:#0f3d24;background:#e3f4e8;border-color:#7cb48f;transition:opacity .6s;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}" +
  ".fading{opacity:0}" +
  ".problem{padding:10px 12px;color:#5c2d00;background:#fff4e0;border-color:#d08a2e}" +
  "p{margin:0 0 8px}" +
  "button{font:inherit;margin-right:8px;padding:4px 10px;border-radius:6px;border:1px solid #8a5a1c;background:#fff;color:#3b1f00}" +
  ".pending{position:absolute;inset:0 0 auto;padding:12px 14px;border-color:#9aa9b8;pointer-events:none;font-weight:600;font-size:14px;color:#1b2a38;background:#fff}";

/** Body text sizes our words take over from the page; outside them (a hostile or odd page) they keep their own. */
const PAGE_FONT_PX = { min: 12, max: 18 };

/**
 * Sets `words` in the page's own body font, which the page has already looked up and shaped: a font of our
 * own costs the page's main thread a fresh lookup and shaping (3 to 5 ms on the large bench page) just when
 * the verdict is due. The body's, not the control's: an icon button's font would draw words as icons.
 */
function usePageFont(words: HTMLElement, doc: Document): void {
  const body = doc.body;
  const style = body && doc.defaultView?.getComputedStyle(body);
  if (!style?.fontFamily) return;
  const px = Number.parseFloat(style.fontSize);
  if (!(px >= PAGE_FONT_PX.min && px <= PAGE_FONT_PX.max)) return;
  words.style.fontFamily = style.fontFamily;
  words.style.fontSize = style.fontSize;
  words.style.fontWeight = style.fontWeight;
  words.style.fontStyle = "normal";
}

const ownDocuments = new WeakMap<Document, Document>();

/**
 * A host element and its shadow root, made where no page code runs: in a fresh document without a
 * custom element registry, so a page definition of the name is neither constructed nor given the
 * chance to attach a root first. Throws if even that fails.
 */
function makeHost(doc: Document, kind: HostKind): { host: HTMLElement; root: ShadowRoot } {
  // Made once per page document (a fresh document costs a millisecond when the verdict is due); it keeps nothing, each host leaves it at once.
  let own = ownDocuments.get(doc);
  if (!own) ownDocuments.set(doc, (own = doc.implementation.createHTMLDocument("")));
  const host = own.createElement(kind === "verdict" ? PANEL_TAG : "div");
  if (kind === "fallback") host.setAttribute(FALLBACK_HOST_ATTR, PANEL_TAG);
  const root = host.attachShadow({ mode: "open" });
  return { host: doc.adoptNode(host), root };
}

export class VerdictHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  protected facts: HostFacts;
  #box: Box = { left: 0, top: 0, width: 0, height: 0 };
  #anchor: Box = { left: 0, top: 0, width: 0, height: 0 };
  protected size = { width: PANEL_WIDTH, height: INITIAL_HEIGHT };
  /** The verdict's words shown until the panel frame has painted (showPending). */
  protected pending: HTMLElement | undefined;

  /** Throws HostNotOurs when the page captured the element on insertion (it is removed again). */
  constructor(
    readonly control: Element,
    facts: HostFacts,
    readonly kind: HostKind = "verdict",
  ) {
    const doc = control.ownerDocument;
    ({ host: this.host, root: this.root } = makeHost(doc, kind));
    const style = doc.createElement("style");
    style.textContent = SHADOW_CSS;
    this.root.append(style);
    this.facts = facts;
    this.update(facts);
    this.host.setAttribute("style", hostStyle(this.#box));
    // Inside an open <dialog> the panel must be in the dialog's subtree (a modal makes everything else inert).
    const parent = control.closest("dialog[open]") ?? doc.documentElement;
    parent.append(this.host);
    if (!this.isOurs()) {
      this.host.remove();
      throw new HostNotOurs(`the page took over <${this.host.localName}>`);
    }
    this.raise();
  }

  /**
   * Still the element we made: connected, our shadow root on it, and (for `<sharecheck-verdict>`) never
   * upgraded by a page definition (`:defined` matches only once a definition ran on it).
   */
  isOurs(): boolean {
    const host = this.host;
    if (!host.isConnected || host.shadowRoot !== this.root || this.root.host !== host) return false;
    return this.kind !== "verdict" || !host.matches(":defined");
  }

  /** Into the top layer (again), above anything the page opened since. False where the host cannot be shown so. */
  raise(): boolean {
    const host = this.host;
    try {
      if (host.getAttribute("popover") !== "manual") host.setAttribute("popover", "manual");
      if (host.matches(":popover-open")) host.hidePopover();
      host.showPopover();
      return true;
    } catch {
      return false; // not connected, or inside something that cannot show it: the z-index still applies
    }
  }

  /** A part of ours in the shadow root, in the page's body font; its class picks its style, `attribute` what it is to assistive technology. */
  #part(className: string, attribute: string, value: string, text: string): HTMLElement {
    const el = this.host.ownerDocument.createElement("div");
    el.className = className;
    el.setAttribute(attribute, value);
    el.textContent = text;
    usePageFont(el, this.host.ownerDocument);
    this.root.append(el);
    return el;
  }

  /** The chip: a short read-only line, then it fades and goes. */
  showChip(text: string, signal: AbortSignal, ms = 4000): void {
    const chip = this.#part("chip", "role", "status", text);
    this.size = { width: 360, height: 32 };
    this.place();
    const fade = setTimeout(() => chip.classList.add("fading"), ms);
    const gone = setTimeout(() => this.remove(), ms + 700);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(fade);
        clearTimeout(gone);
      },
      { once: true },
    );
  }

  /**
   * The verdict's words where the panel will be, until its frame has painted (clearPending): shown at once,
   * before the panel part has loaded. Only words, hidden from screen readers (the frame announces the verdict),
   * letting every click through to what will be beneath.
   */
  showPending(text: string): void {
    this.pending = this.#part("pending", "aria-hidden", "true", text);
    this.place();
  }

  /** The frame has rendered the panel, or is gone: the words shown meanwhile go. */
  clearPending(): void {
    this.pending?.remove();
    this.pending = undefined;
  }

  /**
   * When no panel can be shown: what happened, and buttons that can only end or retry the check
   * (never complete the action), each answering real clicks only.
   */
  showProblem(text: string, actions: { label: string; run: () => void }[], signal: AbortSignal): void {
    const doc = this.host.ownerDocument;
    const box = this.#part("problem", "role", "alert", "");
    const line = doc.createElement("p");
    line.textContent = text;
    box.append(line);
    for (const { label, run } of actions) {
      const button = doc.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.addEventListener("click", (event) => event.isTrusted && run(), { signal });
      box.append(button);
    }
    this.size = { width: 360, height: 96 };
    this.place();
    box.querySelector("button")?.focus({ preventScroll: true });
  }

  update(facts: HostFacts): void {
    this.facts = facts;
    const el = this.host;
    el.dataset.outcome = facts.outcome;
    el.dataset.action = facts.action;
    if (facts.recipient) el.dataset.recipient = facts.recipient;
    else delete el.dataset.recipient;
    el.dataset.held = String(facts.held);
  }

  /** Anchor beside the control (where it was last seen if it left the page). */
  place(): Box {
    const view = this.host.ownerDocument.defaultView;
    const viewport = { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 };
    if (this.control.isConnected) {
      const { left, top, width, height } = this.control.getBoundingClientRect();
      this.#anchor = { left, top, width, height };
    }
    this.#box = anchorBeside(this.#anchor, this.size, viewport);
    this.host.setAttribute("style", hostStyle(this.#box));
    return this.#box;
  }

  get expected(): Box {
    return this.#box;
  }

  remove(): void {
    this.host.remove();
  }
}

/**
 * A verified host for the control: our `<sharecheck-verdict>`, else the `<div>` fallback; throws
 * (HostNotOurs or the DOM's error) only when neither can be made ours.
 */
export function createVerdictHost<Host extends VerdictHost = VerdictHost>(
  control: Element,
  facts: HostFacts,
  kinds: readonly HostKind[] = ["verdict", "fallback"],
  Kind: new (control: Element, facts: HostFacts, kind: HostKind) => Host = VerdictHost as never,
): Host {
  let failure: unknown = new HostNotOurs("no host kind to try");
  for (const kind of kinds) {
    try {
      return new Kind(control, facts, kind);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}
