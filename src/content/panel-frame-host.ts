/**
 * The verdict host with our panel frame in it (verdict-host.ts has the host itself, its contract and its place):
 * what only an open panel needs, so it lives in the panel part (content-panel.js), with the tamper guard
 * that reads it.
 */
import { type HostFacts, type HostKind, VerdictHost } from "./verdict-host.ts";

const FRAME_CSS = `
iframe { display:block; width:100%; height:100%; border:1px solid #9aa9b8; border-radius:8px; background:#fff;
  box-shadow:0 6px 24px rgba(20,40,60,.22); box-sizing:border-box; }
iframe ~ .pending { top:1px; left:1px; right:1px; border:0; border-radius:8px 8px 0 0; box-shadow:none; }
`;

/** Longest wait for a paint: a page whose frames are not being drawn (a hidden tab) gets the frame after this. */
const PAINT_WAIT_MS = 100;

/** Resolves in the task after the page's next paint (or PAINT_WAIT_MS), or at once when `signal` aborts. */
function afterPaint(view: Window, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    let painted: number | undefined;
    const done = () => {
      view.cancelAnimationFrame(frame);
      view.clearTimeout(timer);
      view.clearTimeout(painted);
      signal.removeEventListener("abort", done);
      resolve();
    };
    // A requestAnimationFrame callback runs just before the paint: the task after it runs after.
    const frame = view.requestAnimationFrame(() => {
      painted = view.setTimeout(done, 0);
    });
    const timer = view.setTimeout(done, PAINT_WAIT_MS);
    signal.addEventListener("abort", done, { once: true });
  });
}

export class PanelFrameHost extends VerdictHost {
  frame: HTMLIFrameElement | undefined;

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
   * The panel: our frame page, session id in the hash. `pending`: the verdict's words (showPending), over
   * the frame until it has painted. The words are painted first: creating an extension frame holds the
   * page's main thread for 10-25 ms, which would otherwise delay them too. Undefined when `signal` aborted
   * meanwhile (no frame is made).
   */
  async showFrame(url: string, title: string, pending: string | undefined, signal: AbortSignal): Promise<HTMLIFrameElement | undefined> {
    const doc = this.host.ownerDocument;
    if (pending) this.showPending(pending);
    else this.place();
    await afterPaint(doc.defaultView ?? window, signal);
    if (signal.aborted) return undefined;
    const frame = doc.createElement("iframe");
    frame.src = url;
    frame.title = title;
    frame.setAttribute("allow", "");
    this.root.insertBefore(frame, this.pending ?? null);
    this.frame = frame;
    return frame;
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
    if (!this.#revealed) this.#reveal();
  }

  #revealed = false;

  /**
   * Once, when the panel has its size: a panel placed in a frame taller than the window (a chart inside a frame
   * inside a frame) can reach below the window, and Proceed only works once it has been seen. The outermost window
   * we can reach is scrolled that far, never so far that the panel's top leaves it.
   */
  #reveal(): void {
    this.#revealed = true;
    let { top, bottom } = this.host.getBoundingClientRect();
    let view: Window | null = this.host.ownerDocument.defaultView;
    try {
      for (let frame = view?.frameElement; view && frame; frame = view?.frameElement) {
        const offset = frame.getBoundingClientRect().top + frame.clientTop;
        top += offset;
        bottom += offset;
        view = view.parent;
      }
    } catch {
      // A cross-origin parent: the frame we are in is as far as we can see.
    }
    const below = view ? bottom - view.innerHeight : 0;
    if (view && below > 0 && top > 0) view.scrollBy(0, Math.min(below, top));
  }
}
