/**
 * The add-on's background event page, stopped and watched the way a developer does it by hand: the add-on's
 * card in about:debugging ("This Firefox"), its "Background script" status and its "Terminate background
 * script" button. Firefox 140 ESR offers WebDriver BiDi no chrome-scope context (it ignores "moz:scope"), so
 * the add-on's own terminateBackground() is out of reach; about:debugging is a tab BiDi can script.
 * Each use opens the page in a fresh tab, closes it after, and puts the tab that was in front back in front
 * (a held action's page must stay the one the clinician, and the test, works in).
 */
import type { Browser, Page } from "puppeteer-core";
import { within } from "./deadline.ts";

const DEBUGGING_URL = "about:debugging#/runtime/this-firefox";
const OPEN_TIMEOUT_MS = 15_000;
const POLL_MS = 200;

/** What the page's add-on card says: "running", "stopped", or "" while the card is not there yet. */
export type BackgroundStatus = "running" | "stopped" | "";

export interface DebuggingCard {
  status(): Promise<BackgroundStatus>;
  /** Clicks "Terminate background script"; whether the card said "Stopped" (if only for a moment) within `timeoutMs`. */
  terminate(timeoutMs: number): Promise<boolean>;
  /** Polls the status until it is `status`, for at most `timeoutMs`; whether it got there. */
  waitFor(status: Exclude<BackgroundStatus, "">, timeoutMs: number): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The tab whose document is visible (in front), if puppeteer can see one. */
async function frontPage(browser: Browser): Promise<Page | undefined> {
  for (const page of await browser.pages()) {
    const visible = await within(
      page.evaluate(() => document.visibilityState === "visible"),
      2_000,
      "reading a tab's visibility",
    ).catch(() => false);
    if (visible) return page;
  }
  return undefined;
}

/** Runs `body` with the add-on's about:debugging card, in a tab opened for it and closed after. */
export async function withDebuggingCard<T>(browser: Browser, extensionId: string, body: (card: DebuggingCard) => Promise<T>): Promise<T> {
  const front = await frontPage(browser);
  const page = await browser.newPage();
  try {
    // The navigation "fails" (the tab moves to the parent process); the document still loads.
    void page.goto(DEBUGGING_URL, { timeout: OPEN_TIMEOUT_MS }).catch(() => undefined);
    const status = async (): Promise<BackgroundStatus> => {
      const text = await within(
        page.evaluate((id: string) => {
          const card = Array.from(document.querySelectorAll(".qa-debug-target-item")).find((item) => item.textContent?.includes(id));
          return card?.querySelector(".qa-extension-backgroundscript-status")?.textContent ?? "";
        }, extensionId),
        2_000,
        "reading about:debugging",
      ).catch(() => "");
      const state = text.trim().toLowerCase();
      return state === "running" || state === "stopped" ? state : "";
    };
    const waitFor = async (wanted: Exclude<BackgroundStatus, "">, timeoutMs: number): Promise<boolean> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if ((await status()) === wanted) return true;
        if (Date.now() >= deadline) return false;
        await sleep(POLL_MS);
      }
    };
    const card: DebuggingCard = {
      status,
      waitFor,
      async terminate(timeoutMs) {
        // Watched in the page from before the click: the panel's heartbeat may start the background again at once,
        // so "Stopped" can show for less than a poll.
        const seen = await within(
          page.evaluate(
            (id: string, ms: number) =>
              new Promise<string>((resolve) => {
                const card = Array.from(document.querySelectorAll(".qa-debug-target-item")).find((item) => item.textContent?.includes(id));
                const button = card?.querySelector<HTMLButtonElement>(".qa-temporary-extension-terminate-bgscript-button");
                if (!card || !button) return resolve("no button");
                // No named inner function: tsx would wrap it in a helper the page does not have.
                const observer = new MutationObserver(() => {
                  const status = card.querySelector(".qa-extension-backgroundscript-status")?.textContent ?? "";
                  if (status.trim().toLowerCase() !== "stopped") return;
                  observer.disconnect();
                  resolve("stopped");
                });
                observer.observe(card, { subtree: true, childList: true, characterData: true, attributes: true });
                setTimeout(() => {
                  observer.disconnect();
                  resolve("timeout");
                }, ms);
                button.click();
              }),
            extensionId,
            timeoutMs,
          ),
          timeoutMs + 2_000,
          "terminating the background in about:debugging",
        );
        if (seen === "no button") throw new Error('about:debugging shows no "Terminate background script" for the add-on');
        return seen === "stopped";
      },
    };
    const deadline = Date.now() + OPEN_TIMEOUT_MS;
    while ((await status()) === "") {
      if (Date.now() >= deadline) throw new Error(`about:debugging showed no background status for ${extensionId}`);
      await sleep(POLL_MS);
    }
    return await body(card);
  } finally {
    await within(page.close(), 5_000, "closing about:debugging").catch(() => undefined);
    await front?.bringToFront().catch(() => undefined);
  }
}
