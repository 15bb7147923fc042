/**
 * PLACEHOLDER written by the build foundation so the extension builds and the demo builds work;
 * the background owner replaces it. What the real one must keep doing: at install and startup,
 * register the content script ("content.js", all frames) for every origin the extension holds
 * (permissions.getAll().origins — the demo builds hold http://localhost/* and http://127.0.0.1/*).
 */
import { browser } from "../platform/browser.ts";

async function registerForGrantedOrigins(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  await browser.scripting.unregisterContentScripts().catch(() => undefined);
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: "sharecheck", js: ["content.js"], matches: origins, allFrames: true, runAt: "document_idle", persistAcrossSessions: false },
  ]);
}

browser.runtime.onInstalled.addListener(() => void registerForGrantedOrigins());
browser.runtime.onStartup.addListener(() => void registerForGrantedOrigins());
