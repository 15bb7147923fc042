/**
 * The "verdict" message: evaluate with the organisation's effective profile; anything that goes wrong becomes
 * "could not decide", never a guess. Then, without delaying the answer, feed the tab's badge and the
 * popup (when a content script reports an action) and the audit log (when enabled; not for a content script's
 * pre-warm, which asks ahead of a click without an action).
 */
import { acoFact, type AcoFact } from "../core/aco-fact.ts";
import { Verdict, type DisclosureRequest, type OrgProfile } from "../core/schema.ts";
import type { ParsedRequest } from "../messaging/messages.ts";
import type { Runtime } from "../platform/browser.ts";
import type { AuditEntry } from "../settings/schema.ts";
import { withCuedKinds } from "../detect/cues-match.ts";
import { setAsideKinds, type AuditLog } from "./audit-log.ts";
import type { SettingsService } from "./settings-service.ts";
import type { TabActions } from "./tab-actions.ts";

export type Core = {
  evaluate(request: DisclosureRequest, profile?: OrgProfile): Verdict;
  couldNotDecide(detail?: string): Verdict;
};

export type VerdictDeps = {
  core: Core;
  settings: Pick<SettingsService, "current">;
  tabActions: Pick<TabActions, "record" | "source">;
  audit: Pick<AuditLog, "append">;
  /** Our own pages' origin, to tell a content script's page origin from the popup's. */
  extensionOrigin: string;
  now?: () => Date;
};

export function createVerdictHandler({ core, settings, tabActions, audit, extensionOrigin, now = () => new Date() }: VerdictDeps) {
  return async (
    { request: asked, action, cues }: ParsedRequest<"verdict">,
    sender: Runtime.MessageSender,
  ): Promise<{ verdict: Verdict; aco?: AcoFact }> => {
    const source = tabActions.source(sender); // now: the tab may move on while the rules run
    // A content script reports what the page showed of the record's content: the kinds it names are part of
    // the question. The panel and the popup send the request as the clinician left it (a kind set aside stays out).
    const fromContent = sender.tab !== undefined && !(sender.url ?? "").startsWith(extensionOrigin);
    const request = fromContent ? withCuedKinds(asked, cues ?? action?.cues) : asked;
    let verdict: Verdict;
    let aco: AcoFact | undefined;
    let auditSettings: { enabled: boolean; retentionDays: number } | undefined;
    try {
      const { effective } = await settings.current();
      auditSettings = effective.audit;
      verdict = Verdict.parse(core.evaluate(request, effective.profile));
      aco = acoFact(request, verdict, effective.profile);
    } catch {
      verdict = core.couldNotDecide("the rules could not be applied");
      aco = undefined;
    }

    const tabId = sender.tab?.id;
    // Not awaited either: the badge and the popup's record are browser calls that took 5-30 ms here, on every click's answer.
    if (action && source) tabActions.record(source, { action, outcome: verdict.outcome }).catch(() => undefined);

    // A content script asking without an action is warming its cache ahead of a click (a press, a focus, the idle
    // pre-warm): no one has checked anything yet. The click itself reports its action, and that check is logged.
    const aheadOfClick = fromContent && !action;
    if (auditSettings?.enabled && !aheadOfClick) {
      const pageOrigin = originOf(sender.url);
      const fromPage = pageOrigin !== undefined && !sender.url?.startsWith(extensionOrigin);
      const entry: AuditEntry = {
        time: now().toISOString(),
        // The frame's own origin when a content script asks: the page cannot misreport it.
        origin: (fromPage ? pageOrigin : action?.origin) ?? "",
        action: action?.kind ?? "popup",
        outcome: verdict.outcome,
        rules: verdict.reasons.map((reason) => reason.rule),
      };
      const setAside = setAsideKinds(action, request);
      if (setAside.length > 0) entry.setAside = setAside;
      const interaction = action ? `tab:${tabId ?? "-"}:${action.kind}:${action.label}` : "popup";
      // Not awaited: a slow or full storage must not make the clinician wait for the verdict.
      audit.append(entry, auditSettings.retentionDays, interaction).catch(() => undefined);
    }
    return aco ? { verdict, aco } : { verdict };
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? undefined : origin.slice(0, 200);
  } catch {
    return undefined;
  }
}
