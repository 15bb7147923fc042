/** content-reader.js: leaves the reader of a control's surroundings where the content script in this world picks it up (reader-loader.ts). */
import { pageReader } from "../detect/reader.ts";
import { READER_PART_HOOK } from "./reader-loader.ts";

(globalThis as Record<string, unknown>)[READER_PART_HOOK] = pageReader;
