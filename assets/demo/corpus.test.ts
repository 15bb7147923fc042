// The corpus data (test/e2e/corpus-data.ts) against the pages it describes, without a browser: every page
// exists, is a corpus page (listed at /corpus, out of the top bar), and every kind of issue #9 has two pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS } from "../../test/e2e/corpus-data.ts";
import { CORPUS_ORDER } from "./server.ts";

const here = import.meta.dirname;
/** "/cues/x" lives in assets/demo/cues/x.html, "/x" in assets/demo/pages/x.html. */
function source(page: string): string {
  const [, folder, name] = /^\/(?:(cues|paths)\/)?([a-z0-9-]+)$/.exec(page) ?? [];
  if (!name) throw new Error(`corpus page path ${page} is not /name or /folder/name`);
  return readFileSync(join(here, folder ?? "pages", `${name}.html`), "utf8");
}

describe("the public page corpus data", () => {
  it("describes pages that exist and are listed as corpus pages", () => {
    for (const { page } of CORPUS) {
      const html = source(page);
      expect(Number(/^<!--\s*page:\s*(\d+)/.exec(html)?.[1]), page).toBeGreaterThanOrEqual(CORPUS_ORDER);
    }
  });

  it("has at least 20 pages, unique entry names per page, and two pages for every kind of shape", () => {
    expect(new Set(CORPUS.map((p) => p.page)).size).toBe(CORPUS.length);
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
    for (const page of CORPUS) {
      const names = [...page.actions, ...page.negatives].map((e) => e.name);
      expect(new Set(names).size, page.page).toBe(names.length);
    }
    for (const shape of [1, 2, 3, 4, 5, 6] as const) {
      expect(CORPUS.filter((p) => p.actions.some((a) => a.shapes.includes(shape))).length, `shape ${shape}`).toBeGreaterThanOrEqual(2);
    }
    expect(CORPUS.filter((p) => p.negatives.length > 0).length, "pages with look-alikes").toBeGreaterThanOrEqual(2);
  });
});
