/** src/core is pure: it imports nothing from the rest of src and touches no browser API. */
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";

const dir = new URL("./", import.meta.url);
const sources = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

it("finds the core's sources", () => expect(sources.length).toBeGreaterThan(15));

it.each(sources)("%s uses no browser API and imports only zod and the core", (file) => {
  const text = readFileSync(new URL(file, dir), "utf8");
  for (const banned of [
    /webextension-polyfill/,
    /\bchrome\./,
    /\bbrowser\./,
    /\bdocument\b/,
    /\bwindow\b/,
    /\bfetch\(/,
    /XMLHttpRequest/,
    /localStorage/,
  ]) {
    expect(text, `${file}: ${banned}`).not.toMatch(banned);
  }
  for (const [, spec] of text.matchAll(/\bfrom\s+"([^"]+)"/g)) {
    expect(spec === "zod" || spec!.startsWith("./") || spec!.startsWith("../"), `${file} imports ${spec}`).toBe(true);
    // Relative imports must stay inside src/core.
    const target = new URL(spec!, new URL(file, dir)).pathname;
    if (spec !== "zod") expect(target.startsWith(dir.pathname), `${file} imports ${spec}`).toBe(true);
  }
});
