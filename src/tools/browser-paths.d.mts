/** Path of Chromium or Chrome: CHROME_PATH, else the first installed, else Debian's path (which then does not exist). */
export function findChromium(): string;
/** Path of Firefox: FIREFOX_PATH, else the first installed, else Debian's firefox-esr path. */
export function findFirefox(): string;
