import { describe, expect, it, vi } from "vitest";
import { createPanelSessions, type PanelPort } from "./panel-sessions.ts";
import type { PanelEvent, PanelState } from "../messaging/messages.ts";
import { MemoryArea } from "../../test/support/memory-area.ts";

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

/** Lets the session store's promise chains run (handlers, port messages and storage are asynchronous). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One worker's panel sessions; pass the same store to start a "restarted" worker over the same storage.session. */
function setup(store: MemoryArea | undefined = new MemoryArea(), sent: { tabId: number; message: PanelEvent; frameId: number }[] = []) {
  const sessions = createPanelSessions({
    extensionId: EXT,
    framePath: FRAME,
    sendToFrame: async (tabId, message, frameId) => void sent.push({ tabId, message, frameId }),
    store,
  });
  return { sessions, sent, store };
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
    emit: (m: unknown) => {
      for (const l of listeners) l(m);
    },
    close: () => {
      for (const l of disconnects) l();
    },
  };
  return port;
}

const contentSender = { id: EXT, tab: { id: 7 }, frameId: 3, url: "https://ehr.example.org/chart" } as never;
const frameSender = (over: Record<string, unknown> = {}) =>
  ({ id: EXT, tab: { id: 7 }, frameId: 9, url: `chrome-extension://${EXT}${FRAME}#${SESSION}`, ...over }) as never;

type Port = ReturnType<typeof fakePort>;
type Sessions = ReturnType<typeof setup>["sessions"];
const open = (sessions: Sessions, session = SESSION) => sessions.handlers["panel-open"]({ session, nonce: NONCE, state }, contentSender);
/** Connects a port and lets the background admit (or refuse) it; returns the port and what onConnect answered. */
async function connect(sessions: Sessions, sender = frameSender()) {
  const port = fakePort(`panel:${SESSION}`, sender);
  const admitted = sessions.onConnect(port as unknown as PanelPort);
  await settle();
  return { port, admitted: await admitted };
}
async function say(port: Port, message: unknown) {
  port.emit(message);
  await settle();
}
const resumeOf = (port: Port) => (port.posted[0] as { resume?: string } | undefined)?.resume;
const proceedTo = (session = SESSION) => ({
  tabId: 7,
  frameId: 3,
  message: { type: "panel-event", session, event: { type: "decision", decision: "proceed" } },
});

describe("panel sessions", () => {
  it("hands the state to the frame and forwards its decision to the frame that opened the session", async () => {
    const { sessions, sent } = setup();
    await open(sessions);
    const { port, admitted } = await connect(sessions);
    expect(admitted).toBe(true);
    expect(port.posted).toEqual([]);
    await say(port, hello);
    expect(port.posted[0]).toMatchObject({ type: "state", state: { held: true } });
    await say(port, { type: "decision", decision: "proceed" });
    expect(sent).toEqual([proceedTo()]);
  });

  it("forwards when Proceed was pressed, so the content script judges the panel as it was at the press", async () => {
    const { sessions, sent } = setup();
    await open(sessions);
    const { port } = await connect(sessions);
    await say(port, hello);
    await say(port, { type: "decision", decision: "proceed", at: 1_700_000_000_000 });
    expect(sent).toEqual([
      { ...proceedTo(), message: { ...proceedTo().message, event: { type: "decision", decision: "proceed", at: 1_700_000_000_000 } } },
    ]);
  });

  it("accepts only the first port that presents the nonce", async () => {
    const { sessions } = setup();
    await open(sessions);
    const { port: copy } = await connect(sessions);
    await say(copy, { type: "hello", nonce: "guessed-guessed-guessed" });
    expect(copy.disconnected).toBe(true);
    expect(copy.posted).toEqual([]);
    const { port: first } = await connect(sessions);
    await say(first, hello);
    expect(first.posted).toHaveLength(1);
    const second = await connect(sessions);
    await say(second.port, hello);
    expect(second.port.disconnected).toBe(true);
    expect(second.port.posted).toEqual([]);
  });

  it("does not let two racing hellos both claim the session", async () => {
    const { sessions } = setup();
    await open(sessions);
    const a = fakePort(`panel:${SESSION}`, frameSender());
    const b = fakePort(`panel:${SESSION}`, frameSender());
    void sessions.onConnect(a as unknown as PanelPort);
    void sessions.onConnect(b as unknown as PanelPort);
    a.emit(hello);
    b.emit(hello);
    await settle();
    expect([a.posted.length, b.posted.length].sort()).toEqual([0, 1]);
  });

  it.each([
    ["another tab", { tab: { id: 8 } }],
    ["a web page", { url: `https://evil.example/${FRAME}` }],
    ["another extension page", { url: `chrome-extension://${EXT}/src/popup/index.html` }],
    ["another extension", { id: "other" }],
  ])("refuses a port from %s", async (_, over) => {
    const { sessions } = setup();
    await open(sessions);
    const { port, admitted } = await connect(sessions, frameSender(over));
    expect(admitted).toBe(false);
    await say(port, hello);
    expect(port.posted).toEqual([]);
  });

  it("refuses a port for an unknown session and ignores malformed frame messages", async () => {
    const { sessions, sent } = setup();
    expect((await connect(sessions)).admitted).toBe(false);
    await open(sessions);
    const { port } = await connect(sessions);
    await say(port, { type: "decision", decision: "proceed" }); // before hello: not accepted, port dropped
    expect(port.disconnected).toBe(true);
    const { port: real } = await connect(sessions);
    await say(real, hello);
    await say(real, { type: "decision", decision: "launch" });
    await say(real, "proceed");
    expect(sent).toEqual([]);
  });

  it("lets only the owning frame update or close a session, and tells the panel frame about tampering", async () => {
    const { sessions } = setup();
    await open(sessions);
    const { port } = await connect(sessions);
    await say(port, hello);
    const stranger = { id: EXT, tab: { id: 7 }, frameId: 0 } as never;
    await expect(sessions.handlers["panel-update"]({ session: SESSION, tampered: true, controlGone: false }, stranger)).rejects.toThrow();
    await sessions.handlers["panel-update"]({ session: SESSION, tampered: true, controlGone: false }, contentSender);
    expect(port.posted.at(-1)).toEqual({ type: "page", tampered: true, controlGone: false });
    await sessions.handlers["panel-close"]({ session: SESSION }, stranger);
    expect(await sessions.size()).toBe(1);
    await sessions.handlers["panel-close"]({ session: SESSION }, contentSender);
    expect(await sessions.size()).toBe(0);
    expect(port.disconnected).toBe(true);
  });

  it("forgets a closed tab's sessions and bounds how many can be open", async () => {
    const { sessions, store } = setup();
    for (let i = 0; i < 80; i++) await open(sessions, `${SESSION}${String(i).padStart(3, "0")}`);
    expect(await sessions.size()).toBeLessThanOrEqual(50);
    expect([...store!.data.keys()].filter((k) => k.startsWith("panelSession:")).length).toBeLessThanOrEqual(50);
    await sessions.onTabRemoved(7);
    expect(await sessions.size()).toBe(0);
    expect([...store!.data.keys()].filter((k) => k.startsWith("panelSession:"))).toEqual([]);
  });

  it("works from memory where storage.session is missing", async () => {
    const { sessions, sent } = setup(undefined);
    await open(sessions);
    const { port } = await connect(sessions);
    await say(port, hello);
    await say(port, { type: "decision", decision: "proceed" });
    expect(sent).toEqual([proceedTo()]);
  });
});

describe("panel sessions across a stopped worker (storage.session)", () => {
  /** The frame claims the session on the first worker, which is then stopped: its port disconnects, its memory is gone. */
  async function heldThenStopped() {
    const first = setup();
    await open(first.sessions);
    const { port } = await connect(first.sessions);
    await say(port, hello);
    const resume = resumeOf(port);
    expect(resume).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    port.close();
    const restarted = setup(first.store, first.sent);
    return { restarted, resume: resume!, sent: first.sent };
  }

  it("the claiming frame reconnects with its token, gets its state back, and its Proceed is forwarded exactly once", async () => {
    const { restarted, resume, sent } = await heldThenStopped();
    await restarted.sessions.handlers["panel-update"]({ session: SESSION, tampered: true, controlGone: false }, contentSender);
    const { port, admitted } = await connect(restarted.sessions);
    expect(admitted).toBe(true);
    await say(port, { ...hello, resume });
    expect(port.posted[0]).toMatchObject({ type: "state", state: { held: true, tampered: true }, resume });
    await say(port, { type: "decision", decision: "proceed" });
    expect(sent).toEqual([proceedTo()]);
  });

  it("Cancel after the restart reaches the content script too", async () => {
    const { restarted, resume, sent } = await heldThenStopped();
    const { port } = await connect(restarted.sessions);
    await say(port, { ...hello, resume });
    await say(port, { type: "decision", decision: "cancel" });
    expect(sent.map((s) => s.message.event)).toEqual([{ type: "decision", decision: "cancel" }]);
  });

  it.each([
    ["without the token (a copy of the frame that learnt the nonce)", frameSender(), (_: string) => hello],
    ["with a wrong token", frameSender(), (_: string) => ({ ...hello, resume: "wrong-wrong-wrong-wrong" })],
    ["from another frame of the tab, even with the token", frameSender({ frameId: 11 }), (resume: string) => ({ ...hello, resume })],
    [
      "from a web page, even with the token",
      frameSender({ url: `https://evil.example${FRAME}` }),
      (resume: string) => ({ ...hello, resume }),
    ],
  ])("refuses a port %s", async (_, sender, helloFor) => {
    const { restarted, resume, sent } = await heldThenStopped();
    const { port } = await connect(restarted.sessions, sender);
    await say(port, helloFor(resume));
    await say(port, { type: "decision", decision: "proceed" });
    expect(port.posted).toEqual([]);
    expect(port.disconnected).toBe(true);
    expect(sent).toEqual([]);
  });

  it("admits one reconnection at a time: a second port with the token while the first is open is refused", async () => {
    const { restarted, resume } = await heldThenStopped();
    const { port: back } = await connect(restarted.sessions);
    await say(back, { ...hello, resume });
    const { port: again } = await connect(restarted.sessions);
    await say(again, { ...hello, resume });
    expect(back.posted).toHaveLength(1);
    expect(again.posted).toEqual([]);
  });

  it("keeps a held session through 5 minutes of idle time and a restart every 30 s, then Proceed goes once", async () => {
    vi.useFakeTimers({ toFake: ["Date", "performance"] });
    try {
      const first = setup();
      await open(first.sessions);
      let { port } = await connect(first.sessions);
      await say(port, hello);
      const resume = resumeOf(port)!;
      let worker = first;
      for (let idle = 0; idle < 5 * 60_000; idle += 30_000) {
        vi.advanceTimersByTime(30_000); // Chrome stops a worker idle for 30 s; nothing in the session may expire
        port.close();
        worker = setup(first.store, first.sent);
        ({ port } = await connect(worker.sessions));
        await say(port, { ...hello, resume });
        expect(port.posted[0]).toMatchObject({ type: "state", resume });
      }
      await say(port, { type: "decision", decision: "proceed" });
      expect(first.sent).toEqual([proceedTo()]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a session closed by its content script cannot be reopened after the restart", async () => {
    const { restarted, resume, sent } = await heldThenStopped();
    await restarted.sessions.handlers["panel-close"]({ session: SESSION }, contentSender);
    const { port, admitted } = await connect(restarted.sessions);
    expect(admitted).toBe(false);
    await say(port, { ...hello, resume });
    await say(port, { type: "decision", decision: "proceed" });
    expect(sent).toEqual([]);
  });

  it("ignores a corrupted stored session instead of trusting it", async () => {
    const { restarted, resume, sent } = await heldThenStopped();
    restarted.store!.data.set(`panelSession:${SESSION}`, { tabId: "7", nonce: 1 });
    const { port, admitted } = await connect(restarted.sessions);
    expect(admitted).toBe(false);
    await say(port, { ...hello, resume });
    expect(sent).toEqual([]);
  });
});
