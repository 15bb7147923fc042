/**
 * The browsers open right now, so a failing test can say which browser it was in and leave a screenshot of
 * every tab under test-output/ for whoever reads the CI log. launchChromium/launchFirefox register here.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./browsers.ts";
import { within } from "./deadline.ts";

export const TEST_OUTPUT = join(ROOT, "test-output");
const SCREENSHOT_TIMEOUT_MS = 8_000;

export interface LiveBrowser {
  /** "chromium" or "firefox" (and its version when known). */
  readonly name: string;
  /** Each open tab's screenshot taker; the URL is for the file name's sake. */
  tabs(): Promise<{ url: string; screenshot(path: string): Promise<unknown> }[]>;
}

const live = new Set<LiveBrowser>();

/** Registers a launched browser; the returned function unregisters it (on close). */
export function registerBrowser(browser: LiveBrowser): () => void {
  live.add(browser);
  return () => live.delete(browser);
}

export function liveBrowserNames(): string[] {
  return [...live].map((b) => b.name);
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);

/** Screenshots every tab of every open browser; returns the files written and what could not be taken. */
export async function screenshotAll(testName: string): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  for (const browser of live) {
    let tabs: Awaited<ReturnType<LiveBrowser["tabs"]>> = [];
    try {
      tabs = await within(browser.tabs(), SCREENSHOT_TIMEOUT_MS, `listing ${browser.name}'s tabs`);
    } catch (error) {
      problems.push(String(error));
    }
    for (const [index, tab] of tabs.entries()) {
      const path = join(TEST_OUTPUT, `${slug(testName)}-${slug(browser.name)}-${index}-${stamp}.png`);
      try {
        await within(tab.screenshot(path), SCREENSHOT_TIMEOUT_MS, `screenshot of ${tab.url} in ${browser.name}`);
        files.push(`${path} (${tab.url})`);
      } catch (error) {
        problems.push(String(error instanceof Error ? error.message : error));
      }
    }
  }
  return { files, problems };
}
