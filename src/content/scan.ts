/** "Check this page": what the popup's one-off scan reports for this frame (scan-entry.ts, injected through activeTab). */
import type { DetectedAction } from "../detect/action.ts";
import type { Detector } from "../detect/detector.ts";
import { scanForActions } from "../detect/scan.ts";
import { describeControl } from "./describe.ts";
import { createDescriptionCache } from "./description-cache.ts";

const MAX_REPORTED = 25;

export function scanPage(detector: Detector, doc: Document): DetectedAction[] {
  // The popup's check is the action being checked: it reads the cues too, to pre-set the kinds.
  const descriptions = createDescriptionCache(detector, describeControl, true);
  const actions = new Map<string, DetectedAction>();
  for (const candidate of scanForActions(doc)) {
    if (actions.size >= MAX_REPORTED) break;
    try {
      const facts = descriptions.describe(candidate.element, candidate);
      if (facts) actions.set(JSON.stringify(facts.action), facts.action);
    } catch {
      // One unreadable control does not spoil the scan.
    }
  }
  return [...actions.values()];
}
