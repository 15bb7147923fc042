/** The only module that imports webextension-polyfill: everything else gets `browser` from here. */
import browser from "webextension-polyfill";

export { browser };
/** The whole `browser.*` namespace as a type, so code can take the parts it uses as a parameter (and tests can fake them). */
export type Browser = typeof browser;
export type { Runtime, Tabs, Storage, Scripting, Permissions } from "webextension-polyfill";
