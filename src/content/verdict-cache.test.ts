import { describe, expect, it } from "vitest";
import { createVerdictCache } from "./verdict-cache.ts";
import type { DisclosureRequest, Verdict } from "../core/schema.ts";

const request: DisclosureRequest = { purpose: "treatment", recipient: { type: "provider" }, information: ["general"] };
const verdict = (outcome: Verdict["outcome"]): Verdict => ({
  outcome,
  headline: outcome,
  reasons: [],
  conditions: [],
  cautions: [],
  minimumNecessary: "applies",
  citations: [],
});

function deferred() {
  const calls: { resolve: (v: Verdict) => void; reject: (e: Error) => void }[] = [];
  const ask = () => new Promise<Verdict>((resolve, reject) => calls.push({ resolve, reject }));
  return { calls, ask };
}

describe("verdict cache", () => {
  it("asks once per request and serves the answer synchronously afterwards", async () => {
    const { calls, ask } = deferred();
    const cache = createVerdictCache(ask);
    cache.prewarm("a", request);
    cache.prewarm("a", request);
    const viaAsk = cache.askOnce("a", request);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(verdict("allowed"));
    await viaAsk;
    expect(cache.get("a")?.outcome).toBe("allowed");
  });

  it("keeps at most four requests in flight and queues the rest", async () => {
    const { calls, ask } = deferred();
    const cache = createVerdictCache(ask);
    for (let i = 0; i < 10; i++) cache.prewarm(`k${i}`, request);
    expect(calls).toHaveLength(4);
    calls[0]!.resolve(verdict("allowed"));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(5);
  });

  it("does not cache failures, and forgets everything when settings change", async () => {
    const { calls, ask } = deferred();
    const cache = createVerdictCache(ask);
    const failing = cache.askOnce("a", request);
    calls[0]!.reject(new Error("timeout"));
    await expect(failing).rejects.toThrow("timeout");
    expect(cache.get("a")).toBeUndefined();
    cache.put("b", verdict("allowed"));
    const late = cache.askOnce("c", request);
    cache.clear();
    calls[1]!.resolve(verdict("allowed"));
    await late;
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")).toBeUndefined(); // answered for the old settings
  });
});
