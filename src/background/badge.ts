/** The toolbar badge of one tab: a glyph and colour for the last action seen there, cleared when the tab moves on. */
import type { Outcome } from "../core/schema.ts";
import type { Browser } from "../platform/browser.ts";

export type BadgeApi = Pick<Browser["action"], "setBadgeText" | "setBadgeBackgroundColor">;

/** Detected but not yet answered, then one look per outcome; red only where sharing needs something first. */
export function badgeFor(outcome: Outcome | undefined): { text: string; color: string } {
  switch (outcome) {
    case undefined:
      return { text: "•", color: "#1d4ed8" };
    case "allowed":
      return { text: "✓", color: "#15803d" };
    case "allowed-with-conditions":
      return { text: "✓", color: "#b45309" };
    case "needs-review":
      return { text: "?", color: "#b45309" };
    case "authorization-required":
      return { text: "!", color: "#b91c1c" };
    case "not-allowed":
      return { text: "✕", color: "#b91c1c" };
  }
}

export async function showBadge(api: BadgeApi, tabId: number, outcome: Outcome | undefined): Promise<void> {
  const { text, color } = badgeFor(outcome);
  await Promise.all([api.setBadgeText({ tabId, text }), api.setBadgeBackgroundColor({ tabId, color })]);
}

export async function clearBadge(api: BadgeApi, tabId: number): Promise<void> {
  await api.setBadgeText({ tabId, text: "" });
}
