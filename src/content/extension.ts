/**
 * The extension API as the content script uses it, without webextension-polyfill (a tenth of
 * content.js, in every frame of a watched page). What the content script calls needs no polyfill in
 * MV3: Firefox's `browser` and Chrome's `chrome` both return promises from runtime.sendMessage, and
 * both take a listener's reply through sendResponse (Chrome ignores a returned promise).
 */
import type { Browser } from "../platform/browser.ts";

type Reply = (response: unknown) => void;
type OnMessage = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: Reply) => undefined;
type Event<L> = { addListener(listener: L): void; removeListener(listener: L): void };

export type ContentApi = {
  runtime: Pick<Browser["runtime"], "id" | "getURL" | "sendMessage"> & { onMessage: Event<OnMessage> };
  storage: { onChanged: Event<(changes: Record<string, unknown>, area: string) => void> };
};

const world = globalThis as unknown as { browser?: ContentApi; chrome?: ContentApi };

/**
 * Firefox's `browser`, else Chrome's `chrome`. Only an own property of the global counts: the page
 * can put a named property `browser` on the window (an element with id="browser"), never an own one.
 */
export const browser = (Object.hasOwn(world, "browser") ? world.browser : world.chrome) as ContentApi;
