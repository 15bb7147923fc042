/**
 * "Check this page" (src/background/scan-tab.ts), through names on the extension's isolated-world global of a frame,
 * which the page can neither see nor replace:
 * - CONTENT_LIVE_HOOK: the content script leaves a function there that says whether that copy still runs (a copy left
 *   by an updated or reloaded extension does not); the background injects the content script where none does;
 * - SCAN_RESULT_HOOK: the scan part (content-scan.js), injected for the check, leaves the frame's DetectedAction[]
 *   there; the background takes them, validating every item.
 */
export const CONTENT_LIVE_HOOK = "__sharecheckLive";
export const SCAN_RESULT_HOOK = "__sharecheckScanResult";
