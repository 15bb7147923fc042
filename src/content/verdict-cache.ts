/**
 * Verdicts per request, asked ahead of time (when a control appears or a recipient field changes)
 * so that at click time a clearly allowed action is decided synchronously and not interrupted.
 * Bounded in size and in requests in flight, whatever the page throws at it.
 */
import type { DisclosureRequest, Verdict } from "../core/schema.ts";

const MAX_ENTRIES = 200;
const MAX_IN_FLIGHT = 4;
const MAX_QUEUED = 100;

export type Ask = (request: DisclosureRequest) => Promise<Verdict>;

export function createVerdictCache(ask: Ask) {
  const verdicts = new Map<string, Verdict>();
  const pending = new Map<string, Promise<Verdict>>();
  const queue = new Map<string, DisclosureRequest>();
  let generation = 0;

  function remember(key: string, verdict: Verdict) {
    verdicts.delete(key);
    verdicts.set(key, verdict);
    if (verdicts.size > MAX_ENTRIES) verdicts.delete(verdicts.keys().next().value as string);
  }

  function askOnce(key: string, request: DisclosureRequest): Promise<Verdict> {
    const inFlight = pending.get(key);
    if (inFlight) return inFlight;
    const started = generation;
    const promise = ask(request)
      .then((verdict) => {
        if (started === generation) remember(key, verdict);
        return verdict;
      })
      .finally(() => {
        pending.delete(key);
        pump();
      });
    pending.set(key, promise);
    return promise;
  }

  function pump() {
    for (const [key, request] of queue) {
      if (pending.size >= MAX_IN_FLIGHT) return;
      queue.delete(key);
      if (!verdicts.has(key)) askOnce(key, request).catch(() => undefined);
    }
  }

  return {
    get: (key: string) => verdicts.get(key),
    put: remember,
    askOnce,
    /** Ask in the background; failures are ignored (the click path asks again and reports). */
    prewarm(key: string, request: DisclosureRequest) {
      if (verdicts.has(key) || pending.has(key) || queue.has(key) || queue.size >= MAX_QUEUED) return;
      queue.set(key, request);
      pump();
    },
    /** Settings changed: earlier verdicts may no longer hold. */
    clear() {
      generation++;
      verdicts.clear();
      queue.clear();
    },
  };
}
export type VerdictCache = ReturnType<typeof createVerdictCache>;
