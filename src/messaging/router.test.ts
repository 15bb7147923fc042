import { describe, expect, it, vi } from "vitest";
import type { Verdict } from "../core/schema.ts";
import type { Runtime } from "../platform/browser.ts";
import { classifySender, createRouter, type Handlers } from "./router.ts";

const self = { id: "sharecheck-id", origin: "chrome-extension://sharecheck-id/" };
const optionsPage: Runtime.MessageSender = { id: self.id, url: `${self.origin}src/options/index.html` };
const contentScript: Runtime.MessageSender = {
  id: self.id,
  url: "https://ehr.example.org/chart",
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
};

const verdict: Verdict = {
  outcome: "allowed",
  headline: "Allowed for treatment.",
  reasons: [],
  conditions: [],
  cautions: [],
  minimumNecessary: "not-applicable",
  citations: [],
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unexpected = () => {
    throw new Error("unexpected call");
  };
  return {
    verdict: vi.fn(() => ({ verdict })),
    "action-detected": vi.fn(() => ({})),
    "recipient-suggestions": vi.fn(unexpected),
    "last-action": vi.fn(unexpected),
    "scan-tab": vi.fn(unexpected),
    "content-config": vi.fn(() => ({ mode: "confirm-risky" as const })),
    "panel-open": vi.fn(unexpected),
    "panel-part": vi.fn(unexpected),
    "warm-part": vi.fn(unexpected),
    "reader-part": vi.fn(unexpected),
    "click-in-page": vi.fn(unexpected),
    "panel-update": vi.fn(unexpected),
    "panel-close": vi.fn(unexpected),
    "settings-get": vi.fn(unexpected),
    "settings-save": vi.fn(unexpected),
    "sites-sync": vi.fn(() => ({ granted: ["https://ehr.example.org/*"] })),
    "audit-list": vi.fn(unexpected),
    "audit-clear": vi.fn(unexpected),
    ...overrides,
  };
}

const verdictMessage = { type: "verdict", payload: { request: { purpose: "treatment", recipient: { type: "provider" } } } };

describe("classifySender", () => {
  it("tells our pages, our content scripts and everything else apart", () => {
    expect(classifySender(optionsPage, self.id, self.origin)).toBe("extension-page");
    expect(classifySender(contentScript, self.id, self.origin)).toBe("content-script");
    expect(classifySender({ ...contentScript, id: "other-extension" }, self.id, self.origin)).toBe("foreign");
    expect(classifySender({ id: self.id, url: "https://ehr.example.org/" }, self.id, self.origin)).toBe("foreign");
    expect(classifySender({}, self.id, self.origin)).toBe("foreign");
  });
});

describe("createRouter", () => {
  it("drops messages from another extension without answering or calling a handler", () => {
    const h = handlers();
    const route = createRouter(h, self);
    expect(route(verdictMessage, { ...contentScript, id: "evil" })).toBeUndefined();
    expect(route(verdictMessage, { url: "https://ehr.example.org/" })).toBeUndefined();
    expect(h.verdict).not.toHaveBeenCalled();
  });

  it("answers a valid message with the handler's parsed reply, passing the parsed payload and sender", async () => {
    const h = handlers();
    const reply = await createRouter(h, self)(verdictMessage, contentScript);
    expect(reply).toEqual({ ok: true, data: { verdict } });
    expect(h.verdict).toHaveBeenCalledWith(
      { request: { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] } },
      contentScript,
    );
  });

  it.each([
    ["not an object", "hello"],
    ["null", null],
    ["an unknown type", { type: "delete-everything", payload: {} }],
    ["a bad payload", { type: "last-action", payload: { tabId: "seven" } }],
    ["a missing payload", { type: "settings-get" }],
  ])("answers %s with an error reply instead of throwing", async (_, message) => {
    const reply = await createRouter(handlers(), self)(message, optionsPage);
    expect(reply).toMatchObject({ ok: false });
    expect((reply as { error: string }).error).toMatch(/^Malformed message/);
  });

  it("names the bad field in the error", async () => {
    const reply = await createRouter(handlers(), self)({ type: "last-action", payload: { tabId: "seven" } }, optionsPage);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining("payload.tabId") });
  });

  it("refuses settings-save and other page-only messages from a content script", async () => {
    const h = handlers({ "settings-save": vi.fn() });
    const route = createRouter(h, self);
    const save = {
      type: "settings-save",
      payload: { settings: { version: 1, profile: { organization: { name: "x", role: "provider" }, acos: [] } } },
    };
    expect(await route(save, contentScript)).toEqual({ ok: false, error: '"settings-save" is not accepted from a web page' });
    expect(await route({ type: "sites-sync", payload: {} }, contentScript)).toMatchObject({ ok: false });
    expect(h["settings-save"]).not.toHaveBeenCalled();
    expect(h["sites-sync"]).not.toHaveBeenCalled();
    // The ACO lists' names are for our own pages: a page must not read them through the suggestions.
    expect(await route({ type: "recipient-suggestions", payload: { query: "a" } }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ type: "content-config", payload: {} }, contentScript)).toEqual({ ok: true, data: { mode: "confirm-risky" } });
    expect(await route({ type: "sites-sync", payload: {} }, optionsPage)).toEqual({
      ok: true,
      data: { granted: ["https://ehr.example.org/*"] },
    });
  });

  it("turns a throwing or rejecting handler into an error reply", async () => {
    const route = createRouter(
      handlers({
        "audit-list": () => {
          throw new Error("storage is gone");
        },
        "audit-clear": () => Promise.reject(new Error("still gone")),
      }),
      self,
    );
    expect(await route({ type: "audit-list", payload: {} }, optionsPage)).toEqual({ ok: false, error: "storage is gone" });
    expect(await route({ type: "audit-clear", payload: {} }, optionsPage)).toEqual({ ok: false, error: "still gone" });
  });

  it("refuses to pass on a handler reply that breaks the response schema", async () => {
    const route = createRouter(handlers({ verdict: () => ({ verdict: { outcome: "probably-fine" } }) as never }), self);
    expect(await route(verdictMessage, contentScript)).toMatchObject({ ok: false });
  });
});
