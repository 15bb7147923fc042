/**
 * Content scripts run only where we hold a host permission AND were asked to watch: the effective settings' sites
 * (user or admin) and the manifest's own host_permissions (the demo builds' localhost). Re-run whenever a grant,
 * the sites or the admin policy change, and at install/startup. Runs one at a time, so two quick changes cannot
 * race into a "duplicate script id" error.
 */
import type { Browser } from "../platform/browser.ts";
import { CONTENT_SCRIPT_FILE } from "../tools/manifest.ts";
import { intersectPatterns } from "./match-patterns.ts";

export const CONTENT_SCRIPT_ID = "sharecheck";

export type SiteRegistrationDeps = {
  scripting: Pick<Browser["scripting"], "registerContentScripts" | "unregisterContentScripts" | "getRegisteredContentScripts">;
  permissions: Pick<Browser["permissions"], "getAll">;
  manifestHosts: () => string[];
  sites: () => Promise<string[]>;
};

export function createSiteRegistration(deps: SiteRegistrationDeps) {
  let queue: Promise<unknown> = Promise.resolve();

  async function sync(): Promise<string[]> {
    const [{ origins = [] }, sites] = await Promise.all([deps.permissions.getAll(), deps.sites()]);
    const matches = intersectPatterns([...sites, ...deps.manifestHosts()], origins);
    const registered = await deps.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    if (registered.length > 0) await deps.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    if (matches.length > 0) {
      // document_start: the content script's capture listeners must come before the page's own.
      await deps.scripting.registerContentScripts([
        // matchOriginAsFallback: also frames written in place (about:srcdoc, about:blank) by a watched page.
        {
          id: CONTENT_SCRIPT_ID,
          js: [CONTENT_SCRIPT_FILE],
          matches,
          allFrames: true,
          matchOriginAsFallback: true,
          runAt: "document_start",
        },
      ]);
    }
    return matches;
  }

  return {
    /** Registers the content script for exactly the granted, watched sites; returns their patterns. */
    sync(): Promise<string[]> {
      const run = queue.then(sync, sync);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
