// Where Chromium/Chrome and Firefox live on this machine. Plain JavaScript without dependencies:
// setup.mjs uses it before node_modules exist; the test harness and `npm start` use it too.
import { existsSync } from "node:fs";

const CHROMIUM = [
  "/usr/lib/chromium/chromium", // Debian's chromium package
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

const FIREFOX = [
  "/usr/lib/firefox-esr/firefox-esr", // Debian's firefox-esr package
  "/usr/lib/firefox/firefox",
  "/usr/bin/firefox-esr",
  "/usr/bin/firefox",
  "/Applications/Firefox.app/Contents/MacOS/firefox",
  "C:\\Program Files\\Mozilla Firefox\\firefox.exe",
];

/** CHROME_PATH when set (even if wrong, so a typo is reported, not papered over), else the first installed. */
export function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return CHROMIUM.find((path) => existsSync(path)) ?? CHROMIUM[0];
}

/** FIREFOX_PATH when set, else the first installed. */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  return FIREFOX.find((path) => existsSync(path)) ?? FIREFOX[0];
}
