/**
 * "Check this page": the background injects the content script with activeTab, then calls the function the content
 * script leaves under this name on its (isolated-world) global, which the page cannot see or replace. It returns the
 * DetectedAction[] of that frame (or a Promise of them); the background validates every item.
 */
export const SCAN_HOOK = "__sharecheckScan";
