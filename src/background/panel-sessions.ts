/**
 * In-page panel sessions. A content script opens a session ("panel-open") and shows an
 * extension-origin frame that connects a port named "panel:<session>". The frame's decisions reach
 * the content script only through here, so a page script can neither forge nor replay them:
 * - only the FIRST port for a session is accepted, and only from our frame page in the same tab;
 * - decisions are forwarded with tabs.sendMessage to exactly the frame that opened the session.
 */
import { FromPanelFrame, type PanelEvent, type PanelSession, type PanelState, type ParsedRequest, type ToPanelFrame } from "../messaging/messages.ts";
import type { Runtime } from "../platform/browser.ts";

export const PANEL_PORT_PREFIX = "panel:";
/** Sessions a tab may hold at once; older ones are dropped (a page cannot grow our memory). */
const MAX_SESSIONS = 50;

type Session = {
  tabId: number;
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
    "panel-open"({ session, state }: ParsedRequest<"panel-open">, sender: Runtime.MessageSender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error("panel-open must come from a tab");
      if (sessions.has(session)) throw new Error("panel session already exists");
      for (const key of sessions.keys()) {
        if (sessions.size < MAX_SESSIONS) break;
        sessions.delete(key);
      }
      sessions.set(session, { tabId, frameId: sender.frameId ?? 0, state, claimed: false });
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

  /** runtime.onConnect listener. Returns whether the port was accepted (for tests and logs). */
  function onConnect(port: PanelPort): boolean {
    if (!port.name.startsWith(PANEL_PORT_PREFIX)) return false;
    const session = sessions.get(port.name.slice(PANEL_PORT_PREFIX.length));
    if (!session || session.claimed || !isOurFrame(port.sender, session.tabId)) {
      port.disconnect();
      return false;
    }
    session.claimed = true;
    session.port = port as Runtime.Port;
    port.onMessage.addListener((raw: unknown) => {
      const parsed = FromPanelFrame.safeParse(raw);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.type === "outcome") session.state = { ...session.state, request: event.request };
      const id = port.name.slice(PANEL_PORT_PREFIX.length);
      deps.sendToFrame(session.tabId, { type: "panel-event", session: id, event }, session.frameId).catch(() => {
        // The page navigated away or the frame is gone: nothing left to decide.
        sessions.delete(id);
      });
    });
    port.onDisconnect.addListener(() => {
      session.port = undefined;
    });
    post(session, { type: "state", state: session.state });
    return true;
  }

  function onTabRemoved(tabId: number): void {
    for (const [id, session] of sessions) if (session.tabId === tabId) sessions.delete(id);
  }

  return { handlers, onConnect, onTabRemoved, size: () => sessions.size };
}
