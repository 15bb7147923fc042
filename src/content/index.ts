/**
 * The content script, in every frame of a watched EHR page (registered at document_start so its
 * capture listeners come before the page's). It marks the document, then wires detection,
 * interception and the panel. Everything hangs off one lifetime: a reloaded or updated extension
 * leaves no old copy intercepting.
 */
import type { DetectedAction } from "../detect/action.ts";
import { adapterForHost } from "../detect/adapters/bundled.ts";
import { createDetector, type Detector } from "../detect/detector.ts";
import { SCAN_HOOK } from "../messaging/scan-hook.ts";
import { browser } from "../platform/browser.ts";
import { startInterceptor } from "./interceptor.ts";
import { createLifetime, type Lifetime } from "./lifetime.ts";
import { watchMode } from "./mode.ts";
import { startPrewarm } from "./prewarm.ts";
import { scanPage } from "./scan.ts";
import { createVerdictCache } from "./verdict-cache.ts";
import { PanelEvent, sendToBackground as send } from "./wire.ts";

/** What "Check this page" calls after injecting this file (scripting.executeScript runs in the same isolated world). */
type ScanHook = (() => DetectedAction[]) & { alive?: () => boolean };

function start(lifetime: Lifetime, detector: Detector): void {
  const { signal } = lifetime;
  const cache = createVerdictCache((request) => send("verdict", { request }).then((r) => r.verdict));
  let observer: ReturnType<typeof startPrewarm> | undefined;
  // Watching the page costs the page time: only while interception is on (mode "off" means nothing runs).
  let watching: AbortController | undefined;
  let loaded = document.readyState !== "loading";
  const watch = (on: boolean) => {
    if (on && !watching && loaded && !signal.aborted) {
      watching = new AbortController();
      observer = startPrewarm(detector, document, cache, AbortSignal.any([signal, watching.signal]));
    } else if (!on && watching) {
      watching.abort();
      watching = observer = undefined;
    }
  };
  const mode = watchMode(signal, () => cache.clear(), (current) => watch(current !== "off"));
  const interceptor = startInterceptor({
    detector,
    doc: document,
    lifetime,
    mode: mode.current,
    cache,
    noteEvent: (event) => observer?.noteEvent(event),
    ask: ({ request, action, key }) =>
      send("verdict", { request, action }).then(({ verdict }) => {
        cache.put(key, verdict);
        return verdict;
      }),
  });

  // Only the background may speak to us (tabs.sendMessage has no tab in its sender), and only in the panel protocol.
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = PanelEvent.safeParse(message);
    if (!parsed.success) return undefined;
    interceptor.onPanelEvent(parsed.data);
    return Promise.resolve({ ok: true });
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener("abort", () => browser.runtime.onMessage.removeListener(onMessage), { once: true });

  const ready = () => {
    loaded = true;
    watch(mode.current() !== "off");
  };
  if (!loaded) document.addEventListener("DOMContentLoaded", ready, { once: true, signal });
  else ready();
}

const world = globalThis as Record<string, unknown>;
document.documentElement.dataset.sharecheck = "ready";
// Injected twice into the same world (registered script + "Check this page", or after an update): keep one live copy.
const existing = world[SCAN_HOOK] as ScanHook | undefined;
if (!existing?.alive?.()) {
  const lifetime = createLifetime();
  // Site adapters are data layered over the general heuristics, chosen by this frame's host.
  const detector = createDetector(adapterForHost(location.host));
  world[SCAN_HOOK] = Object.assign(() => scanPage(detector, document), { alive: () => lifetime.alive() });
  start(lifetime, detector);
}
