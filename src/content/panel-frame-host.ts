/**
 * The verdict host with our panel frame in it (verdict-host.ts has the host itself, its contract and its place):
 * what only an open panel needs, so it lives in the panel part (content-panel.js), with the tamper guard
 * that reads it.
 */
import { type HostFacts, type HostKind, VerdictHost } from "./verdict-host.ts";

const FRAME_CSS = `
iframe { display:block; width:100%; height:100%; border:1px solid #9aa9b8; border-radius:8px; background:#fff;
  box-shadow:0 6px 24px rgba(20,40,60,.22); box-sizing:border-box; }
.pending { position:absolute; top:1px; left:1px; right:1px; padding:12px 14px; border-radius:8px 8px 0 0; pointer-events:none;
  font:600 14px/1.4 system-ui, sans-serif; color:#1b2a38; background:#fff; }
`;

export class PanelFrameHost extends VerdictHost {
  frame: HTMLIFrameElement | undefined;
  #pending: HTMLElement | undefined;

  /** Throws HostNotOurs when the page captured the element on insertion (it is removed again). */
  constructor(control: Element, facts: HostFacts, kind: HostKind) {
    super(control, facts, kind);
    const style = this.host.ownerDocument.createElement("style");
    style.textContent = FRAME_CSS;
    this.root.append(style);
  }

  /** Whether the host is in the top layer (where the guard expects it when popovers are supported). */
  get raised(): boolean {
    return typeof this.host.showPopover !== "function" || this.host.matches(":popover-open");
  }

  /**
   * The panel: our frame page, session id in the hash. `pending`: the verdict's words, shown over the
   * frame until it has painted (clearPending); only words, hidden from screen readers (the frame
   * announces the verdict), letting every click through to the frame, where the decisions are.
   */
  showFrame(url: string, title: string, pending?: string): HTMLIFrameElement {
    const doc = this.host.ownerDocument;
    const frame = doc.createElement("iframe");
    frame.src = url;
    frame.title = title;
    frame.setAttribute("allow", "");
    this.root.append(frame);
    this.frame = frame;
    if (pending) {
      const words = doc.createElement("div");
      words.className = "pending";
      words.setAttribute("aria-hidden", "true");
      words.textContent = pending;
      this.root.append(words);
      this.#pending = words;
    }
    this.place();
    return frame;
  }

  /** The frame has rendered the panel, or is gone: the words shown meanwhile go. */
  clearPending(): void {
    this.#pending?.remove();
    this.#pending = undefined;
  }

  /** The contract attributes as we set them (a page that rewrites them is put right and counts as tampering). */
  contractIntact(): boolean {
    const { outcome, action, recipient, held } = this.host.dataset;
    const facts = this.facts;
    return (
      outcome === facts.outcome && action === facts.action && recipient === (facts.recipient || undefined) && held === String(facts.held)
    );
  }

  restoreContract(): void {
    this.update(this.facts);
  }

  setHeight(height: number): void {
    this.size = { ...this.size, height: Math.max(80, height) };
    this.place();
  }
}
