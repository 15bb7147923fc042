import { describe, expect, it, vi } from "vitest";
import { createPanelSessions, type PanelPort } from "./panel-sessions.ts";
import type { PanelEvent, PanelState } from "../messaging/messages.ts";

const EXT = "ext-id";
const FRAME = "/src/content/frame/index.html";
const SESSION = "abcdefghijklmnop1234";
const NONCE = "nonce-nonce-nonce-nonce";
const hello = { type: "hello", nonce: NONCE };

const state: PanelState = {
  action: { kind: "referral", label: "Send referral", origin: "https://ehr.example.org" },
  request: { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] },
  held: true,
  tampered: false,
  controlGone: false,
};

function setup() {
  const sent: { tabId: number; message: PanelEvent; frameId: number }[] = [];
  const sessions = createPanelSessions({
    extensionId: EXT,
    framePath: FRAME,
    sendToFrame: async (tabId, message, frameId) => void sent.push({ tabId, message, frameId }),
  });
  return { sessions, sent };
}

function fakePort(name: string, sender: PanelPort["sender"]) {
  const listeners: ((m: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  const port = {
    name,
    sender,
    posted: [] as unknown[],
    disconnected: false,
    postMessage: vi.fn((m: unknown) => void port.posted.push(m)),
    disconnect: vi.fn(() => {
      port.disconnected = true;
    }),
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
    onDisconnect: { addListener: (l: () => void) => disconnects.push(l) },
    emit: (m: unknown) => listeners.forEach((l) => l(m)),
    close: () => disconnects.forEach((l) => l()),
  };
  return port;
}

const contentSender = { id: EXT, tab: { id: 7 }, frameId: 3, url: "https://ehr.example.org/chart" } as never;
const frameSender = (over: Record<string, unknown> = {}) =>
  ({ id: EXT, tab: { id: 7 }, frameId: 9, url: `chrome-extension://${EXT}${FRAME}#${SESSION}`, ...over }) as never;

describe("panel sessions", () => {
  it("hands the state to the frame and forwards its decision to the frame that opened the session", async () => {
    const { sessions, sent } = setup();
    sessions.handlers["panel-open"]({ session: SESSION, nonce: NONCE, state }, contentSender);
    const port = fakePort(`panel:${SESSION}`, frameSender());
    expect(sessions.onConnect(port as unknown as PanelPort)).toBe(true);
    expect(port.posted).toEqual([]);
    port.emit(hello);
    expect(port.posted[0]).toMatchObject({ type: "state", state: { held: true } });
    port.emit({ type: "decision", decision: "proceed" });
    await Promise.resolve();
    expect(sent).toEqual([{ tabId: 7, frameId: 3, message: { type: "panel-event", session: SESSION, event: { type: "decision", decision: "proceed" } } }]);
  });

  it("accepts only the first port that presents the nonce", () => {
    const { sessions } = setup();
    sessions.handlers["panel-open"]({ session: SESSION, nonce: NONCE, state }, contentSender);
    const copy = fakePort(`panel:${SESSION}`, frameSender());
    sessions.onConnect(copy as unknown as PanelPort);
    copy.emit({ type: "hello", nonce: "guessed-guessed-guessed" });
    expect(copy.disconnected).toBe(true);
    expect(copy.posted).toEqual([]);
    const first = fakePort(`panel:${SESSION}`, frameSender());
    sessions.onConnect(first as unknown as PanelPort);
    first.emit(hello);
    expect(first.posted).toHaveLength(1);
    const second = fakePort(`panel:${SESSION}`, frameSender());
    expect(sessions.onConnect(second as unknown as PanelPort)).toBe(false);
    expect(second.disconnected).toBe(true);
  });

  it.each([
    ["another tab", { tab: { id: 8 } }],
    ["a web page", { url: `https://evil.example/${FRAME}` }],
    ["another extension page", { url: `chrome-extension://${EXT}/src/popup/index.html` }],
    ["another extension", { id: "other" }],
  ])("refuses a port from %s", (_, over) => {
    const { sessions } = setup();
    sessions.handlers["panel-open"]({ session: SESSION, nonce: NONCE, state }, contentSender);
    const port = fakePort(`panel:${SESSION}`, frameSender(over));
    expect(sessions.onConnect(port as unknown as PanelPort)).toBe(false);
    port.emit(hello);
    expect(port.posted).toEqual([]);
  });

  it("refuses a port for an unknown session and ignores malformed frame messages", async () => {
    const { sessions, sent } = setup();
    expect(sessions.onConnect(fakePort(`panel:${SESSION}`, frameSender()) as unknown as PanelPort)).toBe(false);
    sessions.handlers["panel-open"]({ session: SESSION, nonce: NONCE, state }, contentSender);
    const port = fakePort(`panel:${SESSION}`, frameSender());
    sessions.onConnect(port as unknown as PanelPort);
    port.emit({ type: "decision", decision: "proceed" }); // before hello: not accepted, port dropped
    expect(port.disconnected).toBe(true);
    const real = fakePort(`panel:${SESSION}`, frameSender());
    sessions.onConnect(real as unknown as PanelPort);
    real.emit(hello);
    real.emit({ type: "decision", decision: "launch" });
    real.emit("proceed");
    await Promise.resolve();
    expect(sent).toEqual([]);
  });

  it("lets only the owning frame update or close a session, and tells the panel frame about tampering", () => {
    const { sessions } = setup();
    sessions.handlers["panel-open"]({ session: SESSION, nonce: NONCE, state }, contentSender);
    const port = fakePort(`panel:${SESSION}`, frameSender());
    sessions.onConnect(port as unknown as PanelPort);
    port.emit(hello);
    const stranger = { id: EXT, tab: { id: 7 }, frameId: 0 } as never;
    expect(() => sessions.handlers["panel-update"]({ session: SESSION, tampered: true, controlGone: false }, stranger)).toThrow();
    sessions.handlers["panel-update"]({ session: SESSION, tampered: true, controlGone: false }, contentSender);
    expect(port.posted.at(-1)).toEqual({ type: "page", tampered: true, controlGone: false });
    sessions.handlers["panel-close"]({ session: SESSION }, stranger);
    expect(sessions.size()).toBe(1);
    sessions.handlers["panel-close"]({ session: SESSION }, contentSender);
    expect(sessions.size()).toBe(0);
    expect(port.disconnected).toBe(true);
  });

  it("forgets a closed tab's sessions and bounds how many a tab can open", () => {
    const { sessions } = setup();
    for (let i = 0; i < 80; i++) sessions.handlers["panel-open"]({ session: `${SESSION}${String(i).padStart(3, "0")}`, nonce: NONCE, state }, contentSender);
    expect(sessions.size()).toBeLessThanOrEqual(50);
    sessions.onTabRemoved(7);
    expect(sessions.size()).toBe(0);
  });
});
