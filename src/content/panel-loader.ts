/**
 * Loads the panel part (panel-part.ts, built as content-panel.js) into this frame once: the background
 * injects it into our isolated world, where it leaves itself under PANEL_PART_HOOK. Started once the verdict
 * asked for when the clinician approached a send control has come (prewarm.ts: evaluating the part holds the
 * main thread, which would delay that answer), else when a panel is to be shown; meanwhile the interceptor
 * shows the verdict's words itself. Either way it is injected only once the next frame is drawn, so the
 * words just put on the page paint first (the part's 7 to 15 ms of evaluation used to land before that
 * frame). Fail safe: when it cannot be loaded the load rejects, the interceptor shows no panel and a held
 * action stays held behind its notice (Try again loads again).
 */
import { loadMessages } from "../platform/i18n.ts";
import type { PanelPart } from "./panel-part.ts";
import { loadPart } from "./part-loader.ts";
import { sendToBackground as send } from "./wire.ts";

export const PANEL_PART_HOOK = "__sharecheckPanelPart";

export type PanelPartLoader = () => Promise<PanelPart>;

/**
 * `inject`: has the background inject content-panel.js into this frame and resolves once it ran.
 * `drawn`: resolves once the page's next frame is drawn (Lifetime.afterNextFrame).
 */
export function createPanelPartLoader(
  drawn: () => Promise<void>,
  inject: () => Promise<unknown> = () => send("panel-part", {}),
): PanelPartLoader {
  let loading: Promise<PanelPart> | undefined;
  const load = async (): Promise<PanelPart> => {
    await drawn();
    const part = await loadPart<PanelPart>(PANEL_PART_HOOK, inject);
    // Usually while the clinician's button is still down, not when the panel is to be shown.
    loadMessages();
    return part;
  };
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined; // the next need tries again
      throw error;
    }));
}
