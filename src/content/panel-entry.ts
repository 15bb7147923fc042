/** content-panel.js: leaves the panel part where the content script in this world picks it up (panel-loader.ts). */
import { PANEL_PART_HOOK } from "./panel-loader.ts";
import { panelPart } from "./panel-part.ts";

(globalThis as Record<string, unknown>)[PANEL_PART_HOOK] = panelPart;
