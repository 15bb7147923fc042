// Mozilla's linter (the one addons.mozilla.org runs) must find no errors in the Firefox builds.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { DIST, requireBuilt, ROOT, test } from "./harness/index.ts";

type LintMessage = { code: string; message: string; file?: string };
type LintReport = { summary: { errors: number; warnings: number }; errors: LintMessage[]; warnings: LintMessage[] };

async function lint(dir: string): Promise<LintReport> {
  const bin = join(ROOT, "node_modules/.bin/web-ext");
  // web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(
    bin,
    ["lint", "--source-dir", requireBuilt(dir), "--output=json", "--no-input", "--no-config-discovery"],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  return JSON.parse(stdout) as LintReport;
}

for (const [name, dir] of [
  ["dist/firefox", DIST.firefox],
  ["dist/demo-firefox", DIST.demoFirefox],
] as const) {
  test(`web-ext lint reports 0 errors on ${name}`, async () => {
    const report = await lint(dir);
    const describe = (m: LintMessage): string => `${m.code}: ${m.message}${m.file ? ` (${m.file})` : ""}`;
    if (report.warnings.length) console.log(`${name} lint warnings:\n  ${report.warnings.map(describe).join("\n  ")}`);
    assert.equal(report.summary.errors, 0, report.errors.map(describe).join("\n"));
  });
}
