// Every message key the code asks for exists in _locales/en/messages.json: a missing key shows users a key name
// (or nothing). Literal keys are checked exactly; a key built from a prefix (t(`import_change_${change}`)) must
// have at least one message with that prefix.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import messages from "../../assets/_locales/en/messages.json";
import { NOTICE_KEYS } from "../../src/settings/notice.ts";

const root = join(import.meta.dirname, "../..");
const keys = new Set(Object.keys(messages));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "tools" ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const CALL = /\b(?:t|getMessage|translate)\(\s*(["'`])((?:(?!\1).)*)\1/g;

describe("locale keys", () => {
  const used: { file: string; key: string; prefix: boolean }[] = [];
  for (const file of sources(join(root, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(CALL)) {
      const [, quote, body] = m as unknown as [string, string, string];
      const prefix = quote === "`" && body.includes("${");
      used.push({ file: relative(root, file), key: prefix ? body.slice(0, body.indexOf("${")) : body, prefix });
    }
  }

  it("finds the calls it checks", () => {
    expect(used.length).toBeGreaterThan(100);
  });

  it("every t()/getMessage key used in src is in _locales/en/messages.json", () => {
    const missing = used.filter((u) => (u.prefix ? ![...keys].some((k) => k.startsWith(u.key)) : !keys.has(u.key)));
    expect(missing.map((u) => `${u.file}: ${u.key}${u.prefix ? "…" : ""}`)).toEqual([]);
  });

  it("every settings notice key is there", () => {
    expect(Object.values(NOTICE_KEYS).filter((k) => !keys.has(k))).toEqual([]);
  });
});
