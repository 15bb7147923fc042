/** The browser test harness: import everything from here, describe/test/hooks included (they are bounded). */
export { after, afterEach, before, beforeEach, describe, it, test } from "./bounded.ts";
export type { TestContext } from "node:test";
export { CHROME_PATH, DIST, FIREFOX_PATH, missingBrowser, requireBuilt, ROOT } from "./browsers.ts";
export { launchChromium, type ChromiumOptions, type ChromiumSession } from "./chromium.ts";
export {
  CLOSE_TIMEOUT_MS,
  DeadlineError,
  HOOK_TIMEOUT_MS,
  LAUNCH_TIMEOUT_MS,
  SUITE_TIMEOUT_MS,
  TEST_TIMEOUT_MS,
  within,
} from "./deadline.ts";
export { TEST_OUTPUT } from "./evidence.ts";
export { FIREFOX_EXTENSION_UUID, launchFirefox, type FirefoxOptions, type FirefoxSession } from "./firefox.ts";
export { serveDemo, startDemoServer, waitUntil, type DemoServer, type Submission } from "./demo.ts";
export { ExtensionNetworkLog, type ExtensionRequest } from "./network.ts";
export { forSuite } from "./suite.ts";
export { step } from "./trace.ts";
