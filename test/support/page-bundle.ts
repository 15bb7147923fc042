/**
 * Bundles a bench's page script (one TypeScript entry and what it imports, src/ included) into one classic
 * script with vite, for a Chromium page to run: its exports become the global `name`. Minified and for
 * ES2022, as the extension ships (an older target would turn private fields into slower WeakMap look-ups).
 */
export async function bundleForPage(entry: URL, name: string): Promise<string> {
  const { build } = await import("vite");
  const output = await build({
    configFile: false,
    logLevel: "silent",
    build: { write: false, minify: true, target: "es2022", lib: { entry: entry.pathname, formats: ["iife"], name } },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((b) => ("output" in b ? b.output : [])).find((o) => o.type === "chunk");
  if (chunk?.type !== "chunk") throw new Error(`could not bundle ${entry.pathname}`);
  return chunk.code;
}
