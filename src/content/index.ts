/**
 * The content script, in every frame of a watched EHR page (registered at document_start so its
 * capture listeners come before the page's). At load it only marks the document and adds those
 * listeners (early-events.ts); at the pointer's first move over the frame, it has the reader of a
 * control's surroundings injected (reader-loader.ts), so a click finds it there. The rest starts at
 * the clinician's first press, focus or key in the page, within that event and before it is handled:
 * the interception mode is asked for (mode.ts) and the reader loaded where it is not yet; a control is classified when the clinician reaches it and again, from the live DOM, when it is
 * activated; the controls in view are pre-warmed once the page is idle (prewarm.ts). "Check this page"
 * scans with a part of its own (scan-entry.ts). Everything hangs off one lifetime: a reloaded or
 * updated extension leaves no old copy intercepting, and no timer or listener of it running.
 */
import { createDetector } from "../detect/detector.ts";
import { CONTENT_LIVE_HOOK } from "../messaging/scan-hook.ts";
import { listenEarly, type EarlyEvents } from "./early-events.ts";
import { browser } from "./extension.ts";
import { startInterceptor } from "./interceptor.ts";
import { createLifetime, type Lifetime } from "./lifetime.ts";
import { watchMode } from "./mode.ts";
import { createPanelPartLoader } from "./panel-loader.ts";
import { loadPart } from "./part-loader.ts";
import { startPrewarm } from "./prewarm.ts";
import { WARM_PART_HOOK, type WarmPart } from "./idle-warm.ts";
import { trackOpenedFrom } from "./opened-from.ts";
import { createPressRead } from "./press-read.ts";
import { createReaderLoader, loadWhenApproached, type ReaderLoader } from "./reader-loader.ts";
import { createVerdictCache } from "./verdict-cache.ts";
import { sendToBackground as send } from "./wire.ts";

/** Sets up everything but the early listeners. */
function start(lifetime: Lifetime, events: EarlyEvents, reader: ReaderLoader): void {
  // At once, alongside the mode: an activation may follow this first press within milliseconds.
  reader.load().catch(() => undefined);
  const detector = createDetector(reader, trackOpenedFrom(events, lifetime.signal));
  const panelPart = createPanelPartLoader(() => new Promise((drawn) => lifetime.afterNextFrame(drawn)));
  const pressRead = createPressRead(document, lifetime);
  const cache = createVerdictCache((request, cues) =>
    send("verdict", { request, ...(cues ? { cues: [...cues] } : {}) }).then((r) => r.verdict),
  );
  // Pre-warming costs the page a little: only while interception is on (mode "off" means nothing runs).
  let warming: Lifetime | undefined;
  const warm = (on: boolean) => {
    if (on && !warming && lifetime.alive()) {
      warming = createLifetime(lifetime.signal);
      // Approaching a send control may end in a panel: its part starts loading then, once the approach's verdict has come.
      startPrewarm(
        detector,
        document,
        events,
        cache,
        warming,
        pressRead,
        () => loadPart<WarmPart>(WARM_PART_HOOK, () => send("warm-part", {})),
        () => void panelPart().catch(() => undefined),
        reader.load,
      );
    } else if (!on && warming) {
      warming.end();
      warming = undefined;
    }
  };
  const mode = watchMode(
    lifetime,
    () => cache.clear(),
    (current) => warm(current !== "off"),
  );
  const interceptor = startInterceptor({
    detector,
    reader,
    events,
    lifetime,
    mode,
    cache,
    panelPart,
    pressRead,
    clickInPage: (token, init) => send("click-in-page", { token, init }).then(({ clicked }) => clicked),
    ask: ({ request, action, key }) => {
      // Asked when the pointer went down: that answer comes first; this message still tells the background (badge, audit).
      const asked = send("verdict", { request, action }).then(({ verdict }) => {
        cache.put(key, verdict);
        return verdict;
      });
      const early = cache.inFlight(key);
      if (!early) return asked;
      asked.catch(() => undefined);
      return early.catch(() => asked);
    },
  });

  // Only the background may speak to us (tabs.sendMessage has no tab in its sender), and only in the panel protocol.
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }, reply: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (!interceptor.onPanelEvent(message)) return undefined;
    reply({ ok: true });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  lifetime.onEnd(() => browser.runtime.onMessage.removeListener(onMessage));
  warm(mode.current() !== "off");
}

const world = globalThis as Record<string, unknown>;
document.documentElement.dataset.sharecheck = "ready";
// Injected twice into the same world (registered script + "Check this page", or after an update): keep one live copy.
const live = world[CONTENT_LIVE_HOOK] as (() => boolean) | undefined;
if (!live?.()) {
  const lifetime = createLifetime();
  const reader = createReaderLoader(() => send("reader-part", {}));
  let started = false;
  const events = listenEarly(window, lifetime.signal, () => {
    if (!started) start(lifetime, events, reader);
    started = true;
  });
  loadWhenApproached(window, reader, lifetime);
  world[CONTENT_LIVE_HOOK] = () => lifetime.alive();
}
