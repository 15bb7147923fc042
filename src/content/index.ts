/**
 * PLACEHOLDER written by the build foundation; the content-script owner replaces it.
 * Built as one self-contained classic script (dist/<target>/content.js, no imports at run time).
 * The real content script MUST keep marking every document it runs in with
 * `document.documentElement.dataset.sharecheck = "ready"`: the browser tests (top page and
 * same-origin iframe, Chromium and Firefox) wait for that marker.
 */
document.documentElement.dataset.sharecheck = "ready";
