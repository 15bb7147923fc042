/**
 * Turns the extension's content script on or off for the next navigations, in its service worker: the
 * background's own registrations, kept the first time and registered again as they were. A bench then loads
 * the same URL on both sides: the page, its host and its renderer's site stay the same, and so does the rest
 * of the extension. (Two hosts, 127.0.0.1 and an alias of it, differed by themselves: +50 to +85 ms on a page
 * load with no content script on either side.)
 */
import type { ChromiumSession } from "../e2e/harness/index.ts";

type Scripting = {
  getRegisteredContentScripts(): Promise<{ id: string }[]>;
  registerContentScripts(scripts: unknown[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
};

export async function switchContentScript(session: ChromiumSession, on: boolean): Promise<void> {
  await session.serviceWorker.evaluate(async (register) => {
    const world = globalThis as unknown as { chrome: { scripting: Scripting }; benchScripts?: { id: string }[] };
    const scripting = world.chrome.scripting;
    const registered = await scripting.getRegisteredContentScripts();
    world.benchScripts ??= registered;
    if (registered.length) await scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
    if (register) await scripting.registerContentScripts(world.benchScripts);
  }, on);
}
