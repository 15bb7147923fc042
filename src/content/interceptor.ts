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
 * document_start to make that rare). Activations by page script (untrusted events) are the page's own
 * doing and pass.
 */
import type { Verdict } from "../core/schema.ts";
import type { Detector } from "../detect/detector.ts";
import { findShortcutControl } from "../detect/shortcut.ts";
import { t } from "../platform/i18n.ts";
import type { InterceptionMode } from "../settings/schema.ts";
import { describeControl, type ActionFacts } from "./describe.ts";
import { isDeadRuntimeError, type Lifetime } from "./lifetime.ts";
import { PanelHost } from "./panel-host.ts";
import { PanelSession } from "./panel-session.ts";
import { afterVerdict, holdAtClick } from "./plan.ts";
import { captureActivation, replay, type HeldActivation } from "./replay.ts";
import type { VerdictCache } from "./verdict-cache.ts";
import { sendToBackground as send, type PanelEvent } from "./wire.ts";

/** A page's own follow-up to an action just released (its handler submitting a moment later) is not held again. */
const FOLLOW_UP_MS = 2_000;

/** Native controls turn Enter/Space into a click themselves; only custom controls need their keys caught. */
const NATIVE_ACTIVATION = "button, a[href], input, select, textarea, summary, [contenteditable=''], [contenteditable='true']";

export type InterceptorDeps = {
  detector: Detector;
  doc: Document;
  lifetime: Lifetime;
  mode: () => InterceptionMode;
  cache: VerdictCache;
  /** Lets detection learn shadow roots from the event's path. */
  noteEvent?: (event: Event) => void;
  ask: (facts: ActionFacts) => Promise<Verdict>;
};

export function startInterceptor({ detector, doc, lifetime, mode, cache, noteEvent, ask }: InterceptorDeps) {
  const { signal } = lifetime;
  const view = doc.defaultView ?? window;
  let replaying = 0;
  let panel: PanelSession | undefined;
  let pending: Element | undefined;
  const chips = new Set<PanelHost>();
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

  function showChip(control: Element, facts: ActionFacts, outcome: Verdict["outcome"], text: string) {
    for (const chip of chips) chip.remove();
    chips.clear();
    if (!control.isConnected) return;
    const chip = new PanelHost(control, { outcome, action: facts.action.kind, recipient: facts.action.recipient?.text, held: false });
    chips.add(chip);
    chip.showChip(text, signal);
  }

  function release(held: HeldActivation | undefined, key?: string) {
    if (!held) return;
    if (key) released.set(key, performance.now());
    passThrough(() => replay(held));
  }

  async function resolve(control: Element, facts: ActionFacts, held: HeldActivation | undefined, cached: Verdict | undefined) {
    const current = mode();
    let verdict = cached;
    let problem: string | undefined;
    if (cached) {
      // Tell the background (badge, popup, audit) even when the answer came from the cache.
      send("verdict", { request: facts.request, action: facts.action }).catch(() => undefined);
    } else {
      pending = control;
      try {
        verdict = await ask(facts);
      } catch (error) {
        if (isDeadRuntimeError(error) || !lifetime.alive()) {
          lifetime.end();
          return release(held); // the extension is gone: give the page its click back
        }
        problem = error instanceof Error ? error.message.slice(0, 200) : "no answer";
      } finally {
        pending = undefined;
      }
    }
    if (signal.aborted) return release(held);
    const outcome = verdict?.outcome ?? "needs-review";
    const next = afterVerdict(current, held !== undefined, outcome);
    if (next !== "panel" && verdict) {
      release(held, facts.key);
      return showChip(control, facts, outcome, t("chip_allowed", verdict.headline));
    }
    const state = { action: facts.action, request: facts.request, verdict, problem, held: held !== undefined, tampered: false, controlGone: false };
    const replayOnce = (fn: () => void) => {
      released.set(facts.key, performance.now());
      passThrough(fn);
    };
    const session = new PanelSession(control, state, held, signal, replayOnce, (ended) => {
      if (panel === ended) panel = undefined;
    });
    panel?.dismiss();
    panel = session;
    for (const chip of chips) chip.remove();
    try {
      await session.open();
    } catch {
      // No panel can be shown (the background refused or is gone): say so, and let the clinician's action go on.
      if (panel === session) panel = undefined;
      showChip(control, facts, "needs-review", t("chip_could_not_decide"));
      release(held);
    }
  }

  function onActivation(event: Event) {
    if (replaying > 0 || !event.isTrusted || signal.aborted) return;
    if (!lifetime.alive()) return;
    let shortcut: Element | null = null;
    if (event instanceof KeyboardEvent) {
      if (event.key === "Escape" && panel?.isHeld) {
        stop(event);
        return panel.cancel();
      }
      if (event.type === "keyup") {
        if (heldKeys.delete(event.code || event.key)) stop(event);
        return;
      }
      shortcut = findShortcutControl(event, (el) => detector.classify(el));
      if (!shortcut) {
        if ((event.key !== "Enter" && event.key !== " ") || event.repeat || event.isComposing) return;
        const target = event.composedPath()[0];
        if (!(target instanceof Element) || target.closest(NATIVE_ACTIVATION)) return;
      }
    }
    const current = mode();
    if (current === "off") return;
    let control: Element | null = null;
    let facts: ActionFacts | undefined;
    try {
      noteEvent?.(event);
      control = shortcut ?? detector.findActionControl(event);
      facts = control ? describeControl(detector, control) : undefined;
    } catch {
      return; // detection failed: the page's click is not ours to hold
    }
    if (!control || !facts) return;
    if (control === pending || (control === panel?.control && panel.isHeld)) {
      // Already being decided: a second click must not slip through.
      stop(event);
      return panel?.focus();
    }
    const releasedAt = released.get(facts.key);
    if (releasedAt !== undefined && performance.now() - releasedAt < FOLLOW_UP_MS && event.type === "submit") return;
    send("action-detected", { action: facts.action }).catch(() => undefined);
    const cached = cache.get(facts.key);
    const held = holdAtClick(current, cached?.outcome) ? captureActivation(event, control) : undefined;
    if (held) {
      stop(event);
      if (event instanceof KeyboardEvent) heldKeys.add(event.code || event.key);
    }
    void resolve(control, facts, held, cached).catch(() => release(held));
  }

  for (const type of ["click", "submit", "keydown", "keyup"]) view.addEventListener(type, onActivation, { capture: true, signal });

  /** Decisions from our frame, forwarded by the background. */
  const onPanelEvent = (message: PanelEvent) => {
    if (panel && message.session === panel.id) panel.handle(message.event);
  };

  signal.addEventListener(
    "abort",
    () => {
      panel?.dismiss();
      for (const chip of chips) chip.remove();
    },
    { once: true },
  );
  return { onPanelEvent };
}
