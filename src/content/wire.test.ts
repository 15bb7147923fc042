import { describe, expect, it, vi } from "vitest";
import { OUTCOMES } from "../core/schema.ts";
import { MESSAGES, PanelEvent as FullPanelEvent } from "../messaging/messages.ts";
import { INTERCEPTION_MODES } from "../settings/schema.ts";
import { PanelEvent } from "./panel-part.ts";

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
