/**
 * The frame's line to the background. The session id comes from our URL's hash (the page can read
 * it); the nonce comes by postMessage from the content script into this window only, and is what
 * lets our port claim the session.
 *
 * The background may be stopped at any time (Chrome stops an idle service worker after ~30 s, Firefox
 * unloads an idle event page), which disconnects our port. The session lives on in the background's
 * storage, so we connect again at once with the resume token the background gave us when we claimed it,
 * and what we post meanwhile waits for the new port. Only a port that was accepted is re-opened: a refused
 * one (the session is gone, or the extension was updated or removed) means the panel is lost for good.
 */
import { browser } from "../../platform/browser.ts";
import { PANEL_PORT_PREFIX, PanelSession, ToPanelFrame, type FromPanelFrame } from "../../messaging/messages.ts";

export type Channel = { post(message: FromPanelFrame): void };
/** An idle worker stops about twice a minute at most; more than this is a loop. */
const MAX_RECONNECTS_PER_MINUTE = 10;
type Port = ReturnType<typeof browser.runtime.connect>;

export function sessionFromHash(hash: string): string | undefined {
  const parsed = PanelSession.safeParse(hash.replace(/^#/, ""));
  return parsed.success ? parsed.data : undefined;
}

/** Waits for the nonce from our parent (the content script), then connects and says hello; reconnects after a worker restart. */
export function connectPanel(session: string, onMessage: (message: ToPanelFrame) => void, onLost: () => void): Channel {
  let nonce: string | undefined;
  let resume: string | undefined;
  /** The port in use, and whether the background accepted it (sent our state). */
  let port: Port | undefined;
  let accepted = false;
  let lost = false;
  const queued: FromPanelFrame[] = [];

  const flush = () => {
    while (port && accepted && queued.length) {
      try {
        port.postMessage(queued[0]);
        queued.shift();
      } catch {
        return reconnect(); // the worker went away just now: send it on the next port
      }
    }
  };

  const giveUp = () => {
    if (lost) return;
    lost = true;
    port = undefined;
    onLost();
  };

  function connect() {
    accepted = false;
    let current: Port;
    try {
      current = browser.runtime.connect({ name: PANEL_PORT_PREFIX + session });
    } catch {
      return giveUp(); // our extension context is gone (updated, disabled or removed)
    }
    port = current;
    current.onMessage.addListener((raw: unknown) => {
      if (port !== current) return;
      const parsed = ToPanelFrame.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === "state") {
        accepted = true;
        resume = parsed.data.resume ?? resume;
      }
      onMessage(parsed.data);
      flush();
    });
    current.onDisconnect.addListener(() => {
      if (port !== current) return;
      // Accepted before: the worker was stopped, so come back. Refused: the session is not ours to have.
      if (accepted && resume) reconnect();
      else giveUp();
    });
    current.postMessage({ type: "hello", nonce, ...(resume ? { resume } : {}) });
  }

  /** Reconnections in the last minute: a worker that drops us as soon as it takes us back is broken, not idle. */
  const recent: number[] = [];
  function reconnect() {
    if (lost) return;
    const now = Date.now();
    while (recent.length && now - recent[0]! > 60_000) recent.shift();
    if (recent.push(now) > MAX_RECONNECTS_PER_MINUTE) return giveUp();
    const old = port;
    port = undefined;
    try {
      old?.disconnect();
    } catch {
      // already gone
    }
    connect();
  }

  const onNonce = (event: MessageEvent) => {
    if (event.source !== window.parent || nonce) return;
    const data = event.data as { type?: unknown; nonce?: unknown } | null;
    const parsed = PanelSession.safeParse(data?.nonce);
    if (data?.type !== "sharecheck-nonce" || !parsed.success) return;
    window.removeEventListener("message", onNonce);
    nonce = parsed.data;
    connect();
  };
  window.addEventListener("message", onNonce);
  return {
    post(message) {
      if (lost) return;
      queued.push(message);
      flush();
    },
  };
}
