/**
 * The panel frame page (extension origin, inside the content script's shadow root). It claims its
 * session with the background, renders the panel, and sends decisions, the live outcome and its
 * height back over the port. Focus: when the content script focuses this frame, the first field
 * takes it.
 */
import { render } from "preact";
import { couldNotDecide } from "../../core/index.ts";
import type { PanelState } from "../../messaging/messages.ts";
import { send } from "../../messaging/send.ts";
import { t } from "../../platform/i18n.ts";
import { connectPanel, sessionFromHash, type Channel, type LostReason } from "./channel.ts";
import { Panel } from "./panel.tsx";
import { trackTrueVisibility } from "./visibility.ts";
import "../../ui/theme.css";
import "./panel.css";

const app = document.getElementById("app")!;
const session = sessionFromHash(location.hash);
let state: PanelState | undefined;
let visibleFor = () => Infinity;

function focusFirstField() {
  if (!state?.held || !document.hasFocus()) return;
  const active = document.activeElement;
  if (active && active !== document.body) return;
  // preventScroll: the verdict at the top stays in view.
  app
    .querySelector<HTMLElement>(".sc-panel-body input, .sc-panel-body select, .sc-panel-body textarea, .sc-panel-actions button")
    ?.focus({ preventScroll: true });
}

function show(next: PanelState) {
  const first = state === undefined;
  state = next;
  render(
    <Panel
      state={next}
      evaluate={(request) => send("verdict", { request, action: next.action })}
      onVerdict={(verdict, request) => channel.post({ type: "outcome", outcome: verdict.outcome, request })}
      onDecision={decide}
      visibleFor={() => visibleFor()}
    />,
    app,
  );
  if (first) {
    visibleFor = trackTrueVisibility(app.querySelector(".sc-panel-actions") ?? app, () => undefined);
    focusFirstField();
  }
}

/** Proceed goes only to the background; Cancel and Close also straight to the content script, which needs no background to end a hold. */
function decide(decision: "proceed" | "cancel" | "close") {
  channel.post({ type: "decision", decision, at: Date.now() });
  if (decision !== "proceed") channel.dismiss(decision);
}

/** Read now: once the extension is gone, its messages can no longer be looked up. */
const LOST_TEXT = {
  connection: `${couldNotDecide().headline} ${t("panel_lost")}`,
  extension: t("panel_extension_gone"),
  cancel: t("panel_cancel"),
  close: t("panel_close"),
};

/**
 * The background is gone: nothing can be decided here, but the panel can always be closed. When the
 * extension itself is gone, so is the content script (Firefox tears it down with the add-on): no button
 * could reach anything, so the panel only says what happened and what to do.
 */
function lost(reason: LostReason) {
  render(
    <div class="sc-root sc-panel">
      <main class="sc-panel-body">
        <p class="sc-panel-warning" role="alert">
          {LOST_TEXT[reason]}
        </p>
      </main>
      {reason === "connection" && (
        <footer class="sc-panel-actions">
          <button type="button" class="sc-button" data-decision="close" onClick={() => channel.dismiss(state?.held ? "cancel" : "close")}>
            {state?.held ? LOST_TEXT.cancel : LOST_TEXT.close}
          </button>
        </footer>
      )}
    </div>,
    app,
  );
}

const channel: Channel = session
  ? connectPanel(
      session,
      (message) => {
        if (message.type === "state") show(message.state);
        else if (state) show({ ...state, tampered: state.tampered || message.tampered, controlGone: message.controlGone });
      },
      lost,
    )
  : { post: () => undefined, dismiss: () => undefined };
if (!session) lost("connection");

window.addEventListener("focus", focusFirstField);
/** The panel's natural height: its content, the body's padding, the decision bar and the frame's border. */
function naturalHeight(): number {
  const content = app.querySelector<HTMLElement>(".sc-panel-content");
  const body = app.querySelector<HTMLElement>(".sc-panel-body");
  const footer = app.querySelector<HTMLElement>(".sc-panel-actions");
  if (!content || !body) return Math.ceil(app.scrollHeight) + 2;
  const padding = parseFloat(getComputedStyle(body).paddingTop) + parseFloat(getComputedStyle(body).paddingBottom);
  return Math.ceil(content.offsetHeight + padding + (footer?.offsetHeight ?? 0)) + 2;
}
const sizes = new ResizeObserver(() => channel.post({ type: "size", height: naturalHeight() }));
new MutationObserver(() => {
  const content = app.querySelector(".sc-panel-content");
  if (content) sizes.observe(content);
}).observe(app, { childList: true });
