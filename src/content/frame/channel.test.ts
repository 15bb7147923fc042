// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeEvent } from "../../../test/support/fake-browser.ts";
import type { FromPanelFrame } from "../../messaging/messages.ts";
import { PANEL_BEAT } from "./beat.ts";

/** A port as runtime.connect gives it: what the frame posted, and the background's side to answer or drop it. */
class FakePort {
  readonly posted: unknown[] = [];
  readonly onMessage = new FakeEvent<(message: unknown) => void>();
  readonly onDisconnect = new FakeEvent<() => void>();
  constructor(readonly name: string) {}
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  disconnect() {}
  /** The background accepts the session and sends its state (with the resume token). */
  accept() {
    this.onMessage.emit({ type: "state", state: STATE, resume: RESUME });
  }
  /** The worker stops. */
  drop() {
    this.onDisconnect.emit();
  }
}

const ports: FakePort[] = [];
/** The extension's id as the frame sees it: undefined once Firefox has torn the add-on down. */
const runtime: { id: string | undefined } = vi.hoisted(() => ({ id: "sharecheck@example" }));
vi.mock("../../platform/browser.ts", () => ({
  browser: {
    runtime: {
      get id() {
        return runtime.id;
      },
      connect: ({ name }: { name: string }) => {
        const port = new FakePort(name);
        ports.push(port);
        return port;
      },
    },
  },
}));
const { connectPanel } = await import("./channel.ts");

const SESSION = "sessionsessionsession1";
const NONCE = "noncenoncenoncenonce22";
const RESUME = "resumeresumeresume333";
const STATE = {
  held: true,
  action: { kind: "direct", label: "Send", origin: "https://ehr.example" },
  request: { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] },
};

function beat(nonce?: string) {
  window.dispatchEvent(
    new MessageEvent("message", {
      data: { type: PANEL_BEAT, token: `t${Math.random().toString(36).slice(2, 8)}`, ...(nonce ? { nonce } : {}) },
      source: window,
    }),
  );
}

const decisions = (port: FakePort) => port.posted.filter((m) => (m as FromPanelFrame).type === "decision");

describe("the panel frame's channel to the background", () => {
  afterEach(() => {
    ports.length = 0;
    runtime.id = "sharecheck@example";
    vi.useRealTimers();
  });

  it("says the extension is gone within a second of its APIs going, with no port event (Firefox removing the add-on)", () => {
    vi.useFakeTimers();
    const lost = vi.fn();
    connectPanel(SESSION, () => undefined, lost);
    beat(NONCE);
    ports[0]!.accept();
    vi.advanceTimersByTime(5_000);
    expect(lost).not.toHaveBeenCalled();
    runtime.id = undefined;
    vi.advanceTimersByTime(1_000);
    expect(lost).toHaveBeenCalledExactlyOnceWith("extension");
    vi.advanceTimersByTime(5_000);
    expect(lost).toHaveBeenCalledOnce();
  });

  it("says the connection is lost, not the extension, when a session is refused while the extension is there", () => {
    const lost = vi.fn();
    connectPanel(SESSION, () => undefined, lost);
    beat(NONCE);
    ports[0]!.drop(); // never accepted: the session is not ours
    expect(lost).toHaveBeenCalledExactlyOnceWith("connection");
  });

  it("sends a decision again on the new port when the worker stopped just after it went out", () => {
    const channel = connectPanel(
      SESSION,
      () => undefined,
      () => undefined,
    );
    beat(NONCE);
    expect(ports).toHaveLength(1);
    const first = ports[0]!;
    first.accept();
    const proceed = { type: "decision", decision: "proceed", at: Date.now() } as const;
    channel.post(proceed);
    expect(decisions(first)).toEqual([proceed]);
    first.drop(); // before the worker passed it on
    expect(ports).toHaveLength(2);
    const second = ports[1]!;
    expect(second.posted[0]).toMatchObject({ type: "hello", resume: RESUME });
    expect(decisions(second)).toEqual([]); // nothing goes before the background takes the session back
    second.accept();
    expect(decisions(second)).toEqual([proceed]); // the same press, with its own time
  });

  it("sends a decision again after each drop for ten seconds after the press, then no more", () => {
    vi.useFakeTimers();
    const channel = connectPanel(
      SESSION,
      () => undefined,
      () => undefined,
    );
    beat(NONCE);
    ports[0]!.accept();
    channel.post({ type: "decision", decision: "proceed", at: Date.now() });
    vi.advanceTimersByTime(11_000); // the content script had long since ended the session, or refused it
    ports[0]!.drop();
    ports[1]!.accept();
    expect(decisions(ports[1]!)).toEqual([]);

    channel.post({ type: "decision", decision: "proceed", at: Date.now() });
    ports[1]!.drop();
    ports[2]!.accept();
    expect(decisions(ports[2]!)).toHaveLength(1);
    ports[2]!.drop();
    ports[3]!.accept();
    expect(decisions(ports[3]!)).toHaveLength(1); // the copy went over a port that dropped too: it may still be lost
    vi.advanceTimersByTime(11_000);
    ports[3]!.drop();
    ports[4]!.accept();
    expect(decisions(ports[4]!)).toEqual([]); // ten seconds after the press, no more copies
  });
});
