/**
 * The `<sharecheck-verdict>` element the page can see: an open shadow root holding either the
 * extension-origin panel frame (the decision controls live there, out of the page's reach) or a
 * small verdict chip. Its data-* attributes are a contract other code reads:
 * data-outcome, data-action, data-recipient (absent when none), data-held ("true" while held).
 * It is position:fixed beside the control, so the page's layout never shifts.
 */
import type { Outcome } from "../core/schema.ts";
import type { ActionKind } from "../detect/action.ts";
import { anchorBeside, type Box } from "./anchor.ts";

export const HOST_TAG = "sharecheck-verdict";
const PANEL_WIDTH = 400;
const INITIAL_HEIGHT = 260;

export type HostFacts = { outcome: Outcome; action: ActionKind; recipient?: string | undefined; held: boolean };

/** Inline !important beats any page stylesheet; the tamper guard watches the attribute itself. */
function hostStyle(box: Box): string {
  return [
    "all:initial",
    "display:block",
    "position:fixed",
    `left:${box.left}px`,
    `top:${box.top}px`,
    `width:${box.width}px`,
    `height:${box.height}px`,
    "margin:0",
    "padding:0",
    "border:0",
    "z-index:2147483647",
    "opacity:1",
    "visibility:visible",
    "transform:none",
    "filter:none",
    "clip-path:none",
    "pointer-events:auto",
    "contain:layout style",
  ]
    .map((rule) => `${rule} !important`)
    .join(";");
}

const SHADOW_CSS = `
:host { color-scheme: light; }
iframe { display:block; width:100%; height:100%; border:1px solid #9aa9b8; border-radius:8px; background:#fff;
  box-shadow:0 6px 24px rgba(20,40,60,.22); box-sizing:border-box; }
.chip { display:inline-block; max-width:100%; box-sizing:border-box; padding:6px 10px; border-radius:14px;
  font:500 13px/1.35 system-ui, sans-serif; color:#0f3d24; background:#e3f4e8; border:1px solid #7cb48f;
  box-shadow:0 2px 8px rgba(20,40,60,.18); transition:opacity .6s ease; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
.chip.fading { opacity:0; }
`;

export class PanelHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  frame: HTMLIFrameElement | undefined;
  private box: Box = { left: 0, top: 0, width: 0, height: 0 };
  private anchor: Box = { left: 0, top: 0, width: 0, height: 0 };
  private size = { width: PANEL_WIDTH, height: INITIAL_HEIGHT };

  constructor(
    readonly control: Element,
    facts: HostFacts,
  ) {
    const doc = control.ownerDocument;
    this.host = doc.createElement(HOST_TAG);
    this.root = this.host.attachShadow({ mode: "open" });
    const style = doc.createElement("style");
    style.textContent = SHADOW_CSS;
    this.root.append(style);
    this.update(facts);
    // Inside an open <dialog> the panel must be in the dialog's subtree (top layer, not inert).
    const parent = control.closest("dialog[open]") ?? doc.documentElement;
    parent.append(this.host);
  }

  /** The panel: our frame page, session id in the hash. */
  showFrame(url: string, title: string): HTMLIFrameElement {
    const frame = this.host.ownerDocument.createElement("iframe");
    frame.src = url;
    frame.title = title;
    frame.setAttribute("allow", "");
    this.root.append(frame);
    this.frame = frame;
    this.place();
    return frame;
  }

  /** The chip: a short read-only line, then it fades and goes. */
  showChip(text: string, signal: AbortSignal, ms = 4000): void {
    const chip = this.host.ownerDocument.createElement("div");
    chip.className = "chip";
    chip.setAttribute("role", "status");
    chip.textContent = text;
    this.root.append(chip);
    this.size = { width: 360, height: 32 };
    this.place();
    const fade = setTimeout(() => chip.classList.add("fading"), ms);
    const gone = setTimeout(() => this.remove(), ms + 700);
    signal.addEventListener("abort", () => (clearTimeout(fade), clearTimeout(gone)), { once: true });
  }

  update({ outcome, action, recipient, held }: HostFacts): void {
    const el = this.host;
    el.dataset.outcome = outcome;
    el.dataset.action = action;
    if (recipient) el.dataset.recipient = recipient;
    else delete el.dataset.recipient;
    el.dataset.held = String(held);
  }

  setHeight(height: number): void {
    this.size = { ...this.size, height: Math.max(80, height) };
    this.place();
  }

  /** Anchor beside the control (where it was last seen if it left the page). */
  place(): Box {
    const view = this.host.ownerDocument.defaultView;
    const viewport = { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 };
    if (this.control.isConnected) {
      const { left, top, width, height } = this.control.getBoundingClientRect();
      this.anchor = { left, top, width, height };
    }
    this.box = anchorBeside(this.anchor, this.size, viewport);
    this.host.setAttribute("style", hostStyle(this.box));
    return this.box;
  }

  get expected(): Box {
    return this.box;
  }

  remove(): void {
    this.host.remove();
  }
}
