/**
 * A direct line between the content script and its panel frames, beside the background's: a
 * heartbeat proving the document in our iframe is still our frame page and still connected, and a
 * way for that frame to Cancel or Close when the background is gone.
 *
 * Every BEAT_MS the content script posts a fresh random token into the frame, addressed to the
 * extension's origin only, so a page document loaded into the iframe never receives it; our frame
 * echoes it with an id of its own document and the state of its port to the background. The first
 * beats also carry the session nonce (the frame claims its session with it), so nothing waits on the
 * iframe's load event, which the page could stop. The panel is lost when no echo comes for
 * SILENT_MS, when another document answers, or when the frame says its port is down.
 *
 * Only cancel and close travel this way, never proceed: a forged one could only end a hold. The
 * window listener is added at document_start (early-events.ts, in content.js), before any page
 * listener, and hands the window's messages to `receive` once this part is loaded.
 */
import { PANEL_BEAT, PanelBeatEcho, type PanelBeat } from "./frame/beat.ts";

export const BEAT_MS = 250;
/** No echo this long after the first (or no first echo within FIRST_MS): the frame is gone. Lenient: a busy browser stalls frames. */
export const SILENT_MS = 3000;
export const FIRST_MS = 10_000;

export type LinkLoss = "replaced" | "silent" | "disconnected";
export type LinkHandlers = { onLost(why: LinkLoss): void; onDismiss(decision: "cancel" | "close"): void };

type Link = {
  frame: HTMLIFrameElement;
  origin: string;
  nonce: string;
  handlers: LinkHandlers;
  started: number;
  lastEcho: number;
  doc?: string;
  connected: boolean;
  tokens: string[];
};

/** The window's address where this world may read it: the page's own documents, and (in Firefox) our extension's. */
function readableHref(win: Window | null): string | undefined {
  try {
    return win?.location.href;
  } catch {
    return undefined;
  }
}

const token = () => Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join("");

export function createPanelLinks(signal: AbortSignal) {
  const links = new Set<Link>();

  const receiveMessage = (event: MessageEvent) => {
    if (links.size === 0) return;
    for (const link of links) {
      if (event.source === null || event.source !== link.frame.contentWindow) continue;
      const parsed = PanelBeatEcho.safeParse(event.data);
      if (!parsed.success) return;
      receive(link, parsed.data);
      return;
    }
  };

  function lose(link: Link, why: LinkLoss): void {
    links.delete(link);
    link.handlers.onLost(why);
  }

  function receive(link: Link, echo: PanelBeatEcho): void {
    if (echo.kind === "dismiss") {
      links.delete(link);
      return link.handlers.onDismiss(echo.decision);
    }
    if (link.doc !== undefined && echo.doc !== link.doc) return lose(link, "replaced");
    if (echo.kind === "bye") return lose(link, "replaced");
    // Each token counts once: the page sees our frame's echoes go by and could replay them.
    const at = link.tokens.indexOf(echo.token);
    if (at < 0) return;
    link.tokens.splice(at, 1);
    link.doc = echo.doc;
    link.lastEcho = performance.now();
    if (echo.port === "up") link.connected = true;
    else if (echo.port === "down") return lose(link, "disconnected");
  }

  function beat(link: Link): void {
    const now = performance.now();
    if (link.doc === undefined ? now - link.started > FIRST_MS : now - link.lastEcho > SILENT_MS) return lose(link, "silent");
    const win = link.frame.contentWindow;
    const href = readableHref(win);
    // Still the initial about:blank (or a page document): posting would only log an error in the page's console.
    if (!win || (href !== undefined && !href.startsWith(link.origin))) return;
    const next = token();
    link.tokens = [...link.tokens.slice(-7), next];
    const message: PanelBeat = { type: PANEL_BEAT, token: next, ...(link.connected ? {} : { nonce: link.nonce }) };
    win.postMessage(message, link.origin);
  }

  const timer = setInterval(() => {
    for (const link of [...links]) beat(link);
  }, BEAT_MS);
  signal.addEventListener(
    "abort",
    () => {
      clearInterval(timer);
      links.clear();
    },
    { once: true },
  );

  return {
    /** A message to the window (from its capture listener): an echo from one of our frames is read. */
    receive: receiveMessage,
    /** Starts the heartbeat with a frame showing `url`; returns a function that stops it. */
    link(frame: HTMLIFrameElement, url: string, nonce: string, handlers: LinkHandlers): () => void {
      const now = performance.now();
      const link: Link = { frame, origin: new URL(url).origin, nonce, handlers, started: now, lastEcho: now, connected: false, tokens: [] };
      links.add(link);
      beat(link);
      // The first beat carries the nonce the frame waits for: give it as soon as the frame has loaded, not
      // at the next tick (the interval stays, so a page that stops the load event only slows this down).
      const loaded = () => links.has(link) && beat(link);
      frame.addEventListener("load", loaded, { signal });
      return () => {
        links.delete(link);
        frame.removeEventListener("load", loaded);
      };
    },
  };
}
export type PanelLinks = ReturnType<typeof createPanelLinks>;
