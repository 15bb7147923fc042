/**
 * The in-page panel, inside our extension-origin frame: the verdict (announced), the questions that
 * can change it (recipient, purpose, kinds of information), and the decision. The verdict follows
 * every answer. Proceed and Cancel when the action is held; Close when ShareCheck only advises.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { acoFact, type AcoFact } from "../../core/aco-fact.ts";
import { couldNotDecide, type DisclosureRequest, type Verdict } from "../../core/index.ts";
import type { PanelState } from "../../messaging/messages.ts";
import { t } from "../../platform/i18n.ts";
import { CheckForm } from "../../ui/check-form.tsx";
import { CueList } from "../../ui/cue-list.tsx";
import { VerdictView } from "../../ui/verdict-view.tsx";

export const TAMPERED_HEADLINE = "Could not decide — the page changed this panel; check with your privacy officer.";

export type PanelProps = {
  state: PanelState;
  /** Asks the background for the verdict on an edited request, with the ACO fact it works out from the lists (rejects on failure). */
  evaluate: (request: DisclosureRequest) => Promise<Answer>;
  onVerdict: (verdict: Verdict, request: DisclosureRequest) => void;
  onDecision: (decision: "proceed" | "cancel" | "close") => void;
  /** How long the frame has been truly visible without a break (IntersectionObserver v2; Infinity where unknown). */
  visibleFor: () => number;
};

/** Proceed counts only after the decision has been truly visible this long without a break (as browsers do for permission prompts). */
export const VISIBLE_FOR_MS = 800;

/** A verdict and, when the recipient is inside an ACO, the fact the popup shows too (every ACO, what matched). */
export type Answer = { verdict: Verdict; aco?: AcoFact | undefined };

export function shownVerdict(state: PanelState, verdict: Verdict | undefined): Verdict {
  if (state.tampered) return { ...couldNotDecide("the page changed this panel"), headline: TAMPERED_HEADLINE };
  return verdict ?? couldNotDecide(state.problem);
}

export function Panel({ state, evaluate, onVerdict, onDecision, visibleFor }: PanelProps) {
  const [request, setRequest] = useState<DisclosureRequest>(state.request);
  const [answer, setAnswer] = useState<Answer | undefined>(state.verdict && { verdict: state.verdict, aco: state.aco });
  const verdict = answer?.verdict;
  const [refused, setRefused] = useState(false);
  const asked = useRef(0);

  const change = (next: DisclosureRequest) => {
    setRequest(next);
    const ticket = ++asked.current;
    evaluate(next)
      .catch((error: unknown): Answer => ({ verdict: couldNotDecide(error instanceof Error ? error.message : String(error)) }))
      .then((result) => {
        if (ticket !== asked.current) return; // a later answer is on its way
        setAnswer(result);
        onVerdict(result.verdict, next);
      });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      e.preventDefault();
      onDecision(state.held ? "cancel" : "close");
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [state.held]);

  // Proceed is disabled until the panel has been visible long enough, so an early or tricked click does nothing.
  const [ready, setReady] = useState(() => visibleFor() >= VISIBLE_FOR_MS);
  useEffect(() => {
    if (!state.held) return;
    const timer = setInterval(() => setReady(visibleFor() >= VISIBLE_FOR_MS), 100);
    return () => clearInterval(timer);
  }, [state.held]);

  const proceed = () => {
    if (visibleFor() < VISIBLE_FOR_MS) return setRefused(true);
    setRefused(false);
    onDecision("proceed");
  };

  const shown = shownVerdict(state, verdict);
  const label = state.action.label;
  return (
    <div class="sc-root sc-panel" data-held={String(state.held)}>
      <main class="sc-panel-body">
        <div class="sc-panel-content">
          {/* The frame is a document of its own: its title is its level-one heading (axe: page-has-heading-one). */}
          <h1 class="sc-panel-title">
            <strong>ShareCheck</strong> · {label}
            {state.action.recipient?.text ? ` → ${state.action.recipient.text}` : ""}
          </h1>
          {state.notice === "interrupted" && (
            <p class="sc-panel-warning" role="alert">
              {t("panel_interrupted")}
            </p>
          )}
          {/* The background's fact (every ACO, what matched); without it, what the verdict and request tell. */}
          <VerdictView verdict={shown} aco={shown === verdict ? (answer?.aco ?? acoFact(request, shown)) : undefined} headingLevel={2}>
            <CueList cues={state.action.cues ?? []} request={request} onChange={change} />
          </VerdictView>
          {(state.tampered || refused) && (
            <p class="sc-panel-warning" role="alert">
              {t("panel_tampered")}
            </p>
          )}
          {state.controlGone && (
            <p class="sc-panel-warning" role="alert">
              {t("panel_control_gone")}
            </p>
          )}
          <details class="sc-panel-details" open={state.held}>
            <summary>{t("panel_answers")}</summary>
            <CheckForm value={request} onChange={change} outcome={shown.outcome} />
          </details>
        </div>
      </main>
      <footer class="sc-panel-actions">
        {state.held ? (
          <>
            <button
              type="button"
              class="sc-button sc-primary"
              data-decision="proceed"
              onClick={proceed}
              disabled={state.controlGone || !ready}
              data-state={state.controlGone ? "control-gone" : ready ? "ready" : "waiting"}
            >
              {t("panel_proceed", label)}
            </button>
            <button type="button" class="sc-button" data-decision="cancel" onClick={() => onDecision("cancel")}>
              {t("panel_cancel")}
            </button>
          </>
        ) : (
          <button type="button" class="sc-button" data-decision="close" onClick={() => onDecision("close")}>
            {t("panel_close")}
          </button>
        )}
      </footer>
    </div>
  );
}
