/**
 * In-page panel sessions. A content script opens a session ("panel-open") and shows an
 * extension-origin frame that connects a port named "panel:<session>". The frame's decisions reach
 * the content script only through here, so a page script can neither forge nor replay them:
 * - a port counts only from our frame page in the same tab, and only once it presents the session's
 *   nonce (which the content script posts into its own iframe; a page copying the frame URL lacks it);
 * - only the FIRST such port is accepted: it claims the session for good;
 * - decisions are forwarded with tabs.sendMessage to exactly the frame that opened the session.
 */
import { FromPanelFrame, PANEL_PORT_PREFIX, PanelHello, type PanelEvent, type PanelSession, type PanelState, type ParsedRequest, type ToPanelFrame } from "../messaging/messages.ts";
import type { Runtime } from "../platform/browser.ts";

/** Sessions a tab may hold at once; older ones are dropped (a page cannot grow our memory). */
const MAX_SESSIONS = 50;

type Session = {
  tabId: number;
  nonce: string;
  frameId: number;
  state: PanelState;
  port?: Runtime.Port;
  /** Set once a port was accepted: later ports for the same session are refused. */
  claimed: boolean;
};

export type PanelPort = Pick<Runtime.Port, "name" | "sender" | "postMessage" | "disconnect" | "onMessage" | "onDisconnect">;

export type PanelSessionDeps = {
  extensionId: string;
  /** The frame page's path, e.g. "/src/content/frame/index.html". */
  framePath: string;
  sendToFrame(tabId: number, message: PanelEvent, frameId: number): Promise<unknown>;
};

export function createPanelSessions(deps: PanelSessionDeps) {
  const sessions = new Map<PanelSession, Session>();

  function post(session: Session, message: ToPanelFrame): void {
    try {
      session.port?.postMessage(message);
    } catch {
      // The frame went away; its disconnect handler cleans up.
    }
  }

  function isOurFrame(sender: Runtime.MessageSender | undefined, tabId: number): boolean {
    if (!sender || sender.id !== deps.extensionId || sender.tab?.id !== tabId || !sender.url) return false;
    try {
      const url = new URL(sender.url);
      return /^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === deps.framePath;
    } catch {
      return false;
    }
  }

  const handlers = {
    "panel-open"({ session, nonce, state }: ParsedRequest<"panel-open">, sender: Runtime.MessageSender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error("panel-open must come from a tab");
      if (sessions.has(session)) throw new Error("panel session already exists");
      for (const key of sessions.keys()) {
        if (sessions.size < MAX_SESSIONS) break;
        sessions.delete(key);
      }
      sessions.set(session, { tabId, nonce, frameId: sender.frameId ?? 0, state, claimed: false });
      return {};
    },
    "panel-update"({ session, tampered, controlGone }: ParsedRequest<"panel-update">, sender: Runtime.MessageSender) {
      const found = owned(session, sender);
      found.state = { ...found.state, tampered, controlGone };
      post(found, { type: "page", tampered, controlGone });
      return {};
    },
    "panel-close"({ session }: ParsedRequest<"panel-close">, sender: Runtime.MessageSender) {
      const found = sessions.get(session);
      if (found && isOwner(found, sender)) {
        sessions.delete(session);
        found.port?.disconnect();
      }
      return {};
    },
  };

  function isOwner(session: Session, sender: Runtime.MessageSender): boolean {
    return sender.tab?.id === session.tabId && (sender.frameId ?? 0) === session.frameId;
  }

  function owned(id: PanelSession, sender: Runtime.MessageSender): Session {
    const found = sessions.get(id);
    if (!found || !isOwner(found, sender)) throw new Error("unknown panel session");
    return found;
  }

  /** runtime.onConnect listener. Returns whether the port may say hello (for tests and logs). */
  function onConnect(port: PanelPort): boolean {
    if (!port.name.startsWith(PANEL_PORT_PREFIX)) return false;
    const id = port.name.slice(PANEL_PORT_PREFIX.length);
    const session = sessions.get(id);
    if (!session || session.claimed || !isOurFrame(port.sender, session.tabId)) {
      port.disconnect();
      return false;
    }
    let accepted = false;
    port.onMessage.addListener((raw: unknown) => {
      if (!accepted) {
        const hello = PanelHello.safeParse(raw);
        if (!hello.success || hello.data.nonce !== session.nonce || session.claimed) return void port.disconnect();
        accepted = session.claimed = true;
        session.port = port as Runtime.Port;
        return post(session, { type: "state", state: session.state });
      }
      const parsed = FromPanelFrame.safeParse(raw);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.type === "outcome") session.state = { ...session.state, request: event.request };
      deps.sendToFrame(session.tabId, { type: "panel-event", session: id, event }, session.frameId).catch(() => {
        // The page navigated away or the frame is gone: nothing left to decide.
        sessions.delete(id);
      });
    });
    port.onDisconnect.addListener(() => {
      if (session.port === port) session.port = undefined;
    });
    return true;
  }

  function onTabRemoved(tabId: number): void {
    for (const [id, session] of sessions) if (session.tabId === tabId) sessions.delete(id);
  }

  return { handlers, onConnect, onTabRemoved, size: () => sessions.size };
}
