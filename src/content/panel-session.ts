/**
 * One open panel: the host with our frame, its session with the background, the tamper guard, and
 * the clinician's decision. Decisions arrive only as runtime messages from the background (the
 * frame's port is forwarded there), so a page script can neither click Proceed nor forge it.
 *
 * Fail closed: Proceed completes the held action only while the panel is intact and has been clean
 * (ours, unhidden, uncovered, unmoved, in the top layer) for CLEAN_FOR_MS without a break, measured
 * up to the decision; a cover lifted just before the click restarts the wait. A panel that is
 * removed, whose frame is removed or replaced, or whose frame lost the background ends as "lost":
 * nothing is sent, and the interceptor tells the clinician in a fresh host.
 */
import type { Outcome } from "../core/schema.ts";
import type { PanelState } from "../messaging/messages.ts";
import { browser } from "./extension.ts";
import { t } from "../platform/i18n.ts";
import { every, runtimeAlive } from "./lifetime.ts";
import { PanelFrameHost } from "./panel-frame-host.ts";
import { pendingWords } from "./pending-words.ts";
import { createVerdictHost, type HostKind } from "./verdict-host.ts";
import type { LinkLoss, PanelLinks } from "./panel-link.ts";
import { type ClickInPage, canReplay, type HeldActivation, replay } from "./replay.ts";
import { clickThroughCover, tamperReason, topLayerOver, type TamperReason } from "./tamper.ts";
import type { PanelFrameEvent } from "./panel-part.ts";
import { sendToBackground as send } from "./wire.ts";

export const FRAME_PAGE = "src/content/frame/index.html";
/** Proceed counts only once the panel has been shown and clean this long without a break (permission-prompt style). */
export const CLEAN_FOR_MS = 800;
const CHECK_EVERY_MS = 250;
/** Attributes through which a page hides, moves or uncovers things. */
const WATCHED_ATTRIBUTES = ["style", "class", "hidden", "popover", "open", "inert"];

export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export type PanelEnd = "proceeded" | "cancelled" | "closed" | "dismissed" | "lost";
export type PanelLoss = LinkLoss | "removed";

export type PanelSessionDeps = {
  lifetime: AbortSignal;
  links: PanelLinks;
  /** Runs the replay while the interceptor lets events through. */
  passThrough: (fn: () => void) => void;
  /** Where a proceeded click on a link that runs script is clicked (replay.ts). */
  clickInPage?: ClickInPage;
  onEnd: (session: PanelSession, how: PanelEnd, loss?: PanelLoss) => void;
  /** Host kinds to try, in order. */
  kinds?: readonly HostKind[];
};

export class PanelSession {
  readonly id = newSessionId();
  /** Given only to our own iframe (by the heartbeat); the frame presents it to the background to claim the session. */
  readonly #nonce = newSessionId();
  #host: PanelFrameHost | undefined;
  readonly #ended = new AbortController();
  /**
   * When the panel last became clean (shown, or first seen clean after tampering); Infinity while it is not.
   * Wall-clock (Date.now), the clock the frame stamps its decisions with, so Proceed is judged at the click.
   */
  #cleanSince = Infinity;
  #tampered = false;
  #controlGone = false;
  #outcome: Outcome;
  /** The extension went away (updated, disabled, removed) while this was held: see strand(). */
  #stranded = false;
  /** Read now: once the extension is gone, its messages cannot be read any more. */
  readonly #goneText = t("panel_extension_gone");

  readonly #state: PanelState;
  readonly #held: HeldActivation | undefined;
  readonly #deps: PanelSessionDeps;

  constructor(
    readonly control: Element,
    state: PanelState,
    held: HeldActivation | undefined,
    deps: PanelSessionDeps,
  ) {
    this.#state = state;
    this.#held = held;
    this.#deps = deps;
    this.#outcome = state.verdict?.outcome ?? "needs-review";
  }

  get isHeld(): boolean {
    return this.#held !== undefined;
  }

  get signal(): AbortSignal {
    return this.#ended.signal;
  }

  /** The held activation, for a fresh check after this panel was lost. */
  get activation(): HeldActivation | undefined {
    return this.#held;
  }

  /**
   * Shows the verdict in a verified host and starts loading the frame while the background registers the
   * session; the frame is given its nonce (the heartbeat) only once the session is registered. Throws if
   * either fails (the host is then gone again).
   */
  async open(): Promise<void> {
    const registered = send("panel-open", { session: this.id, nonce: this.#nonce, state: this.#state });
    let host: PanelFrameHost;
    try {
      host = createVerdictHost(this.control, this.#facts(), this.#deps.kinds, PanelFrameHost);
    } catch (error) {
      registered.catch(() => undefined);
      throw error;
    }
    this.#host = host;
    const url = `${browser.runtime.getURL(FRAME_PAGE)}#${this.id}`;
    const signal = AbortSignal.any([this.signal, this.#deps.lifetime]);
    signal.addEventListener("abort", () => this.#stranded || host.remove(), { once: true });
    // The verdict's words at once, in the host, until the frame (where Proceed lives) has painted.
    const frame = await host.showFrame(url, "ShareCheck verdict", pendingWords(this.#state), signal);
    if (!frame) {
      registered.catch(() => undefined);
      return;
    }
    if (this.#held) frame.addEventListener("load", () => this.focus(), { signal });
    try {
      await registered;
    } catch (error) {
      host.remove();
      this.#host = undefined;
      throw error;
    }
    if (signal.aborted) return;
    this.#cleanSince = Date.now();
    const unlink = this.#deps.links.link(frame, url, this.#nonce, {
      onLost: (why) => this.#lose(why),
      onDismiss: (decision) => this.#end(decision === "cancel" ? "cancelled" : "closed"),
    });
    signal.addEventListener("abort", unlink, { once: true });
    this.#guard(host, signal);
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
    this.#host?.frame?.focus();
  }

  /** Whether the panel is on screen and ours right now (a click on its control then only brings it forward). */
  get intact(): boolean {
    return this.#host !== undefined && !this.signal.aborted && this.#host.isOurs();
  }

  /** A message from our frame, forwarded by the background. */
  handle(event: PanelFrameEvent): void {
    if (this.signal.aborted) return;
    switch (event.type) {
      case "size":
        // The frame has rendered: it speaks for itself now.
        this.#host?.clearPending();
        this.#host?.setHeight(event.height);
        this.#check();
        return;
      case "outcome":
        this.#outcome = event.outcome;
        this.#host?.update(this.#facts());
        return;
      case "decision":
        if (event.decision === "proceed" && this.#held) this.#proceed(event.at);
        else this.#end(event.decision === "cancel" ? "cancelled" : "closed");
    }
  }

  /** The clinician's Cancel (or Escape in the page): the page stays untouched. */
  cancel(): void {
    this.#end("cancelled");
  }

  /** Another action started: this one is dropped, its held action not done. */
  dismiss(): void {
    this.#end("dismissed", false);
  }

  /** at: when the clinician pressed Proceed; a decision that arrives late (a busy page) is judged as of then. */
  #proceed(at = Date.now()): void {
    this.#check();
    if (this.signal.aborted) return;
    const pressed = Math.min(at, Date.now());
    if (pressed - this.#cleanSince < CLEAN_FOR_MS) return; // refused: not clean long enough before the press (the frame shows why when tampered)
    const held = this.#held;
    if (!held || !canReplay(held)) {
      this.#controlGone = true;
      this.#report();
      return;
    }
    this.#end("proceeded");
    this.#deps.passThrough(() => replay(held, this.#deps.clickInPage));
  }

  #lose(why: PanelLoss): void {
    if (this.#stranded) return; // the extension is gone: strand() already says so and keeps the control blocked
    this.#end("lost", false, why);
  }

  #end(how: PanelEnd, restoreFocus = true, loss?: PanelLoss): void {
    if (this.signal.aborted) return;
    this.#ended.abort();
    this.#host?.remove();
    send("panel-close", { session: this.id }).catch(() => undefined);
    if (restoreFocus && this.control.isConnected) (this.control as HTMLElement).focus?.({ preventScroll: true });
    this.#deps.onEnd(this, how, loss);
  }

  #facts() {
    return {
      outcome: this.#tampered ? ("needs-review" as const) : this.#outcome,
      action: this.#state.action.kind,
      recipient: this.#state.action.recipient?.text,
      held: this.#held !== undefined,
    };
  }

  /**
   * Watch the host and the page: any change to the host, its shadow root, its ancestors or anything in
   * the document that could hide or uncover it triggers a check in the next frame, and a timer catches
   * stylesheet tricks and animations. A page element opened into the top layer over the panel counts
   * as a cover until ours is raised above it again.
   */
  #guard(host: PanelFrameHost, signal: AbortSignal): void {
    let scheduled = 0;
    const soon = () => {
      if (scheduled || signal.aborted) return;
      scheduled = requestAnimationFrame(() => {
        scheduled = 0;
        this.#check();
      });
    };
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.target === host.host || host.root.contains(record.target)) continue;
        const changed = record.type === "childList" ? Array.from(record.addedNodes) : [record.target];
        for (const node of changed) {
          const cover = node instanceof Element && !host.host.contains(node) ? clickThroughCover(node, host.expected) : undefined;
          if (cover) this.#covers.add(cover);
        }
      }
      soon();
    });
    observer.observe(host.host, { attributes: true });
    observer.observe(host.root, { attributes: true, childList: true, subtree: true, characterData: true });
    observer.observe(host.host.ownerDocument, { attributes: true, attributeFilter: WATCHED_ATTRIBUTES, childList: true, subtree: true });
    const view = host.host.ownerDocument.defaultView ?? window;
    // A page popover or modal opened after ours is drawn above it, even when it lets clicks through.
    const beneath = new WeakSet<Element>();
    this.#beneath = beneath;
    view.addEventListener(
      "toggle",
      (event) => {
        if (event.target !== host.host && event.target instanceof Element) beneath.delete(event.target);
        soon();
      },
      { capture: true, signal },
    );
    for (const el of topLayerOver(host.host, host.expected)) beneath.add(el);
    signal.addEventListener(
      "abort",
      () => {
        observer.disconnect();
        cancelAnimationFrame(scheduled);
      },
      { once: true },
    );
    every(CHECK_EVERY_MS, () => this.#check(), signal);
  }

  #beneath: WeakSet<Element> | undefined;
  /** Click-through decoys seen over the panel; each counts as a cover until it is gone or no longer over it. */
  readonly #covers = new Set<Element>();

  #coveredByDecoy(host: PanelFrameHost): boolean {
    for (const cover of this.#covers) {
      if (cover.isConnected && clickThroughCover(cover, host.expected) === cover) return true;
      this.#covers.delete(cover);
    }
    return false;
  }

  #reason(host: PanelFrameHost): TamperReason | undefined {
    const reason = tamperReason(host);
    if (reason === "lowered") host.raise();
    if (!host.contractIntact()) {
      host.restoreContract();
      return reason ?? "moved";
    }
    if (reason) return reason;
    if (this.#coveredByDecoy(host)) return "covered";
    const over = topLayerOver(host.host, host.expected).filter((el) => !this.#beneath?.has(el));
    if (over.length === 0) return undefined;
    host.raise();
    for (const el of over) this.#beneath?.add(el);
    return "covered";
  }

  #check(): void {
    const host = this.#host;
    if (!host || this.signal.aborted || this.#stranded) return;
    if (!runtimeAlive()) return this.#strand();
    const reason = this.#reason(host);
    if (reason === "removed") return this.#lose("removed");
    if (reason) this.#cleanSince = Infinity;
    else if (this.#cleanSince === Infinity) this.#cleanSince = Date.now();
    const gone = this.#held !== undefined && !canReplay(this.#held);
    if ((reason && !this.#tampered) || gone !== this.#controlGone) {
      this.#tampered ||= Boolean(reason);
      this.#controlGone = gone;
      this.#report();
    }
  }

  /**
   * The extension is gone for good while this action is held (updated, disabled or removed): its frame is dead
   * and no decision can reach us any more. Say so in plain words in place of the frame, send nothing, and keep
   * the held control blocked until the page is reloaded, so the action can only go after a fresh check (by the
   * extension's new copy, if it is back). Never a silent no-op, never a double send.
   */
  #strand(): void {
    const host = this.#host;
    if (!host || this.#stranded || !this.#held) return;
    this.#stranded = true;
    host.frame?.remove();
    host.clearPending();
    const notice = host.host.ownerDocument.createElement("div");
    notice.className = "chip";
    notice.setAttribute("role", "alert");
    notice.textContent = this.#goneText;
    host.root.append(notice);
    host.update({ ...this.#facts(), outcome: "needs-review" });
    const control = this.control;
    const view = control.ownerDocument.defaultView ?? window;
    // Lives as long as the page: the content script that would end it is gone with the extension.
    const block = (event: Event) => {
      const path = event.composedPath();
      const onControl =
        path.includes(control) || (event.type === "submit" && event.target instanceof HTMLFormElement && event.target.contains(control));
      if (!event.isTrusted || !onControl) return;
      if (event instanceof KeyboardEvent && event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopImmediatePropagation();
      notice.scrollIntoView({ block: "nearest" });
    };
    for (const type of ["click", "keydown", "submit"]) view.addEventListener(type, block, { capture: true });
  }

  #report(): void {
    this.#host?.update(this.#facts());
    send("panel-update", { session: this.id, tampered: this.#tampered, controlGone: this.#controlGone }).catch(() => undefined);
  }
}
