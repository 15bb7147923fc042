/**
 * The last action detected on each tab, for the badge and the popup. Kept in memory and mirrored to storage.session
 * (memory-only storage the browser keeps while it runs) so a restarted MV3 service worker still knows it; where
 * storage.session is missing (older Firefox event pages) memory alone serves, as the event page lives longer.
 */
import { LastAction } from "../messaging/messages.ts";
import type { KeyValueArea } from "../platform/storage-area.ts";
import { clearBadge, showBadge, type BadgeApi } from "./badge.ts";

const key = (tabId: number) => `lastAction:${tabId}`;

export type TabActions = ReturnType<typeof createTabActions>;

export function createTabActions({ session, badge }: { session: KeyValueArea | undefined; badge: BadgeApi }) {
  const memory = new Map<number, LastAction>();

  return {
    async record(tabId: number, given: LastAction): Promise<void> {
      // What a cue showed on the page is for the verdict on screen only: the tab's last action keeps its kinds.
      const cues = given.action.cues?.map(({ kind, source }) => ({ kind, source }));
      const last: LastAction = cues ? { ...given, action: { ...given.action, cues } } : given;
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
    async clear(tabId: number): Promise<void> {
      memory.delete(tabId);
      await Promise.all([
        session?.remove(key(tabId)).catch(() => undefined),
        // Also after a worker restart, when memory no longer knows the tab had a badge.
        clearBadge(badge, tabId).catch(() => undefined),
      ]);
    },
  };
}
