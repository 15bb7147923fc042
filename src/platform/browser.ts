/** The only module that imports webextension-polyfill: everything else gets `browser` from here. */
import browser from "webextension-polyfill";

export { browser };
export type { Runtime, Tabs, Storage, Scripting, Permissions } from "webextension-polyfill";
