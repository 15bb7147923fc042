/**
 * The content script's own per-page work, bundled into a plain page by content.bench.ts, with the
 * same code the content script runs (src/content, src/detect). At load it does nothing; then:
 * - at idle after load: the send controls in view are pre-warmed in slices (createIdleScan) of at most
 *   SLICE_MS each: the longest slice, all slices together, and how many recipient reads they made;
 * - when the pointer presses a control: the control read live (classify, recipient, request);
 * - "Check this page" (popup, one-off): scan plus every distinct action described (no budget).
 */
import { describeControl } from "../../src/content/describe.ts";
import { createDescriptionCache } from "../../src/content/description-cache.ts";
import { createIdleScan, SLICE_MS } from "../../src/content/idle-warm.ts";
import { scanPage } from "../../src/content/scan.ts";
import { createDetector } from "../../src/detect/detector.ts";
import { pageReader } from "../../src/detect/reader.ts";
import { buildEhrPage } from "./detect-page.ts";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export interface ContentBenchResult {
  elements: number;
  /** The idle pre-warm after load: its longest slice, its slices together, their count, the recipients read. */
  sliceMaxMs: number;
  idleTotalMs: number;
  slices: number;
  reads: number;
  pressMedianMs: number;
  checkPageMedianMs: number;
  reported: number;
}

export function runContentBench(doc: Document, runs = 21): ContentBenchResult {
  const detector = createDetector(pageReader);
  const elements = buildEhrPage(doc);
  const totals: number[] = [];
  const longest: number[] = [];
  let slices = 0;
  let reads = 0;
  for (let i = 0; i < runs; i++) {
    // The content script's own scan, each slice offered a whole SLICE_MS as an idle page offers.
    const scan = createIdleScan(detector, createDescriptionCache(detector, describeControl, true), doc, () => undefined);
    let total = 0;
    let max = 0;
    let made = 0;
    let more = true;
    slices = 0;
    while (more) {
      const start = performance.now();
      const done = scan(SLICE_MS);
      const took = performance.now() - start;
      more = done.more;
      made += done.reads;
      total += took;
      max = Math.max(max, took);
      slices++;
    }
    totals.push(total);
    longest.push(max);
    reads = made;
  }
  const presses: number[] = [];
  const controls = Array.from(doc.querySelectorAll("button")).filter((b) => detector.classify(b));
  for (let i = 0; i < runs; i++) {
    const control = controls[(i * 37) % controls.length]!;
    const start = performance.now();
    describeControl(detector, control);
    presses.push(performance.now() - start);
  }
  const checks: number[] = [];
  let reported = 0;
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const start = performance.now();
    reported = scanPage(detector, doc).length;
    checks.push(performance.now() - start);
  }
  return {
    elements,
    sliceMaxMs: median(longest),
    idleTotalMs: median(totals),
    slices,
    reads,
    pressMedianMs: median(presses),
    checkPageMedianMs: median(checks),
    reported,
  };
}
