/**
 * The service worker (an event page on Firefox). MV3 wakes it for an event only if the listener was added
 * synchronously at the top level, so this file only registers listeners; all work happens inside them.
 */
import { couldNotDecide, evaluate } from "../core/index.ts";
import { browser } from "../platform/browser.ts";
import { createBackground } from "./background.ts";

const background = createBackground(browser, { evaluate, couldNotDecide });

browser.runtime.onMessage.addListener(background.onMessage);
browser.runtime.onConnect.addListener((port) => void background.onConnect(port));
browser.runtime.onInstalled.addListener(() => void background.syncSites());
browser.runtime.onStartup.addListener(() => void background.syncSites());
browser.permissions.onAdded.addListener(() => void background.syncSites());
browser.permissions.onRemoved.addListener(() => void background.syncSites());
browser.storage.onChanged.addListener((changes, areaName) => void background.onStorageChanged(changes, areaName));
browser.tabs.onUpdated.addListener((tabId, change) => void background.onTabUpdated(tabId, change));
browser.tabs.onRemoved.addListener((tabId) => void background.onTabRemoved(tabId));
