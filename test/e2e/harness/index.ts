/** The browser test harness: import everything from here. */
export { CHROME_PATH, DIST, FIREFOX_PATH, missingBrowser, ROOT } from "./browsers.ts";
export { launchChromium, type ChromiumOptions, type ChromiumSession } from "./chromium.ts";
export { FIREFOX_EXTENSION_UUID, launchFirefox, type FirefoxOptions, type FirefoxSession } from "./firefox.ts";
export { serveDemo, startDemoServer, waitUntil, type DemoServer, type Submission } from "./demo.ts";
export { ExtensionNetworkLog, type ExtensionRequest } from "./network.ts";
export { forSuite } from "./suite.ts";
