/**
 * The frame's line to the background. The session id comes from our URL's hash (the page can read
 * it); the nonce comes by postMessage from the content script into this window only, and is what
 * lets our port claim the session.
 */
import { browser } from "../../platform/browser.ts";
import { PANEL_PORT_PREFIX, PanelSession, ToPanelFrame, type FromPanelFrame } from "../../messaging/messages.ts";

export type Channel = { post(message: FromPanelFrame): void };

export function sessionFromHash(hash: string): string | undefined {
  const parsed = PanelSession.safeParse(hash.replace(/^#/, ""));
  return parsed.success ? parsed.data : undefined;
}

/** Waits for the nonce from our parent (the content script), then connects and says hello. */
export function connectPanel(session: string, onMessage: (message: ToPanelFrame) => void, onLost: () => void): Channel {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const queued: FromPanelFrame[] = [];
  const onNonce = (event: MessageEvent) => {
    if (event.source !== window.parent || port) return;
    const data = event.data as { type?: unknown; nonce?: unknown } | null;
    const nonce = PanelSession.safeParse(data?.nonce);
    if (data?.type !== "sharecheck-nonce" || !nonce.success) return;
    window.removeEventListener("message", onNonce);
    port = browser.runtime.connect({ name: PANEL_PORT_PREFIX + session });
    port.onMessage.addListener((raw: unknown) => {
      const parsed = ToPanelFrame.safeParse(raw);
      if (parsed.success) onMessage(parsed.data);
    });
    port.onDisconnect.addListener(onLost);
    port.postMessage({ type: "hello", nonce: nonce.data });
    for (const message of queued.splice(0)) port.postMessage(message);
  };
  window.addEventListener("message", onNonce);
  return {
    post(message) {
      if (!port) return void queued.push(message);
      try {
        port.postMessage(message);
      } catch {
        onLost();
      }
    },
  };
}
