/**
 * `npm run build`: writes the four unpacked extensions.
 *   dist/chrome, dist/firefox             what we ship (EHR sites only through optional host permissions)
 *   dist/demo-chrome, dist/demo-firefox   the very same files, with the local demo portal
 *                                         (http://localhost/*, http://127.0.0.1/*) watched out of the box
 * The code is bundled once per browser; the content script (and its on-demand panel, scan and idle pre-warm parts) once for both (browser-neutral);
 * the demo variants are copies with a derived manifest, so they cannot differ in code.
 */
import { copyFileSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import {
  browserOf,
  CONTENT_PANEL_FILE,
  CONTENT_READER_FILE,
  CONTENT_SCAN_FILE,
  CONTENT_SCRIPT_FILE,
  CONTENT_WARM_FILE,
  demoManifest,
  manifestProblems,
  TARGETS,
  type Browser,
  type Manifest,
  type Target,
} from "./manifest.ts";

const root = join(import.meta.dirname, "../..");
const configFile = join(root, "vite.config.ts");
export const distDir = (target: Target): string => join(root, "dist", target);

async function viteBuild(
  mode: Browser | "content" | "content-panel" | "content-scan" | "content-warm" | "content-reader",
  outDir: string,
): Promise<void> {
  await build({ configFile, mode, logLevel: "warn", build: { outDir } });
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
}

export async function buildAll(): Promise<void> {
  const started = Date.now();
  rmSync(join(root, "dist"), { recursive: true, force: true });
  for (const browser of ["chrome", "firefox"] as const) await viteBuild(browser, distDir(browser));
  await viteBuild("content", distDir("chrome"));
  await viteBuild("content-panel", distDir("chrome"));
  await viteBuild("content-scan", distDir("chrome"));
  await viteBuild("content-warm", distDir("chrome"));
  await viteBuild("content-reader", distDir("chrome"));
  for (const file of [CONTENT_SCRIPT_FILE, CONTENT_PANEL_FILE, CONTENT_SCAN_FILE, CONTENT_WARM_FILE, CONTENT_READER_FILE])
    copyFileSync(join(distDir("chrome"), file), join(distDir("firefox"), file));

  for (const browser of ["chrome", "firefox"] as const) {
    const demo: Target = `demo-${browser}`;
    cpSync(distDir(browser), distDir(demo), { recursive: true });
    writeFileSync(
      join(distDir(demo), "manifest.json"),
      `${JSON.stringify(demoManifest(readManifest(distDir(browser)), browser), null, 2)}\n`,
    );
  }

  const problems = TARGETS.flatMap((target) => manifestProblems(readManifest(distDir(target)), target).map((p) => `dist/${target}: ${p}`));
  if (problems.length) throw new Error(`manifest check failed:\n  ${problems.join("\n  ")}`);
  for (const target of TARGETS) console.log(`built dist/${target} (${browserOf(target)})`);
  console.log(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === import.meta.filename) {
  buildAll().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
