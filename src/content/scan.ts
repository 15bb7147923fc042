/** "Check this page": what the popup's one-off scan reports for this frame (injected through activeTab). */
import type { DetectedAction } from "../detect/action.ts";
import type { Detector } from "../detect/detector.ts";
import { describeControl } from "./describe.ts";

const MAX_REPORTED = 100;

export function scanPage(detector: Detector, doc: Document): DetectedAction[] {
  const actions: DetectedAction[] = [];
  for (const { element } of detector.scan(doc)) {
    if (actions.length >= MAX_REPORTED) break;
    try {
      const facts = describeControl(detector, element);
      if (facts) actions.push(facts.action);
    } catch {
      // One unreadable control does not spoil the scan.
    }
  }
  return actions;
}
