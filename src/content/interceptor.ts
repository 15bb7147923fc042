/**
 * Catches activations of action controls at window capture — before any page handler on document
 * or elements — and applies the interception mode: an allowed action passes (with a chip), a risky
 * one is held behind the panel until the clinician proceeds or cancels.
 *
 * The ways a record leaves: a click (also the one a browser makes for Enter in a form's text field,
 * implicit submission), a form's submit (also a page handler's form.requestSubmit()), Enter or Space on
 * a custom control (role=button: its keyup is held with it), and a send shortcut in a composer
 * (Ctrl/Cmd+Enter, see src/detect/shortcut.ts). Each is classified from the live DOM at that moment and
 * replayed exactly once (replay.ts).
 *
 * Known limit: a page capture listener on window registered before ours runs first (we register at
 * document_start to make that rare). Activations by page script are held by the clinician's rule
 * wherever the clinician's would be, within the limits of hold-limit.ts; where nothing would be held
 * (advise mode, a cached "allowed") they pass untouched.
 *
 * Fail closed: once held, an action leaves only through a real Proceed in an intact panel. When no
 * panel can be shown, it stays held behind a notice with Try again and Cancel; when a panel is lost
 * (removed, its frame replaced, the background gone), the hold ends with nothing sent and a notice in
 * a fresh host, and the control is free for a fresh check. The panel itself (session, tamper guard,
 * heartbeat) is loaded on demand (panel-loader.ts); when it cannot be, no panel can be shown, with the same
 * result.
 */
import type { Verdict } from "../core/schema.ts";
import type { Detector } from "../detect/detector.ts";
import type { Classification } from "../detect/classify.ts";
import type { FoundAction } from "../detect/find-control.ts";
import { findShortcutControl } from "../detect/shortcut.ts";
import { t } from "../platform/i18n.ts";
import { ControlUnread, describeControl, unreadFacts, type ActionFacts } from "./describe.ts";
import { ReaderNotLoaded, type ReaderLoader } from "./reader-loader.ts";
import { pendingWords } from "./pending-words.ts";
import type { PressRead } from "./press-read.ts";
import { isDeadRuntimeError, type Lifetime } from "./lifetime.ts";
import { remember, standIn, type Remembered } from "./stand-in.ts";
import { createHoldLimit } from "./hold-limit.ts";
import { createVerdictHost, type VerdictHost } from "./verdict-host.ts";
import type { PanelLinks } from "./panel-link.ts";
import type { PanelPartLoader } from "./panel-loader.ts";
import type { PanelPart } from "./panel-part.ts";
import type { PanelEnd, PanelSession } from "./panel-session.ts";
import type { ModeWatch } from "./mode.ts";
import { afterVerdict, holdAtClick, holds } from "./plan.ts";
import { captureActivation, type ClickInPage, type HeldActivation } from "./replay.ts";
import { PAGE_CLICK_ATTRIBUTE } from "../messaging/protocol.ts";
import type { VerdictCache } from "./verdict-cache.ts";
import type { EarlyEvents } from "./early-events.ts";
import { sendToBackground as send } from "./wire.ts";
import type { PanelState } from "../messaging/messages.ts";

/** A page's own follow-up to an action just released (its handler submitting a moment later) is not held again. */
const FOLLOW_UP_MS = 2_000;

/**
 * Native controls turn Enter/Space into a click themselves; only custom controls need their keys caught. A link
 * clicks on Enter only: Space on a link made a button (jQuery UI's <a role=button>) is the page's own to handle.
 */
const NATIVE_ACTIVATION = "button,input,select,textarea,summary,[contenteditable=''],[contenteditable=true],a[href]";
/** NATIVE_ACTIVATION for Space: the `:not` narrows its last selector, a[href]. */
const NATIVE_SPACE = `${NATIVE_ACTIVATION}:not([role=button])`;

export type InterceptorDeps = {
  detector: Detector;
  /** The part the detector reads with (reader-loader.ts). */
  reader: Pick<ReaderLoader, "load" | "ready">;
  /** The window's capture listeners from document_start (early-events.ts), which the interceptor's handlers join. */
  events: EarlyEvents;
  lifetime: Lifetime;
  mode: ModeWatch;
  cache: VerdictCache;
  /** Lets detection learn shadow roots from the event's path. */
  noteEvent?: (event: Event) => void;
  ask: (facts: ActionFacts) => Promise<Verdict>;
  /** The panel part, loaded once (panel-loader.ts). */
  panelPart: PanelPartLoader;
  /** What the press or focus before an activation read, when the page has not changed since. */
  pressRead?: PressRead;
  /** Clicks a marked link in the page's own world (replay.ts). */
  clickInPage?: ClickInPage;
};

/** A proceeded click the page's world replays on a link that runs script (replay.ts): it passes, as a replay does. */
function replayedInPage(event: Event): boolean {
  const target = event.composedPath()[0];
  return event.type === "click" && !event.isTrusted && target instanceof Element && target.hasAttribute(PAGE_CLICK_ATTRIBUTE);
}

export function startInterceptor({
  detector,
  reader,
  events,
  lifetime,
  mode,
  cache,
  noteEvent,
  ask,
  panelPart,
  pressRead,
  clickInPage,
}: InterceptorDeps) {
  const { signal } = lifetime;
  let replaying = 0;
  let panel: PanelSession | undefined;
  const chips = new Set<VerdictHost>();
  const limit = createHoldLimit();
  /** The panel part once loaded, with the heartbeat to our panel frames. */
  let part: { api: PanelPart; links: PanelLinks } | undefined;
  const loadPart = async () => {
    const api = await panelPart();
    part ??= { api, links: api.createPanelLinks(signal) };
    return part;
  };
  /** Keys whose keydown is held: their keyup is held too (a custom control may act on keyup). */
  const heldKeys = new Set<string>();
  /** Request keys just released, and when. */
  const released = new Map<string, number>();

  const passThrough = (fn: () => void) => {
    replaying++;
    try {
      fn();
    } finally {
      replaying--;
    }
  };

  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  function clearChips() {
    for (const chip of chips) chip.remove();
    chips.clear();
  }

  function chipHost(control: Element, facts: ActionFacts, outcome: Verdict["outcome"], held: boolean): VerdictHost | undefined {
    clearChips();
    if (!control.isConnected) return undefined;
    try {
      const chip = createVerdictHost(control, { outcome, action: facts.action.kind, recipient: facts.action.recipient?.text, held });
      chips.add(chip);
      return chip;
    } catch {
      return undefined; // the page took every host: the badge still shows the verdict
    }
  }

  function showChip(control: Element, facts: ActionFacts, outcome: Verdict["outcome"], text: string) {
    chipHost(control, facts, outcome, false)?.showChip(text, signal);
  }

  /** Ends a hold with nothing sent: the control is free for a fresh check. */
  function drop(control: Element) {
    limit.delete(control);
  }

  /**
   * The control as the page has it after a wait (the verdict, the panel part): the same node, or the
   * identical fresh one a re-render put in its place, which then carries the hold. A chip or panel
   * anchored to a detached node would never show, and the held action would wait unseen.
   */
  function follow(control: Element, memo: Remembered): Element {
    const live = standIn(memo);
    if (!live || live === control) return control;
    if (limit.has(control)) {
      limit.delete(control);
      limit.add(live);
    }
    return live;
  }

  /** Held actions no panel could be shown for, by control: a real click on the control tries again. */
  const problems = new Map<Element, { retry(): void; cancel(): void }>();

  /**
   * No panel could be shown for a held action: it stays held, and the clinician is told so with Try
   * again (a fresh panel in a fresh host) and Cancel. A real click on the control also tries again.
   */
  function showProblem(control: Element, memo: Remembered, facts: ActionFacts, state: PanelState, held: HeldActivation) {
    const host = chipHost(control, facts, "needs-review", true);
    if (!host) return drop(control);
    const done = new AbortController();
    const end = () => {
      done.abort();
      chips.delete(host);
      host.remove();
      problems.delete(control);
    };
    const retry = () => {
      end();
      void openPanel(control, memo, facts, state, held);
    };
    const cancel = () => {
      end();
      drop(control);
    };
    host.showProblem(
      t("panel_not_shown"),
      [
        { label: t("panel_try_again"), run: retry },
        { label: t("panel_cancel"), run: cancel },
      ],
      AbortSignal.any([signal, done.signal]),
    );
    problems.set(control, { retry, cancel });
  }

  function onEnd(session: PanelSession, how: PanelEnd, facts: ActionFacts) {
    if (panel === session) panel = undefined;
    drop(session.control);
    if (how !== "lost" || !session.isHeld) return;
    // The page removed or replaced the panel, or its frame lost the background: say so in a fresh host.
    const state = {
      action: facts.action,
      request: facts.request,
      held: false,
      tampered: false,
      controlGone: false,
      notice: "interrupted" as const,
    };
    // A session was open, so the panel part is loaded.
    const { api, links } = part!;
    const notice = new api.PanelSession(session.control, state, undefined, {
      lifetime: signal,
      links,
      passThrough,
      onEnd: (ended) => {
        if (panel === ended) panel = undefined;
      },
    });
    panel = notice;
    notice.open().catch(() => {
      if (panel === notice) panel = undefined;
      showChip(session.control, facts, "needs-review", t("panel_interrupted"));
    });
  }

  async function openPanel(at: Element, memo: Remembered, facts: ActionFacts, state: PanelState, held: HeldActivation | undefined) {
    let control = at;
    const replayOnce = (fn: () => void) => {
      released.set(facts.key, performance.now());
      passThrough(fn);
    };
    let session: PanelSession | undefined;
    if (held) limit.add(control);
    // The verdict's words at once, from here, while the panel part (its frame holds Proceed) is still loading.
    if (!part) chipHost(control, facts, state.verdict?.outcome ?? "needs-review", held !== undefined)?.showPending(pendingWords(state));
    try {
      const { api, links } = await loadPart();
      if (signal.aborted) return;
      control = follow(control, memo);
      session = new api.PanelSession(control, state, held, {
        lifetime: signal,
        links,
        passThrough: replayOnce,
        ...(clickInPage ? { clickInPage } : {}),
        onEnd: (ended, how) => onEnd(ended, how, facts),
      });
      panel?.dismiss();
      panel = session;
      clearChips();
      await session.open();
    } catch {
      if (session && panel === session) panel = undefined;
      if (held) return showProblem(control, memo, facts, state, held);
      showChip(control, facts, "needs-review", t("chip_could_not_decide"));
    }
  }

  /**
   * Sends a held action on. The replay is the panel part's (content.js stays small): usually loaded while the
   * pointer was down; when it cannot be loaded, the action stays held behind Try again.
   */
  async function release(control: Element, memo: Remembered, facts: ActionFacts | undefined, held: HeldActivation) {
    try {
      const { api } = await loadPart();
      if (facts) released.set(facts.key, performance.now());
      passThrough(() => api.replay(held, clickInPage));
    } catch {
      // Not an action after all (an opener read late): nothing to decide, the clinician presses again.
      if (!facts) return;
      limit.add(control);
      showProblem(
        control,
        memo,
        facts,
        { action: facts.action, request: facts.request, held: true, tampered: false, controlGone: false },
        held,
      );
    }
  }

  async function resolve(
    at: Element,
    memo: Remembered,
    facts: ActionFacts,
    holding: HeldActivation | undefined,
    cached: Verdict | undefined,
    unread?: string,
  ) {
    let control = at;
    let held = holding;
    let verdict = cached;
    // What was not read is not asked about: the clinician is told it could not be decided.
    let problem = unread;
    if (cached) {
      // Tell the background (badge, popup, audit) even when the answer came from the cache.
      send("verdict", { request: facts.request, action: facts.action }).catch(() => undefined);
    } else if (!problem) {
      try {
        verdict = await ask(facts);
      } catch (error) {
        if (isDeadRuntimeError(error) || !lifetime.alive()) {
          // The extension was updated or turned off: nothing held is sent; the next click goes on without us.
          lifetime.end();
          if (held) showChip(control, facts, "needs-review", t("panel_interrupted"));
          return;
        }
        problem = error instanceof Error ? error.message.slice(0, 200) : "no answer";
      }
    }
    // Asked for when the script started: a click that came first was held under the default, and the mode decides now.
    const current = await mode.settled();
    if (signal.aborted) return;
    control = follow(control, memo);
    if (held && !holds(current)) {
      drop(control);
      void release(control, memo, facts, held);
      held = undefined;
      if (current === "off") return;
    }
    const outcome = verdict?.outcome ?? "needs-review";
    const next = afterVerdict(current, held !== undefined, outcome);
    if (next !== "panel" && verdict) {
      drop(control);
      if (held) void release(control, memo, facts, held);
      return showChip(control, facts, outcome, t("chip_allowed", verdict.headline));
    }
    const state = {
      action: facts.action,
      request: facts.request,
      verdict,
      problem,
      held: held !== undefined,
      tampered: false,
      controlGone: false,
    };
    await openPanel(control, memo, facts, state, held);
  }

  function onActivation(event: Event) {
    if (replaying > 0 || signal.aborted || replayedInPage(event)) return;
    if (!lifetime.alive()) return;
    let shortcut: FoundAction | null = null;
    if (event instanceof KeyboardEvent) {
      if (event.key === "Escape" && event.isTrusted && (panel?.isHeld || problems.size > 0)) {
        stop(event);
        for (const problem of [...problems.values()]) problem.cancel();
        return panel?.cancel();
      }
      if (event.type === "keyup") {
        if (heldKeys.delete(event.code || event.key)) stop(event);
        return;
      }
      shortcut = findShortcutControl(event, (el) => detector.classify(el));
      if (!shortcut) {
        if ((event.key !== "Enter" && event.key !== " ") || event.repeat || event.isComposing) return;
        const target = event.composedPath()[0];
        if (!(target instanceof Element) || target.closest(event.key === " " ? NATIVE_SPACE : NATIVE_ACTIVATION)) return;
      }
    }
    const current = mode.current();
    if (current === "off") return;
    const busy = shortcut ? (limit.admit(shortcut.element, true) === "control-busy" ? shortcut.element : undefined) : limit.heldFor(event);
    if (busy) {
      // Already being decided: a second activation must not slip through (a flood stops here, unclassified).
      stop(event);
      if (!event.isTrusted) return;
      if (panel?.control === busy) panel.focus();
      else problems.get(busy)?.retry();
      return;
    }
    let found: FoundAction | null = null;
    let facts: ActionFacts | undefined;
    let unread: string | undefined;
    try {
      noteEvent?.(event);
      // What the press or focus on this same target read, when the page has not changed since: the same control, the same facts.
      const earlier = pressRead?.take(event.composedPath()[0]);
      const reused = earlier && (!shortcut || earlier.element === shortcut.element) ? earlier : undefined;
      found = reused ?? shortcut ?? detector.findAction(event);
      if (found && !event.isTrusted && limit.size > 0) return stop(event); // script never takes over a check on screen
      if (found) facts = reused?.facts ?? describeControl(detector, found.element, { classified: found.classification });
    } catch (error) {
      if (error instanceof ControlUnread) {
        facts = error.facts;
        unread = error.message;
      }
      // The reader comes with the clinician's first press (reader-loader.ts): an action before it is read once it has.
      else if (!(error instanceof ReaderNotLoaded)) return; // no send control found: the page's click is not ours to hold
    }
    if (!found || (!facts && reader.ready())) return;
    const control = found.element;
    const releasedAt = facts && released.get(facts.key);
    if (releasedAt !== undefined && performance.now() - releasedAt < FOLLOW_UP_MS && event.type === "submit") return;
    const cached = facts && !unread ? cache.get(facts.key) : undefined;
    const holding = holdAtClick(current, cached?.outcome);
    if (!event.isTrusted && !holding) return; // nothing would be held: the page's own activation passes untouched
    if (holding && limit.admit(control, event.isTrusted) !== "hold") return stop(event);
    if (facts) send("action-detected", { action: facts.action }).catch(() => undefined);
    const held = holding ? captureActivation(event, control) : undefined;
    if (held) {
      stop(event);
      limit.add(control);
      if (event instanceof KeyboardEvent) heldKeys.add(event.code || event.key);
    }
    // Fail closed: an unexpected error ends the hold with nothing sent.
    const memo = remember(control);
    const done = facts ? resolve(control, memo, facts, held, cached, unread) : readLater(control, memo, found.classification, held);
    void done.catch(() => drop(standIn(memo) ?? memo.element));
  }

  /**
   * An action activated before the reader came, held as an unknown verdict is: read once the reader is here, then
   * decided as any other. Read as no action after all (an opener), it goes on at once. Fail safe: when the reader
   * cannot be loaded, a held action waits behind "could not decide".
   */
  async function readLater(at: Element, memo: Remembered, classified: Classification, held: HeldActivation | undefined) {
    let facts: ActionFacts | undefined;
    let problem: string | undefined;
    const control = follow(at, memo);
    try {
      await reader.load();
      facts = describeControl(detector, control, { classified: classified.pending ? detector.classify(control) : classified });
    } catch (error) {
      problem = error instanceof Error ? error.message.slice(0, 200) : "the page could not be read";
      facts = unreadFacts(control, classified);
    }
    if (signal.aborted) return;
    if (!facts) {
      drop(control);
      if (held) await release(control, memo, undefined, held);
      return;
    }
    send("action-detected", { action: facts.action }).catch(() => undefined);
    await resolve(control, memo, facts, held, problem ? undefined : cache.get(facts.key), problem);
  }

  for (const type of ["click", "submit", "keydown", "keyup"] as const) events.addEventListener(type, onActivation, { signal });
  // Our panel frames' heartbeat echoes, caught from document_start on (before page listeners), read once the part is loaded.
  events.addEventListener("message", (event) => part?.links.receive(event as MessageEvent), { signal });

  /** A runtime message from the background: true when it is a panel event (decisions from our frame, forwarded). */
  const onPanelEvent = (message: unknown): boolean => {
    const event = part?.api.panelEvent(message);
    if (!event) return false; // no panel part loaded: no panel is open either
    if (panel && event.session === panel.id) panel.handle(event.event);
    return true;
  };

  signal.addEventListener(
    "abort",
    () => {
      panel?.dismiss();
      clearChips();
    },
    { once: true },
  );
  return { onPanelEvent };
}
