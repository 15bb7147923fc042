/** What a panel's host shows until its frame has painted: the verdict's words (the frame then announces the verdict itself). */
import type { PanelState } from "../messaging/messages.ts";
import { t } from "../platform/i18n.ts";

export function pendingWords(state: Pick<PanelState, "notice" | "verdict">): string {
  if (state.notice) return t("panel_interrupted");
  return state.verdict?.headline ?? t("chip_could_not_decide");
}
