/**
 * "Check this page"'s scan of one frame, built as content-scan.js: the background injects it for the check only
 * (scan-tab.ts), so the content script every page loads does not carry it. It leaves what it found under
 * SCAN_RESULT_HOOK, in the extension's isolated world, for the background to take.
 */
import { createDetector } from "../detect/detector.ts";
import { pageReader } from "../detect/reader.ts";
import { SCAN_RESULT_HOOK } from "../messaging/scan-hook.ts";
import { scanPage } from "./scan.ts";

(globalThis as Record<string, unknown>)[SCAN_RESULT_HOOK] = scanPage(createDetector(pageReader), document);
