import { describe, expect, it, vi } from "vitest";
import { evaluate } from "../core/evaluate.ts";
import { OUTCOMES } from "../core/schema.ts";
import { loadScenarios } from "../../test/support/shared.ts";
import { MESSAGES, PanelEvent as FullPanelEvent } from "../messaging/messages.ts";
import { INTERCEPTION_MODES } from "../settings/schema.ts";
import { PanelEvent } from "./panel-part.ts";
import { type ContentMessage, readReply, WireError } from "./wire.ts";

vi.mock("./extension.ts", () => ({ browser: {} }));

const SESSION = "abcdefghijklmnop1234";
const request = { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] };

describe("content wire schemas stay in step with src/messaging", () => {
  const samples: unknown[] = [
    { type: "panel-event", session: SESSION, event: { type: "decision", decision: "proceed" } },
    { type: "panel-event", session: SESSION, event: { type: "decision", decision: "cancel" } },
    { type: "panel-event", session: SESSION, event: { type: "size", height: 320 } },
    ...OUTCOMES.map((outcome) => ({ type: "panel-event", session: SESSION, event: { type: "outcome", outcome, request } })),
    { type: "panel-event", session: SESSION, event: { type: "decision", decision: "launch" } },
    { type: "panel-event", session: "short", event: { type: "decision", decision: "proceed" } },
    { type: "panel-event", session: SESSION, event: { type: "size", height: -1 } },
    { type: "panel-event", session: SESSION, event: { type: "size", height: 1.5 } },
    { type: "panel-event", session: SESSION, event: { type: "outcome", outcome: "maybe", request } },
    { type: "verdict", payload: {} },
    "proceed",
    null,
  ];
  it.each(samples.map((s) => [JSON.stringify(s), s]))("agrees on %s", (_, sample) => {
    expect(PanelEvent.safeParse(sample).success).toBe(FullPanelEvent.safeParse(sample).success);
  });

  it("knows every outcome and mode the full schemas know", () => {
    for (const outcome of OUTCOMES) {
      expect(PanelEvent.safeParse({ type: "panel-event", session: SESSION, event: { type: "outcome", outcome, request } }).success).toBe(
        true,
      );
    }
    for (const mode of INTERCEPTION_MODES) expect(MESSAGES["content-config"].response.safeParse({ mode }).success).toBe(true);
  });
});

describe("the content script's reply guard", () => {
  const verdicts = loadScenarios().map((scenario) => evaluate(scenario.request, scenario.profile));
  const replies: [ContentMessage, unknown][] = [
    ...verdicts.map((verdict): [ContentMessage, unknown] => ["verdict", { verdict }]),
    ...INTERCEPTION_MODES.map((mode): [ContentMessage, unknown] => ["content-config", { mode }]),
    ...(["action-detected", "panel-open", "panel-part", "panel-update", "panel-close"] as const).map((type): [ContentMessage, unknown] => [
      type,
      {},
    ]),
  ];

  it("reads every reply the background's full schemas let out", () => {
    expect(new Set(verdicts.map((v) => v.outcome)).size).toBeGreaterThan(2);
    for (const [type, data] of replies) {
      expect(MESSAGES[type].response.safeParse(data).success).toBe(true);
      expect(readReply(type, { ok: true, data })).toBe(data);
    }
  });

  it.each([
    ["verdict", { ok: true, data: { verdict: { outcome: "allowed-ish", headline: "Allowed" } } }],
    ["verdict", { ok: true, data: { verdict: { outcome: "allowed" } } }],
    ["verdict", { ok: true, data: {} }],
    ["verdict", { ok: true }],
    ["verdict", { data: { verdict: { outcome: "allowed", headline: "Allowed" } } }],
    ["verdict", [{ ok: true }]],
    ["verdict", "allowed"],
    ["verdict", undefined],
    ["content-config", { ok: true, data: { mode: "everything" } }],
    ["panel-part", { ok: true, data: null }],
  ] as [ContentMessage, unknown][])("rejects %s reply %j, which the full schemas reject too", (type, reply) => {
    const data = (reply as { data?: unknown } | undefined)?.data;
    expect(MESSAGES[type].response.safeParse(data).success).toBe(false);
    expect(() => readReply(type, reply)).toThrow(WireError);
  });

  it("turns the router's error reply into a WireError with its message", () => {
    expect(() => readReply("verdict", { ok: false, error: "Malformed message at request" })).toThrow("Malformed message at request");
  });
});
