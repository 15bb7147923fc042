/**
 * The last action detected on each tab, for the badge and the popup. Kept in memory and mirrored to storage.session
 * (memory-only storage the browser keeps while it runs) so a restarted MV3 service worker still knows it; where
 * storage.session is missing (older Firefox event pages) memory alone serves, as the event page lives longer.
 *
 * A report belongs to the page that made it. A verdict asked by the old page can finish after the tab moved on
 * (the rules run while the next page loads), or the old page can still ask while the next one is loading; either
 * would put the old page's badge on the new page. So each report carries its source, taken when the message
 * arrived: the tab's navigation count then, and the page address the browser gives for the sending tab. It is
 * dropped if the tab navigated since, or if the tab's latest navigation went to another address.
 */
import { matchCues } from "../detect/cues-match.ts";
import { LastAction } from "../messaging/messages.ts";
import type { Runtime } from "../platform/browser.ts";
import type { KeyValueArea } from "../platform/storage-area.ts";
import { clearBadge, showBadge, type BadgeApi } from "./badge.ts";

const key = (tabId: number) => `lastAction:${tabId}`;

export type TabActions = ReturnType<typeof createTabActions>;
/** Where a report came from, as it was when its message arrived. */
export type ActionSource = { tabId: number; navigation: number; url: string | undefined };

export function createTabActions({ session, badge }: { session: KeyValueArea | undefined; badge: BadgeApi }) {
  const memory = new Map<number, LastAction>();
  /** Per tab: navigations seen since this worker started, and where the latest one went. */
  const navigations = new Map<number, { count: number; url: string | undefined }>();

  const current = (tabId: number) => navigations.get(tabId) ?? { count: 0, url: undefined };
  const isStale = (source: ActionSource): boolean => {
    const now = current(source.tabId);
    return source.navigation !== now.count || (now.url !== undefined && source.url !== undefined && source.url !== now.url);
  };

  return {
    /** The source of a message from a tab, to take as soon as it arrives; undefined when it came from no tab. */
    source(sender: Runtime.MessageSender): ActionSource | undefined {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      return { tabId, navigation: current(tabId).count, url: sender.tab?.url };
    },
    async record(source: ActionSource, given: LastAction): Promise<void> {
      if (isStale(source)) return; // the page that reported it is gone
      const { tabId } = source;
      // What a cue showed on the page is for the verdict on screen only: the tab's last action keeps its kinds.
      const cues = matchCues(given.action.cues).map(({ kind, source }) => ({ kind, source }));
      const { cues: _shown, ...action } = given.action;
      const last: LastAction = { ...given, action: cues.length ? { ...action, cues } : action };
      memory.set(tabId, last);
      await Promise.all([
        session?.set({ [key(tabId)]: last }).catch(() => undefined),
        showBadge(badge, tabId, last.outcome).catch(() => undefined), // the tab may have closed meanwhile
      ]);
    },
    async get(tabId: number): Promise<LastAction | null> {
      const known = memory.get(tabId);
      if (known) return known;
      const stored = await session?.get(key(tabId)).catch(() => undefined);
      const parsed = LastAction.safeParse(stored?.[key(tabId)]);
      if (!parsed.success) return null;
      memory.set(tabId, parsed.data);
      return parsed.data;
    },
    /** A new page in the tab (url: where it goes), or the tab closed: forget what the old page reported. */
    async clear(tabId: number, url?: string): Promise<void> {
      navigations.set(tabId, { count: current(tabId).count + 1, url });
      memory.delete(tabId);
      await Promise.all([
        session?.remove(key(tabId)).catch(() => undefined),
        // Also after a worker restart, when memory no longer knows the tab had a badge.
        clearBadge(badge, tabId).catch(() => undefined),
      ]);
    },
  };
}
