/**
 * One open panel: the host with our frame, its session with the background, the tamper guard, and
 * the clinician's decision. Decisions arrive only as runtime messages from the background (the
 * frame's port is forwarded there), so a page script can neither click Proceed nor forge it.
 */
import type { Outcome } from "../core/schema.ts";
import type { PanelState } from "../messaging/messages.ts";
import { browser } from "../platform/browser.ts";
import { t } from "../platform/i18n.ts";
import { every } from "./lifetime.ts";
import { PanelHost } from "./panel-host.ts";
import { canReplay, replay, type HeldActivation } from "./replay.ts";
import { tamperReason } from "./tamper.ts";
import { sendToBackground as send, type PanelFrameEvent } from "./wire.ts";

export const FRAME_PAGE = "src/content/frame/index.html";
/** Proceed is refused unless the panel has been clean (unhidden, uncovered, unmoved) this long. */
export const CLEAN_FOR_MS = 1000;
/** ... and open this long: a double-click on the control cannot land on Proceed. */
export const OPEN_FOR_MS = 500;
const CHECK_EVERY_MS = 250;

export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export type PanelEnd = "proceeded" | "cancelled" | "closed" | "dismissed";

export class PanelSession {
  readonly id = newSessionId();
  /** Posted into our own iframe only; the frame presents it to the background to claim the session. */
  private readonly nonce = newSessionId();
  private host: PanelHost | undefined;
  private readonly ended = new AbortController();
  private openedAt = 0;
  private lastTamperAt = -Infinity;
  private tampered = false;
  private controlGone = false;
  private outcome: Outcome;
  /** The extension went away (updated, disabled, removed) while this was held: see strand(). */
  private stranded = false;
  /** Read now: once the extension is gone, its messages cannot be read any more. */
  private readonly goneText = t("panel_extension_gone");

  constructor(
    readonly control: Element,
    private readonly state: PanelState,
    private readonly held: HeldActivation | undefined,
    private readonly lifetime: AbortSignal,
    /** Runs the replay while the interceptor lets events through. */
    private readonly passThrough: (fn: () => void) => void,
    private readonly onEnd: (session: PanelSession, how: PanelEnd) => void,
  ) {
    this.outcome = state.verdict?.outcome ?? "needs-review";
  }

  get isHeld(): boolean {
    return this.held !== undefined;
  }

  get signal(): AbortSignal {
    return this.ended.signal;
  }

  /** Registers the session with the background, then shows the frame. Throws if the background refuses. */
  async open(): Promise<void> {
    await send("panel-open", { session: this.id, nonce: this.nonce, state: this.state });
    if (this.lifetime.aborted) return;
    const host = new PanelHost(this.control, this.facts());
    this.host = host;
    const url = `${browser.runtime.getURL(FRAME_PAGE)}#${this.id}`;
    const frame = host.showFrame(url, "ShareCheck verdict");
    this.openedAt = performance.now();
    frame.addEventListener(
      "load",
      () => {
        // Only to our page's origin: if the page navigated our iframe elsewhere, the nonce goes nowhere.
        frame.contentWindow?.postMessage({ type: "sharecheck-nonce", nonce: this.nonce }, new URL(url).origin);
        if (this.held) this.focus();
      },
      { signal: this.signal },
    );
    this.guard(host);
    const signal = AbortSignal.any([this.signal, this.lifetime]);
    signal.addEventListener("abort", () => this.stranded || host.remove(), { once: true });
    let frameRequested = 0;
    const reposition = () => {
      if (frameRequested) return;
      frameRequested = requestAnimationFrame(() => {
        frameRequested = 0;
        host.place();
      });
    };
    const view = this.control.ownerDocument.defaultView ?? window;
    view.addEventListener("scroll", reposition, { capture: true, passive: true, signal });
    view.addEventListener("resize", reposition, { passive: true, signal });
  }

  focus(): void {
    this.host?.frame?.focus();
  }

  /** A message from our frame, forwarded by the background. */
  handle(event: PanelFrameEvent): void {
    if (this.signal.aborted) return;
    switch (event.type) {
      case "size":
        this.host?.setHeight(event.height);
        this.check();
        return;
      case "outcome":
        this.outcome = event.outcome;
        this.host?.update(this.facts());
        return;
      case "decision":
        if (event.decision === "proceed" && this.held) this.proceed();
        else this.end(event.decision === "cancel" ? "cancelled" : "closed");
    }
  }

  /** The clinician's Cancel (or Escape in the page): the page stays untouched. */
  cancel(): void {
    this.end("cancelled");
  }

  /** Another action started: this one is dropped, its held action not done. */
  dismiss(): void {
    this.end("dismissed", false);
  }

  private proceed(): void {
    const now = performance.now();
    this.check();
    if (this.tampered && now - this.lastTamperAt < CLEAN_FOR_MS) return; // refused: the frame already shows why
    if (now - this.openedAt < OPEN_FOR_MS) return;
    const held = this.held;
    if (!held || !canReplay(held)) {
      this.controlGone = true;
      this.report();
      return;
    }
    this.end("proceeded");
    this.passThrough(() => replay(held));
  }

  private end(how: PanelEnd, restoreFocus = true): void {
    if (this.signal.aborted) return;
    this.ended.abort();
    this.host?.remove();
    send("panel-close", { session: this.id }).catch(() => undefined);
    if (restoreFocus && this.control.isConnected) (this.control as HTMLElement).focus?.({ preventScroll: true });
    this.onEnd(this, how);
  }

  private facts() {
    return {
      outcome: this.tampered ? ("needs-review" as const) : this.outcome,
      action: this.state.action.kind,
      recipient: this.state.action.recipient?.text,
      held: this.held !== undefined,
    };
  }

  /** Watch the host: any change to it, its shadow root or its ancestors triggers a check, and a timer catches stylesheet tricks. */
  private guard(host: PanelHost): void {
    const signal = AbortSignal.any([this.signal, this.lifetime]);
    const observer = new MutationObserver(() => this.check());
    observer.observe(host.host, { attributes: true });
    observer.observe(host.root, { attributes: true, childList: true, subtree: true, characterData: true });
    for (let el = host.host.parentElement; el; el = el.parentElement) observer.observe(el, { attributes: true, attributeFilter: ["style", "class", "hidden"] });
    const head = host.host.ownerDocument.head;
    if (head) observer.observe(head, { childList: true, subtree: true, characterData: true });
    signal.addEventListener("abort", () => observer.disconnect(), { once: true });
    every(CHECK_EVERY_MS, () => this.check(), signal);
  }

  private check(): void {
    const host = this.host;
    if (!host || this.signal.aborted || this.stranded) return;
    if (!runtimeAlive()) return this.strand();
    const gone = this.held !== undefined && !canReplay(this.held);
    const reason = tamperReason(host.host, host.frame, host.expected);
    if (reason) this.lastTamperAt = performance.now();
    if ((reason && !this.tampered) || gone !== this.controlGone) {
      this.tampered ||= Boolean(reason);
      this.controlGone = gone;
      this.report();
    }
  }

  /**
   * The extension is gone for good while this action is held (updated, disabled or removed): its frame is dead
   * and no decision can reach us any more. Say so in plain words in place of the frame, send nothing, and keep
   * the held control blocked until the page is reloaded, so the action can only go after a fresh check (by the
   * extension's new copy, if it is back). Never a silent no-op, never a double send.
   */
  private strand(): void {
    const host = this.host;
    if (!host || this.stranded || !this.held) return;
    this.stranded = true;
    host.frame?.remove();
    const notice = host.host.ownerDocument.createElement("div");
    notice.className = "chip";
    notice.setAttribute("role", "alert");
    notice.textContent = this.goneText;
    host.root.append(notice);
    host.update({ ...this.facts(), outcome: "needs-review" });
    const control = this.control;
    const view = control.ownerDocument.defaultView ?? window;
    // Lives as long as the page: the content script that would end it is gone with the extension.
    const block = (event: Event) => {
      const path = event.composedPath();
      const onControl = path.includes(control) || (event.type === "submit" && event.target instanceof HTMLFormElement && event.target.contains(control));
      if (!event.isTrusted || !onControl) return;
      if (event instanceof KeyboardEvent && event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopImmediatePropagation();
      notice.scrollIntoView({ block: "nearest" });
    };
    for (const type of ["click", "keydown", "submit"]) view.addEventListener(type, block, { capture: true });
  }

  private report(): void {
    this.host?.update(this.facts());
    send("panel-update", { session: this.id, tampered: this.tampered, controlGone: this.controlGone }).catch(() => undefined);
  }
}

/** Whether our extension context still lives (after an update or disable, runtime.id is gone or throws). */
function runtimeAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
