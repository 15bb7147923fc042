/**
 * In-page panel sessions. A content script opens a session ("panel-open") and shows an
 * extension-origin frame that connects a port named "panel:<session>". The frame's decisions reach
 * the content script only through here, so a page script can neither forge nor replay them:
 * - a port counts only from our frame page in the same tab, and only once it presents the session's
 *   nonce (which the content script posts into its own iframe; a page copying the frame URL lacks it);
 * - only the FIRST such port claims the session, for good: it alone gets a resume token, and a later port
 *   is accepted only from the same frame with that token (the claiming frame reconnecting after the worker
 *   was stopped; no page script ever sees the token, which travels only over our port);
 * - decisions are forwarded with tabs.sendMessage to exactly the frame that opened the session.
 *
 * Sessions outlive the service worker: Chrome stops an idle worker after ~30 s and Firefox unloads an idle
 * event page, while a clinician may leave a held action on screen for minutes. So each session is kept in
 * storage.session (memory the browser holds while it runs, never written to disk, not readable by content
 * scripts; Chrome 102+, Firefox 115+) and mirrored in memory; a restarted worker reads it back when the
 * frame reconnects. Where storage.session is missing, memory alone serves.
 */
import { z } from "zod";
import type { AcoFact } from "../core/aco-fact.ts";
import type { DisclosureRequest, Verdict } from "../core/schema.ts";
import {
  FromPanelFrame,
  PANEL_PORT_PREFIX,
  PanelHello,
  PanelSessionId,
  PanelState,
  type PanelEvent,
  type ParsedRequest,
  type ToPanelFrame,
} from "../messaging/messages.ts";
import { matchCues, withCuedKinds } from "../detect/cues-match.ts";
import type { Runtime } from "../platform/browser.ts";
import type { KeyValueArea } from "../platform/storage-area.ts";

/** Sessions kept at once; older ones are dropped (a page cannot grow our memory). */
const MAX_SESSIONS = 50;
const INDEX_KEY = "panelSessions";
const sessionKey = (id: PanelSessionId) => `panelSession:${id}`;

const StoredSession = z.object({
  tabId: z.number().int(),
  /** The content script's frame, which opened the session and gets its decisions. */
  frameId: z.number().int(),
  nonce: PanelSessionId,
  state: PanelState,
  /** Set once a port claimed the session: only the claiming frame, with this token, may connect again. */
  claim: z.object({ token: PanelSessionId, frameId: z.number().int() }).optional(),
});
type Session = z.infer<typeof StoredSession>;
const Index = z.array(PanelSessionId);

export type PanelPort = Pick<Runtime.Port, "name" | "sender" | "postMessage" | "disconnect" | "onMessage" | "onDisconnect">;

export type PanelSessionDeps = {
  extensionId: string;
  /** The frame page's path, e.g. "/src/content/frame/index.html". */
  framePath: string;
  sendToFrame(tabId: number, message: PanelEvent, frameId: number): Promise<unknown>;
  /** storage.session; undefined where the browser lacks it. */
  store?: KeyValueArea;
  /**
   * The recipient's ACO fact with the organisation's lists (every ACO, what matched), for the frame to show beside
   * the verdict; the content script has only the verdict's own match. Undefined when not inside an ACO.
   */
  acoFact?: (request: DisclosureRequest, verdict: Verdict) => Promise<AcoFact | undefined>;
  /** Random ids for resume tokens (crypto in the browser). */
  newToken?: () => string;
};

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function createPanelSessions(deps: PanelSessionDeps) {
  const memory = new Map<PanelSessionId, Session>();
  /** Open ports by session: memory only, as a port dies with the worker. */
  const ports = new Map<PanelSessionId, Runtime.Port | PanelPort>();
  let index: PanelSessionId[] | undefined;
  const newToken = deps.newToken ?? randomToken;
  /** Writes run one after another, so the index is never read and written by two handlers at once. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function loadIndex(): Promise<PanelSessionId[]> {
    if (index) return index;
    const stored = await deps.store?.get(INDEX_KEY).catch(() => undefined);
    const parsed = Index.safeParse(stored?.[INDEX_KEY]);
    index = parsed.success ? parsed.data : [];
    return index;
  }

  async function load(id: PanelSessionId): Promise<Session | undefined> {
    const known = memory.get(id);
    if (known || !deps.store) return known;
    const stored = await deps.store.get(sessionKey(id)).catch(() => undefined);
    const parsed = StoredSession.safeParse(stored?.[sessionKey(id)]);
    if (!parsed.success) return undefined;
    memory.set(id, parsed.data);
    return parsed.data;
  }

  async function save(id: PanelSessionId, session: Session): Promise<void> {
    memory.set(id, session);
    await deps.store?.set({ [sessionKey(id)]: session });
  }

  function forget(ids: PanelSessionId[]): Promise<void> {
    return serial(async () => {
      const list = await loadIndex();
      for (const id of ids) {
        memory.delete(id);
        ports.get(id)?.disconnect();
        ports.delete(id);
      }
      index = list.filter((id) => !ids.includes(id));
      await deps.store?.set({ [INDEX_KEY]: index });
      await deps.store?.remove(ids.map(sessionKey));
    });
  }

  function post(id: PanelSessionId, message: ToPanelFrame): void {
    try {
      ports.get(id)?.postMessage(message);
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

  function isOwner(session: Session, sender: Runtime.MessageSender): boolean {
    return sender.tab?.id === session.tabId && (sender.frameId ?? 0) === session.frameId;
  }

  async function owned(id: PanelSessionId, sender: Runtime.MessageSender): Promise<Session> {
    const found = await load(id);
    if (!found || !isOwner(found, sender)) throw new Error("unknown panel session");
    return found;
  }

  const handlers = {
    async "panel-open"({ session: id, nonce, state }: ParsedRequest<"panel-open">, sender: Runtime.MessageSender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error("panel-open must come from a tab");
      // The frame shows the request the verdict answered: with the kinds the page's cues name, and those cues.
      const cues = matchCues(state.action.cues);
      const request = withCuedKinds(state.request, cues);
      // Worked out here, where the lists are; the content script's own (it has none) is never taken. A failure
      // leaves the frame to show the verdict's own match.
      const aco = state.verdict && deps.acoFact ? await deps.acoFact(request, state.verdict).catch(() => undefined) : undefined;
      const shown: PanelState = { ...state, action: { ...state.action, cues }, request, aco };
      await serial(async () => {
        const list = await loadIndex();
        if (list.includes(id) || memory.has(id)) throw new Error("panel session already exists");
        const dropped = list.slice(0, Math.max(0, list.length + 1 - MAX_SESSIONS));
        for (const old of dropped) {
          memory.delete(old);
          ports.get(old)?.disconnect();
          ports.delete(old);
        }
        index = [...list.slice(dropped.length), id];
        await save(id, { tabId, nonce, frameId: sender.frameId ?? 0, state: shown });
        await deps.store?.set({ [INDEX_KEY]: index });
        if (dropped.length) await deps.store?.remove(dropped.map(sessionKey));
      });
      return {};
    },
    async "panel-update"({ session: id, tampered, controlGone }: ParsedRequest<"panel-update">, sender: Runtime.MessageSender) {
      const found = await owned(id, sender);
      await save(id, { ...found, state: { ...found.state, tampered, controlGone } });
      post(id, { type: "page", tampered, controlGone });
      return {};
    },
    async "panel-close"({ session: id }: ParsedRequest<"panel-close">, sender: Runtime.MessageSender) {
      const found = await load(id);
      if (found && isOwner(found, sender)) await forget([id]);
      return {};
    },
  };

  /** The port's hello: the first valid one claims the session; after that only the claimer, with its token, gets back in. */
  async function admit(id: PanelSessionId, port: PanelPort, raw: unknown): Promise<boolean> {
    const hello = PanelHello.safeParse(raw);
    await load(id);
    const session = memory.get(id); // read after the last await: a racing hello's claim is seen here
    if (!hello.success || !session || hello.data.nonce !== session.nonce || ports.has(id)) return false;
    const frameId = port.sender?.frameId ?? -1;
    let claimed: Session;
    if (!session.claim) {
      claimed = { ...session, claim: { token: newToken(), frameId } };
      memory.set(id, claimed); // at once: a second hello racing the storage write must see the claim
      await save(id, claimed);
    } else if (hello.data.resume === session.claim.token && frameId === session.claim.frameId) {
      claimed = session;
    } else {
      return false;
    }
    if (ports.has(id) || !memory.has(id)) return false;
    ports.set(id, port);
    post(id, { type: "state", state: claimed.state, resume: claimed.claim!.token });
    return true;
  }

  /** runtime.onConnect listener. Returns whether the port may say hello (for tests and logs). */
  function onConnect(port: PanelPort): Promise<boolean> {
    if (!port.name.startsWith(PANEL_PORT_PREFIX)) return Promise.resolve(false);
    const id = port.name.slice(PANEL_PORT_PREFIX.length);
    // Listeners go on synchronously (the hello may already be on its way); the session is read meanwhile.
    let admitted: Promise<boolean> | undefined;
    const checked = (async () => {
      const session = PanelSessionId.safeParse(id).success ? await load(id) : undefined;
      const ok = Boolean(
        session && isOurFrame(port.sender, session.tabId) && (!session.claim || session.claim.frameId === (port.sender?.frameId ?? -1)),
      );
      if (!ok) port.disconnect();
      return ok;
    })();
    let chain: Promise<unknown> = checked;
    port.onMessage.addListener((raw: unknown) => {
      chain = chain.then(async () => {
        if (!(await checked)) return;
        if (!admitted) {
          admitted = admit(id, port, raw);
          if (!(await admitted)) port.disconnect();
          return;
        }
        if (!(await admitted) || ports.get(id) !== port) return;
        const parsed = FromPanelFrame.safeParse(raw);
        if (!parsed.success) return;
        const event = parsed.data;
        const session = await load(id);
        if (!session) return;
        if (event.type === "outcome") await save(id, { ...session, state: { ...session.state, request: event.request } });
        await deps.sendToFrame(session.tabId, { type: "panel-event", session: id, event }, session.frameId).catch(() => {
          // The page navigated away or the frame is gone: nothing left to decide.
          return forget([id]);
        });
      });
    });
    port.onDisconnect.addListener(() => {
      if (ports.get(id) === port) ports.delete(id);
    });
    return checked;
  }

  async function onTabRemoved(tabId: number): Promise<void> {
    const list = await loadIndex();
    const sessions = await Promise.all(list.map(async (id) => [id, await load(id)] as const));
    const gone = sessions.filter(([, s]) => !s || s.tabId === tabId).map(([id]) => id);
    if (gone.length) await forget(gone);
  }

  return { handlers, onConnect, onTabRemoved, size: async () => (await loadIndex()).length };
}
