/**
 * Verdicts per request, asked ahead of time (when a control appears or a recipient field changes)
 * so that at click time a clearly allowed action is decided synchronously and not interrupted.
 * Bounded in size and in requests in flight, whatever the page throws at it.
 */
import type { DisclosureRequest, Verdict } from "../core/schema.ts";
import type { DetectedCue } from "../detect/action.ts";

const MAX_ENTRIES = 200;
const MAX_IN_FLIGHT = 4;
const MAX_QUEUED = 100;

/** `cues`: what the page showed of the record's content, for the background to add the kinds they name. */
export type Ask = (request: DisclosureRequest, cues?: readonly DetectedCue[]) => Promise<Verdict>;
type Question = [request: DisclosureRequest, cues?: readonly DetectedCue[]];

export function createVerdictCache(ask: Ask) {
  const verdicts = new Map<string, Verdict>();
  const pending = new Map<string, { promise: Promise<Verdict>; generation: number }>();
  const queue = new Map<string, Question>();
  let generation = 0;

  function remember(key: string, verdict: Verdict) {
    verdicts.delete(key);
    verdicts.set(key, verdict);
    if (verdicts.size > MAX_ENTRIES) verdicts.delete(verdicts.keys().next().value as string);
  }

  function askOnce(key: string, request: DisclosureRequest, cues?: readonly DetectedCue[]): Promise<Verdict> {
    const inFlight = pending.get(key);
    if (inFlight?.generation === generation) return inFlight.promise;
    const started = generation;
    const promise = ask(request, cues)
      .then((verdict) => {
        if (started === generation) remember(key, verdict);
        return verdict;
      })
      .finally(() => {
        if (pending.get(key)?.promise === promise) pending.delete(key);
        pump();
      });
    pending.set(key, { promise, generation: started });
    return promise;
  }

  function pump() {
    for (const [key, [request, cues]] of queue) {
      if (pending.size >= MAX_IN_FLIGHT) return;
      queue.delete(key);
      if (!verdicts.has(key)) askOnce(key, request, cues).catch(() => undefined);
    }
  }

  return {
    get: (key: string) => verdicts.get(key),
    /** The answer already asked for this request (when the pointer went down), if it has not come yet. */
    inFlight(key: string): Promise<Verdict> | undefined {
      const inFlight = pending.get(key);
      return inFlight?.generation === generation ? inFlight.promise : undefined;
    },
    put: remember,
    askOnce,
    /** Ask in the background; failures are ignored (the click path asks again and reports). */
    prewarm(key: string, request: DisclosureRequest, cues?: readonly DetectedCue[]) {
      if (verdicts.has(key) || pending.get(key)?.generation === generation || queue.has(key) || queue.size >= MAX_QUEUED) return;
      queue.set(key, [request, cues]);
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
