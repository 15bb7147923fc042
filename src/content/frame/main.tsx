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
import { connectPanel, sessionFromHash } from "./channel.ts";
import { Panel } from "./panel.tsx";
import { trackTrueVisibility } from "./visibility.ts";
import "../../ui/theme.css";
import "./panel.css";

const app = document.getElementById("app")!;
const session = sessionFromHash(location.hash);
let state: PanelState | undefined;
let visibleNow = () => true;

function focusFirstField() {
  if (!state?.held || !document.hasFocus()) return;
  const active = document.activeElement;
  if (active && active !== document.body) return;
  app.querySelector<HTMLElement>("input, select, textarea, button")?.focus();
}

function show(next: PanelState) {
  const first = state === undefined;
  state = next;
  render(
    <Panel
      state={next}
      evaluate={(request) => send("verdict", { request, action: next.action }).then((r) => r.verdict)}
      onVerdict={(verdict, request) => channel.post({ type: "outcome", outcome: verdict.outcome, request })}
      onDecision={(decision) => channel.post({ type: "decision", decision })}
      visibleNow={() => visibleNow()}
    />,
    app,
  );
  if (first) {
    visibleNow = trackTrueVisibility(app.querySelector(".sc-panel-actions") ?? app, () => undefined);
    focusFirstField();
  }
}

function lost() {
  render(<p class="sc-root sc-panel-warning" role="alert">{couldNotDecide().headline} {t("panel_lost")}</p>, app);
}

const channel = session
  ? connectPanel(
      session,
      (message) => {
        if (message.type === "state") show(message.state);
        else if (state) show({ ...state, tampered: state.tampered || message.tampered, controlGone: message.controlGone });
      },
      lost,
    )
  : { post: () => undefined };
if (!session) lost();

window.addEventListener("focus", focusFirstField);
new ResizeObserver(() => channel.post({ type: "size", height: Math.ceil(document.documentElement.scrollHeight) })).observe(document.body);
