/**
 * The content script's own per-page work, bundled into a plain page by content.bench.ts, with the
 * same code the content script runs (src/content, src/detect):
 * - on load: the observer's first batch is a scan of the document, then the controls in view are
 *   described (recipient read, request built) to ask their verdicts ahead, for up to SLICE_MS in that
 *   task; the rest are read in later idle periods (timed apart: `warmRestMs`);
 * - a batch of 500 added nodes: the observer's batch handler, then the same for the controls in view;
 * - "Check this page" (popup, one-off): scan plus every distinct action described (no budget).
 */
import { createDescriptionCache } from "../../src/content/describe.ts";
import { MAX_PER_BATCH, SLICE_MS, warmBatch } from "../../src/content/prewarm.ts";
import { scanPage } from "../../src/content/scan.ts";
import { createDetector } from "../../src/detect/detector.ts";
import { createBatchHandler } from "../../src/detect/observe.ts";
import { addBatch, buildEhrPage } from "./detect-page.ts";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export interface ContentBenchResult {
  elements: number;
  loadMedianMs: number;
  warmedOnLoad: number;
  /** Controls left to later idle periods by the load task, and the median time to read them. */
  deferredOnLoad: number;
  warmRestMs: number;
  batchMedianMs: number;
  checkPageMedianMs: number;
  reported: number;
}

export function runContentBench(doc: Document, runs = 21): ContentBenchResult {
  const detector = createDetector();
  const elements = buildEhrPage(doc);
  const loads: number[] = [];
  const rests: number[] = [];
  let warmedOnLoad = 0;
  let deferredOnLoad = 0;
  for (let i = 0; i < runs; i++) {
    const descriptions = createDescriptionCache(detector);
    const start = performance.now();
    const found = detector.scan(doc);
    const { read, rest } = warmBatch(found, descriptions, () => undefined, performance.now() + SLICE_MS);
    loads.push(performance.now() - start);
    const later = performance.now();
    deferredOnLoad = warmBatch(rest, descriptions, () => undefined, Infinity, MAX_PER_BATCH - read.length).read.length;
    rests.push(performance.now() - later);
    warmedOnLoad = read.length;
  }
  const batches: number[] = [];
  for (let i = 0; i < runs; i++) {
    const handle = createBatchHandler();
    const descriptions = createDescriptionCache(detector);
    const nodes = addBatch(doc);
    (nodes[0]?.parentNode as Element | null)?.scrollIntoView(); // the new content in view: the costlier case
    const start = performance.now();
    warmBatch(handle(nodes), descriptions, () => undefined, performance.now() + SLICE_MS);
    batches.push(performance.now() - start);
    (nodes[0]?.parentNode as Element | null)?.remove();
  }
  const checks: number[] = [];
  let reported = 0;
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const start = performance.now();
    reported = scanPage(detector, doc).length;
    checks.push(performance.now() - start);
  }
  return { elements, loadMedianMs: median(loads), warmedOnLoad, deferredOnLoad, warmRestMs: median(rests), batchMedianMs: median(batches), checkPageMedianMs: median(checks), reported };
}
