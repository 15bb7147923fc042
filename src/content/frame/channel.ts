/**
 * The frame's lines out. To the background: a port, claimed with the session's nonce. The session id
 * comes from our URL's hash (the page can read it); the nonce comes with the content script's
 * heartbeat, posted into this window only. To the content script directly: the heartbeat's echo
 * (see src/content/panel-link.ts: it says whether our port is up), a "bye" as this document unloads,
 * and Cancel/Close, so the panel can always be closed even when the background is gone.
 *
 * The background may be stopped at any time (Chrome stops an idle service worker after ~30 s, Firefox
 * unloads an idle event page), which disconnects our port. The session lives on in the background's
 * storage, so we connect again at once with the resume token the background gave us when we claimed it,
 * and what we post meanwhile waits for the new port. Only a session we claimed is reconnected; a reconnection
 * not taken is retried a few times (the worker may have been stopping just then), after which, or when the
 * extension itself is gone (updated, disabled, removed), the panel is lost for good.
 */
import { browser } from "../../platform/browser.ts";
import { PANEL_PORT_PREFIX, PanelSessionId, ToPanelFrame, type FromPanelFrame } from "../../messaging/messages.ts";
import { PANEL_BEAT, PanelBeat, type PanelBeatEcho } from "./beat.ts";

export type Channel = {
  post(message: FromPanelFrame): void;
  /** Cancel or Close straight to the content script (it also goes over the port when there is one). */
  dismiss(decision: "cancel" | "close"): void;
};
/** An idle worker stops about twice a minute at most; more than this is a loop. */
const MAX_RECONNECTS_PER_MINUTE = 10;
/** A reconnection that was not taken is tried again after these waits, then the panel is lost. */
const RETRY_AFTER_MS = [300, 1000, 3000];
/**
 * A decision pressed this recently before the port dropped is sent again on the new port: the worker may have
 * stopped before it passed the decision on. Sending it twice is harmless: the content script ends the session
 * on the first, and judges a Proceed as of its press time (`at`), so a late copy proves nothing new.
 */
const RESEND_DECISION_MS = 10_000;
/**
 * How often the frame asks whether its extension is still there. Firefox, when the add-on is updated or
 * removed, tears down the content script and the frame's extension APIs but leaves this document on
 * screen, and no port event says so: only asking finds out.
 */
const ALIVE_CHECK_MS = 1_000;
type Port = ReturnType<typeof browser.runtime.connect>;
/** Why the panel is lost: the background cannot be reached, or the extension itself is gone (updated, disabled, removed). */
export type LostReason = "connection" | "extension";

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

export function sessionFromHash(hash: string): string | undefined {
  const parsed = PanelSessionId.safeParse(hash.replace(/^#/, ""));
  return parsed.success ? parsed.data : undefined;
}

/** This document's id in its echoes: a page document loaded into our iframe instead cannot give it. */
const DOC = Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join("");

function toParent(message: PanelBeatEcho): void {
  // The page's origin is not ours to know; echoes carry nothing secret.
  window.parent.postMessage(message, "*");
}

/** Waits for the nonce in the content script's heartbeat, then connects and says hello; reconnects after a worker restart. */
export function connectPanel(session: string, onMessage: (message: ToPanelFrame) => void, onLost: (reason: LostReason) => void): Channel {
  let nonce: string | undefined;
  let resume: string | undefined;
  /** The port in use, and whether the background accepted it (sent our state). */
  let port: Port | undefined;
  let accepted = false;
  let lost = false;
  let retries = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const queued: FromPanelFrame[] = [];
  /** The last decision sent over a port, until that port drops: then it may not have reached the content script. */
  let lastDecision: Extract<FromPanelFrame, { type: "decision" }> | undefined;

  const flush = () => {
    while (port && accepted && queued.length) {
      try {
        const message = queued[0]!;
        port.postMessage(message);
        queued.shift();
        if (message.type === "decision") lastDecision = message;
      } catch {
        return reconnect(); // the worker went away just now: send it on the next port
      }
    }
  };

  let aliveCheck: ReturnType<typeof setInterval> | undefined;
  const giveUp = (reason: LostReason = extensionAlive() ? "connection" : "extension") => {
    if (lost) return;
    lost = true;
    clearTimeout(retry);
    clearInterval(aliveCheck);
    port = undefined;
    onLost(reason);
  };
  aliveCheck = setInterval(() => {
    if (!extensionAlive()) giveUp("extension");
  }, ALIVE_CHECK_MS);

  function connect() {
    accepted = false;
    let current: Port;
    try {
      current = browser.runtime.connect({ name: PANEL_PORT_PREFIX + session });
    } catch {
      return giveUp("extension"); // our extension context is gone (updated, disabled or removed)
    }
    port = current;
    current.onMessage.addListener((raw: unknown) => {
      if (port !== current) return;
      const parsed = ToPanelFrame.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === "state") {
        accepted = true;
        retries = 0;
        resume = parsed.data.resume ?? resume;
      }
      onMessage(parsed.data);
      flush();
    });
    current.onDisconnect.addListener(() => {
      if (port !== current) return;
      if (lastDecision && Date.now() - (lastDecision.at ?? 0) < RESEND_DECISION_MS && !queued.includes(lastDecision))
        queued.unshift(lastDecision);
      lastDecision = undefined;
      // Accepted: the worker was stopped, so come back. A reconnection not taken: the worker may have been
      // stopping as we called, so try again a little later. Never accepted at all: the session is not ours.
      if (accepted && resume) reconnect();
      else if (resume && retries < RETRY_AFTER_MS.length) retry = setTimeout(reconnect, RETRY_AFTER_MS[retries++]);
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

  // The heartbeat: the first beats carry the nonce; every beat is echoed with whether our port is up.
  window.addEventListener("message", (event: MessageEvent) => {
    if (event.source !== window.parent) return;
    const beat = PanelBeat.safeParse(event.data);
    if (!beat.success) return;
    if (!nonce && beat.data.nonce) {
      nonce = beat.data.nonce;
      connect();
    }
    // A port being re-made after a worker restart is still up: the session lives on in the background.
    const state = lost ? "down" : accepted || resume ? "up" : "pending";
    toParent({ type: PANEL_BEAT, kind: "echo", token: beat.data.token, doc: DOC, port: state });
  });
  window.addEventListener("pagehide", () => toParent({ type: PANEL_BEAT, kind: "bye", doc: DOC }));
  return {
    post(message) {
      if (lost) return;
      queued.push(message);
      flush();
    },
    dismiss(decision) {
      toParent({ type: PANEL_BEAT, kind: "dismiss", decision });
    },
  };
}
