/**
 * Wires the background: every message handler, the panel sessions, site registration and the tab/storage
 * listeners, over the `browser.*` parts it is given (the real polyfill in index.ts, a fake in tests).
 * Creating it does no I/O: settings load on the first message that needs them.
 */
import { acoFact } from "../core/aco-fact.ts";
import type { DisclosureRequest } from "../core/schema.ts";
import { matchCues } from "../detect/cues-match.ts";
import type { ParsedRequest } from "../messaging/messages.ts";
import { PAGE_CLICK_ATTRIBUTE } from "../messaging/protocol.ts";
import { createRouter, type Handlers } from "../messaging/router.ts";
import type { Browser, Tabs } from "../platform/browser.ts";
import { t } from "../platform/i18n.ts";
import { freshSettings } from "../settings/demo.ts";
import type { Translate } from "../settings/notice.ts";
import { NOTICE_KEY, SETTINGS_KEY } from "../settings/store.ts";
import { CONTENT_FRAME_PAGE, CONTENT_PANEL_FILE, CONTENT_READER_FILE, CONTENT_WARM_FILE } from "../tools/manifest.ts";
import { createAuditLog } from "./audit-log.ts";
import { createPanelSessions } from "./panel-sessions.ts";
import { scanTab } from "./scan-tab.ts";
import { createSettingsService } from "./settings-service.ts";
import { createSiteRegistration } from "./site-registration.ts";
import { createTabActions } from "./tab-actions.ts";
import { recipientSuggestionsOf } from "../ui/recipient-suggestions.ts";
import { createVerdictHandler, type Core } from "./verdicts.ts";

const WARM_UP_REQUEST: DisclosureRequest = { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] };

export type BackgroundApi = Pick<Browser, "runtime" | "storage" | "permissions" | "scripting" | "action" | "tabs">;

/** i18n with the English text in the code as the fallback for keys the locale files do not have yet. */
const translate: Translate = (key, substitutions) => {
  const text = t(key, substitutions);
  return text === key ? "" : text;
};

export function createBackground(api: BackgroundApi, core: Core) {
  const settings = createSettingsService({
    local: api.storage.local,
    // Absent in some embedders; readManagedPolicy treats that as "no policy".
    managed: api.storage.managed as BackgroundApi["storage"]["managed"] | undefined,
    permissions: api.permissions,
    translate,
    fresh: () => freshSettings(api.runtime.getManifest().host_permissions ?? []),
  });
  const tabActions = createTabActions({
    session: api.storage.session as BackgroundApi["storage"]["session"] | undefined,
    badge: api.action,
  });
  const audit = createAuditLog(api.storage.local);
  const sites = createSiteRegistration({
    scripting: api.scripting,
    permissions: api.permissions,
    manifestHosts: () => api.runtime.getManifest().host_permissions ?? [],
    sites: async () => (await settings.current()).effective.sites,
  });
  const panels = createPanelSessions({
    extensionId: api.runtime.id,
    framePath: `/${CONTENT_FRAME_PAGE}`,
    sendToFrame: (tabId, message, frameId) => api.tabs.sendMessage(tabId, message, { frameId }),
    store: api.storage.session as BackgroundApi["storage"]["session"] | undefined,
    acoFact: async (request, verdict) => acoFact(request, verdict, (await settings.current()).effective.profile),
  });

  /** A part of the content script, into the asking frame only: the content script there picks it up from its isolated world. */
  const injectPart = async (sender: Parameters<Handlers["panel-part"]>[1], file: string) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) throw new Error("no frame to load the part into");
    await api.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId] }, files: [file] });
    return {};
  };

  /**
   * Clicks the link the asking frame marked (PAGE_CLICK_ATTRIBUTE), in the page's own world: a link that runs script
   * does there what it did before it was held. The function runs in the page, so it is self-contained.
   */
  const clickInPage = async ({ token, init }: ParsedRequest<"click-in-page">, sender: Parameters<Handlers["click-in-page"]>[1]) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) return { clicked: false };
    const [result] = await api.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId] },
      world: "MAIN",
      func: (attribute: string, mark: string, click: MouseEventInit) => {
        const link = document.querySelector(`[${attribute}="${mark}"]`);
        if (!link) return false;
        // Marked while it goes, so the content script lets it pass; unmarked after, so it is clicked once.
        link.dispatchEvent(new MouseEvent("click", click));
        link.removeAttribute(attribute);
        return true;
      },
      args: [PAGE_CLICK_ATTRIBUTE, token, init],
    });
    return { clicked: result?.result === true };
  };

  const handlers: Handlers = {
    verdict: createVerdictHandler({ core, settings, tabActions, audit, extensionOrigin: api.runtime.getURL("") }),
    async "recipient-suggestions"({ query }) {
      const { acos } = (await settings.current()).effective.profile;
      const suggest = recipientSuggestionsOf({ acos }); // built on the popup's first ask, kept per list
      return { suggestions: query.trim() ? suggest(query) : [], participants: acos.reduce((n, aco) => n + aco.participants.length, 0) };
    },
    async "action-detected"({ action }, sender) {
      const source = tabActions.source(sender);
      if (source) await tabActions.record(source, { action });
      return {};
    },
    async "last-action"({ tabId }) {
      return { last: await tabActions.get(tabId) };
    },
    async "scan-tab"({ tabId }) {
      // "Check this page" pre-sets the kinds: each action's cues come back with the kinds they name.
      const actions = await scanTab(api.scripting, tabId);
      return { actions: actions.map((action) => (action.cues ? { ...action, cues: matchCues(action.cues) } : action)) };
    },
    async "content-config"() {
      const { effective } = await settings.current();
      // A content script just started on a watched page: index the profile now (the core caches it per profile
      // object) rather than when the clinician clicks, so the first verdict of a large ACO list is quick.
      setTimeout(() => {
        try {
          core.evaluate(WARM_UP_REQUEST, effective.profile);
        } catch {
          // The verdict path reports problems itself.
        }
      }, 0);
      return { mode: effective.mode };
    },
    ...panels.handlers,
    "panel-part": (_, sender) => injectPart(sender, CONTENT_PANEL_FILE),
    "warm-part": (_, sender) => injectPart(sender, CONTENT_WARM_FILE),
    "reader-part": (_, sender) => injectPart(sender, CONTENT_READER_FILE),
    "click-in-page": clickInPage,
    "settings-get": () => settings.view(),
    "settings-save": ({ settings: submitted }) => settings.save(submitted),
    async "sites-sync"() {
      return { granted: await sites.sync() };
    },
    async "audit-list"() {
      const { effective } = await settings.current();
      return { entries: await audit.list(effective.audit.retentionDays) };
    },
    async "audit-clear"() {
      await audit.clear();
      return {};
    },
  };

  /** For events with no one to tell: a failed registration is retried on the next change or startup. */
  const syncSites = (): Promise<void> =>
    sites.sync().then(
      () => undefined,
      (error: unknown) => console.warn("ShareCheck: could not register content scripts", error),
    );

  return {
    handlers,
    onMessage: createRouter(handlers, { id: api.runtime.id, origin: api.runtime.getURL("") }),
    onConnect: panels.onConnect,
    syncSites,
    onStorageChanged(changes: Record<string, unknown>, areaName: string): Promise<void> {
      const settingsChanged = areaName === "managed" || (areaName === "local" && SETTINGS_KEY in changes);
      if (settingsChanged || (areaName === "local" && NOTICE_KEY in changes)) settings.invalidate();
      return settingsChanged ? syncSites() : Promise.resolve();
    },
    onTabUpdated(tabId: number, change: Tabs.OnUpdatedChangeInfoType): Promise<void> {
      // A new page in the tab: what was detected on the old one no longer applies.
      return change.status === "loading" && change.url ? tabActions.clear(tabId, change.url) : Promise.resolve();
    },
    onTabRemoved(tabId: number): Promise<void> {
      return Promise.all([panels.onTabRemoved(tabId), tabActions.clear(tabId)]).then(() => undefined);
    },
  };
}
