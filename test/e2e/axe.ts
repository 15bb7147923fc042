/**
 * axe-core in any page the harness drives (Playwright or Puppeteer). The library is evaluated through the
 * automation protocol rather than injected as a <script>, so an extension page's strict CSP does not block it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

type Evaluates = { evaluate(expression: string): Promise<unknown> };

/** Runs axe on the page (or on the part matching `selector`) and returns its violations. */
export async function axeViolations(page: Evaluates, selector?: string): Promise<AxeViolation[]> {
  await page.evaluate(`(() => { if (!window.axe) { ${source}\n } return true; })()`);
  const context = selector ? JSON.stringify(selector) : "document";
  return (await page.evaluate(`window.axe.run(${context}, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => String(n.target)),
  })))`)) as AxeViolation[];
}

/** A readable assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    at ${v.targets.slice(0, 5).join("\n    at ")}`).join("\n");
}
