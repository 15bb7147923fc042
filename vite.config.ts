/**
 * Build targets, one per Vite mode (src/tools/build.ts runs them in order and derives the demo variants):
 *   --mode chrome | firefox   the extension pages and background through @crxjs/vite-plugin,
 *                             from manifest.json with the browser's derived manifest
 *   --mode content            the content script as ONE self-contained classic script (content.js):
 *                             it is registered at run time with scripting.registerContentScripts,
 *                             which takes plain files, so no loader, no chunks, no dynamic imports.
 *   --mode content-panel      the part of it only a panel needs (content-panel.js), the same way: the
 *                             background injects it into a frame on demand (scripting.executeScript).
 *   --mode content-scan       "Check this page"'s scan (content-scan.js), injected the same way for the check only.
 *   --mode content-warm       the idle pre-warm of the send controls in view (content-warm.js), injected the same way
 *                             once the page is idle.
 *   --mode content-reader     the reader of a control's surroundings (content-reader.js), injected the same way when
 *                             the pointer first moves over a frame, or at its first press, focus or key.
 * Output goes to dist/<mode> unless the caller overrides build.outDir (the orchestrator does).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, type Plugin } from "vite";
import preact from "@preact/preset-vite";
import { crx, type ManifestV3Export } from "@crxjs/vite-plugin";
import {
  browserManifest,
  CONTENT_FRAME_PAGE,
  CONTENT_PANEL_FILE,
  CONTENT_READER_FILE,
  CONTENT_SCAN_FILE,
  CONTENT_SCRIPT_FILE,
  CONTENT_WARM_FILE,
  MANAGED_SCHEMA_FILE,
  type Browser,
  type Manifest,
} from "./src/tools/manifest.ts";

const root = import.meta.dirname;

/** Copies what the manifest names but crxjs does not bundle: _locales (kept under assets/) and the managed-storage schema. */
function extensionAssets(): Plugin {
  return {
    name: "sharecheck:extension-assets",
    apply: "build",
    generateBundle() {
      const locales = join(root, "assets/_locales");
      for (const locale of readdirSync(locales)) {
        const fileName = `_locales/${locale}/messages.json`;
        this.emitFile({ type: "asset", fileName, source: readFileSync(join(root, "assets", fileName)) });
      }
      this.emitFile({ type: "asset", fileName: MANAGED_SCHEMA_FILE, source: readFileSync(join(root, "assets/managed-schema.json")) });
    },
  };
}

/**
 * zod compiles object parsers with `new Function` unless told not to. We tell it (z.config({ jitless:
 * true }) in src/core/schema.ts and src/content/wire.ts), but the code would still ship, and an
 * extension must carry no eval (web-ext lint: DANGEROUS_EVAL): take it out of the bundle. Fails the
 * build when zod's code no longer reads as expected, so it cannot silently stop working.
 */
function zodWithoutEval(): Plugin {
  const edits: Record<string, [RegExp, string]> = {
    // The JIT's compiler: never called under jitless.
    "doc.js": [
      /const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);/,
      'throw new Error("zod JIT is not built into ShareCheck (jitless)");',
    ],
    // The probe whether eval is allowed: it is not.
    "util.js": [/try \{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/, "return false;"],
  };
  return {
    name: "sharecheck:zod-without-eval",
    transform(code, id) {
      const file = /[\\/]zod[\\/]v4[\\/]core[\\/](doc|util)\.js$/.exec(id)?.[1];
      if (!file) return null;
      const [pattern, replacement] = edits[`${file}.js`]!;
      if (!pattern.test(code)) this.error(`zod's ${file}.js changed: update zodWithoutEval in vite.config.ts`);
      return { code: code.replace(pattern, replacement), map: null };
    },
  };
}

/** The classic scripts that run in web pages, by mode: entry and file name. */
const PAGE_SCRIPTS: Record<string, [entry: string, file: string]> = {
  content: ["src/content/index.ts", CONTENT_SCRIPT_FILE],
  "content-panel": ["src/content/panel-entry.ts", CONTENT_PANEL_FILE],
  "content-scan": ["src/content/scan-entry.ts", CONTENT_SCAN_FILE],
  "content-warm": ["src/content/warm-entry.ts", CONTENT_WARM_FILE],
  "content-reader": ["src/content/reader-entry.ts", CONTENT_READER_FILE],
};

export default defineConfig(({ mode }) => {
  const outDir = join(root, "dist", mode);
  const common = { root, publicDir: false as const, logLevel: "warn" as const };

  const pageScript = PAGE_SCRIPTS[mode];
  if (pageScript) {
    const [entry, file] = pageScript;
    return {
      ...common,
      plugins: [preact(), zodWithoutEval()],
      build: {
        outDir,
        emptyOutDir: false,
        target: "es2022",
        // content.js has a gzip budget (issue #9): terser packs it about 510 bytes smaller than oxc, and hoisting the
        // function declarations (which JavaScript hoists anyway) about 120 more. The functions it inlines as expressions
        // become arrows (none uses this, arguments or new), and reading a property is taken to do nothing else (no
        // getter of ours or the DOM's is read for its effect): 26 more.
        minify: "terser" as const,
        terserOptions: {
          ecma: 2020 as const,
          compress: { passes: 3, hoist_funs: true, unsafe_arrows: true, pure_getters: true, unsafe: true },
        },
        lib: { entry: join(root, entry), formats: ["iife" as const], name: "sharecheck", fileName: () => file },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    };
  }

  if (mode !== "chrome" && mode !== "firefox")
    throw new Error(
      `unknown build mode "${mode}": use chrome, firefox, content, content-panel, content-scan, content-warm or content-reader`,
    );
  const browser: Browser = mode;
  const source = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")) as Manifest;
  return {
    ...common,
    plugins: [
      preact(),
      zodWithoutEval(),
      crx({ manifest: browserManifest(source, browser) as unknown as ManifestV3Export, browser }),
      extensionAssets(),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      // The preload polyfill would fetch() chunks; extension pages preload natively, and no network API ships.
      modulePreload: { polyfill: false },
      // The frame page is only named in web_accessible_resources, which crxjs does not treat as an entry.
      rolldownOptions: { input: { frame: join(root, CONTENT_FRAME_PAGE) } },
    },
  };
});
