/**
 * Where the browsers and the built extensions are. Browser tests skip (loudly, with the reason)
 * only when a browser binary is missing; everything else that goes wrong fails.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { findChromium, findFirefox } from "../../../src/tools/browser-paths.mjs";

export const ROOT = join(import.meta.dirname, "../../..");
export const DIST = {
  chrome: join(ROOT, "dist/chrome"),
  firefox: join(ROOT, "dist/firefox"),
  demoChrome: join(ROOT, "dist/demo-chrome"),
  demoFirefox: join(ROOT, "dist/demo-firefox"),
} as const;

/** Debian's /usr/lib/chromium/chromium and /usr/lib/firefox-esr/firefox-esr first; CHROME_PATH / FIREFOX_PATH override. */
export const CHROME_PATH = findChromium();
export const FIREFOX_PATH = findFirefox();

/** For node:test's `skip` option: false when the browser is there, else why the test cannot run. */
export function missingBrowser(browser: "chromium" | "firefox"): string | false {
  const path = browser === "chromium" ? CHROME_PATH : FIREFOX_PATH;
  const env = browser === "chromium" ? "CHROME_PATH" : "FIREFOX_PATH";
  const pkg = browser === "chromium" ? "chromium" : "firefox-esr";
  if (existsSync(path)) return false;
  const message = `SKIPPED: ${browser} not found at ${path}. Install it (Debian/Ubuntu: apt-get install ${pkg}) or set ${env}.`;
  console.warn(message);
  return message;
}

/** The extension must be built before browser tests run (`npm run build`); say so instead of failing obscurely. */
export function requireBuilt(dir: string): string {
  if (!existsSync(join(dir, "manifest.json"))) throw new Error(`${dir} is not built: run \`npm run build\` first`);
  return dir;
}
