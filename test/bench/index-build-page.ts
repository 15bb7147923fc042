/**
 * Runs in a Chromium page (bundled by core.bench.ts): the core bench's 50,000-participant profile,
 * through storage's round trip (structured clone, as the background reads it) and zod, then the
 * index built once, cold, in this page's fresh engine, as a service worker that just started builds it.
 */
import { OrgProfile, buildAcoIndex } from "../../src/core/index.ts";
import { bigProfile } from "../support/profiles.ts";

export interface IndexBuildResult {
  /** The first build in this page: code not yet optimised, as in a worker that just started. */
  firstMs: number;
  /** Builds after it, sorted. */
  laterMs: number[];
  participants: number;
}

export function runIndexBuild(): IndexBuildResult {
  const parsed = OrgProfile.parse(structuredClone(bigProfile()));
  const t0 = performance.now();
  const index = buildAcoIndex(parsed);
  const firstMs = performance.now() - t0;
  const laterMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    buildAcoIndex(parsed);
    laterMs.push(performance.now() - t);
  }
  return { firstMs, laterMs: laterMs.sort((a, b) => a - b), participants: index.participants };
}
