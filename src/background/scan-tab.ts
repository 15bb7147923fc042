/**
 * "Check this page" through activeTab: make sure our content script runs in every frame of the tab (injecting it
 * only where no live copy does, so no frame gets two copies intercepting clicks), then inject the scan part into
 * every frame and take what each found. Results come from a web page's frames, so every item is validated and the
 * list is bounded.
 */
import { DetectedAction } from "../detect/action.ts";
import { CONTENT_LIVE_HOOK, SCAN_RESULT_HOOK } from "../messaging/scan-hook.ts";
import type { Browser } from "../platform/browser.ts";
import { CONTENT_SCAN_FILE, CONTENT_SCRIPT_FILE } from "../tools/manifest.ts";

export type ScanApi = Pick<Browser["scripting"], "executeScript">;

const MAX_ACTIONS = 100;

// These run inside the page's frames (in the extension's isolated world), so they must be self-contained.
function runsLive(hook: unknown): boolean {
  const live = (globalThis as Record<string, unknown>)[hook as string];
  return typeof live === "function" && live() === true;
}
function takeResult(hook: unknown): unknown {
  const world = globalThis as Record<string, unknown>;
  const found = world[hook as string];
  delete world[hook as string];
  return found ?? [];
}

export class ScanError extends Error {
  override name = "ScanError";
}

export async function scanTab(api: ScanApi, tabId: number): Promise<DetectedAction[]> {
  try {
    const target = { tabId, allFrames: true };
    const probes = await api.executeScript({ target, func: runsLive, args: [CONTENT_LIVE_HOOK] });
    const missing = probes.filter((probe) => probe.result !== true).map((probe) => probe.frameId);
    if (missing.length > 0) {
      await api.executeScript({ target: { tabId, frameIds: missing }, files: [CONTENT_SCRIPT_FILE] });
    }
    await api.executeScript({ target, files: [CONTENT_SCAN_FILE] });
    const results = await api.executeScript({ target, func: takeResult, args: [SCAN_RESULT_HOOK] });
    return collect(results.map((result) => result.result));
  } catch (error) {
    // Browser pages, the web store, or no activeTab grant: say so plainly.
    throw new ScanError(`ShareCheck cannot check this page (${error instanceof Error ? error.message : String(error)})`);
  }
}

function collect(perFrame: unknown[]): DetectedAction[] {
  const seen = new Set<string>();
  const actions: DetectedAction[] = [];
  for (const frame of perFrame) {
    if (!Array.isArray(frame)) continue;
    for (const raw of frame) {
      const parsed = DetectedAction.safeParse(raw);
      if (!parsed.success) continue;
      const id = JSON.stringify(parsed.data);
      if (seen.has(id)) continue;
      seen.add(id);
      actions.push(parsed.data);
      if (actions.length === MAX_ACTIONS) return actions;
    }
  }
  return actions;
}
