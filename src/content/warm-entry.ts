/** content-warm.js: leaves the idle pre-warm's part where the content script in this world picks it up (index.ts). */
import { WARM_PART_HOOK, warmPart } from "./idle-warm.ts";

(globalThis as Record<string, unknown>)[WARM_PART_HOOK] = warmPart;
