/**
 * The page the detection benchmark measures, built with plain DOM calls so the same code runs in
 * happy-dom (detect.bench.ts) and in a real browser (bundled and injected by detect.bench.ts, or by a
 * browser bench): a 20,000-element EHR-like page.
 */
import { scanForActions } from "../../src/detect/index.ts";

/** One patient row of a worklist: 8 elements (9 with the icon), one "Share" control in every tenth row, a look-alike elsewhere. */
function row(i: number): string {
  const action =
    i % 10 === 0
      ? '<button class="btn" aria-label="Share patient record"><svg aria-hidden="true"></svg></button>'
      : '<button class="btn">Open</button>';
  return `<tr><td><span class="name">Patient ${i}</span></td><td>MRN ${100000 + i}</td><td><a href="#p${i}">Chart</a></td><td>${action}</td></tr>`;
}

/** Builds about `elements` elements under body: header, toolbars, menus, a referral composer, worklist tables, a web component. */
export function buildEhrPage(doc: Document, elements = 20_000): number {
  const chrome = `
    <header class="patient-banner"><span>John Doe</span><span>DOB 1970-01-01</span><button>Print</button><button>Share screen</button></header>
    <nav>${Array.from({ length: 20 }, (_, i) => `<a href="#n${i}">Section ${i}</a>`).join("")}<a href="/referrals">Referrals</a></nav>
    <div class="toolbar"><button><span>Send</span> <span>Referral</span></button><button>Export CCDA</button>
      <ul role="menu" hidden><li role="menuitem">Fax chart</li><li role="menuitem">Send via Direct</li><li role="menuitem">Print</li></ul></div>
    <form class="composer"><label>From <input value="Dr. Alice Smith"></label><label>Refer to <input value="Dr. Bob Jones"></label>
      <button>Save draft</button><button>Send referral</button></form>
    <ehr-widget></ehr-widget>`;
  doc.body.innerHTML = `${chrome}<main></main>`;
  const widget = doc.querySelector("ehr-widget");
  widget?.attachShadow({ mode: "open" }).replaceChildren(Object.assign(doc.createElement("button"), { textContent: "Fax" }));
  const main = doc.querySelector("main")!;
  const have = doc.body.getElementsByTagName("*").length;
  // 8.1 elements per row on average, plus a panel and table wrapper per 200 rows.
  const rows = Math.max(0, Math.floor((elements - have) / 8.12));
  const tables: string[] = [];
  for (let start = 0; start < rows; start += 200) {
    const body = Array.from({ length: Math.min(200, rows - start) }, (_, k) => row(start + k)).join("");
    tables.push(`<div class="panel"><table><tbody>${body}</tbody></table></div>`);
  }
  main.innerHTML = tables.join("");
  return doc.body.getElementsByTagName("*").length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export interface DetectBenchResult {
  elements: number;
  candidates: number;
  scanMedianMs: number;
}

/** Builds the page in `doc`, then times scanForActions (median of `runs`): what "Check this page" walks. */
export function runDetectBench(doc: Document, runs = 21, now: () => number = () => performance.now()): DetectBenchResult {
  const elements = buildEhrPage(doc);
  let candidates = 0;
  const scans: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    candidates = scanForActions(doc).length;
    scans.push(now() - start);
  }
  return { elements, candidates, scanMedianMs: median(scans) };
}
