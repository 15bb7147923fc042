/**
 * `npm run bench`: runs every test/bench/*.bench.ts in name order, each module's default export
 * (`async () => void`, which prints its own numbers beside their budgets). Benchmarks, not tests:
 * a slow result is printed, not failed; a bench that throws makes the run exit non-zero.
 * `npm run bench -- detect` runs only the benches whose file name contains "detect".
 */
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const filters = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();

if (files.length === 0) console.log(`no benchmarks${filters.length ? ` matching ${filters.join(", ")}` : ""} in test/bench/`);

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file.replace(/\.bench\.ts$/, "")} (${file}) ===`);
  const started = performance.now();
  try {
    const bench = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { default?: unknown };
    if (typeof bench.default !== "function") throw new Error("has no default export `async () => void`");
    await (bench.default as () => Promise<void>)();
    console.log(`--- ${file} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed++;
    console.error(`--- ${file} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
if (failed) {
  console.error(`\n${failed} of ${files.length} benchmark(s) failed`);
  process.exit(1);
}
