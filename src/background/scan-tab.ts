/**
 * "Check this page" through activeTab: make sure our content script runs in every frame of the tab (injecting it
 * only where it is not already, so no frame gets two copies intercepting clicks), then ask each frame's scanner for
 * what it sees. Results come from a web page's frames, so every item is validated and the list is bounded.
 */
import { DetectedAction } from "../detect/action.ts";
import { SCAN_HOOK } from "../messaging/scan-hook.ts";
import type { Browser } from "../platform/browser.ts";
import { CONTENT_SCRIPT_FILE } from "../tools/manifest.ts";

export type ScanApi = Pick<Browser["scripting"], "executeScript">;

const MAX_ACTIONS = 100;

// These run inside the page's frames (in the extension's isolated world), so they must be self-contained.
function hasScanner(hook: unknown): boolean {
  return typeof (globalThis as Record<string, unknown>)[hook as string] === "function";
}
function runScanner(hook: unknown): unknown {
  const scan = (globalThis as Record<string, unknown>)[hook as string];
  return typeof scan === "function" ? scan() : [];
}

export class ScanError extends Error {
  override name = "ScanError";
}

export async function scanTab(api: ScanApi, tabId: number): Promise<DetectedAction[]> {
  try {
    const probes = await api.executeScript({ target: { tabId, allFrames: true }, func: hasScanner, args: [SCAN_HOOK] });
    const missing = probes.filter((probe) => probe.result !== true).map((probe) => probe.frameId);
    if (missing.length > 0) {
      await api.executeScript({ target: { tabId, frameIds: missing }, files: [CONTENT_SCRIPT_FILE] });
    }
    const results = await api.executeScript({ target: { tabId, allFrames: true }, func: runScanner, args: [SCAN_HOOK] });
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
