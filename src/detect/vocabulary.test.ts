import { describe, expect, it } from "vitest";
import { EXCLUDED_LABEL_PATTERN } from "./recipient-labels.ts";
import { ACTION_RULES, CONTEXT_RULES, QUIET_PATTERNS, RECORD_CONTEXT_PATTERN } from "./vocabulary.ts";

const HINT = "(?=[a-z])";
const PATTERNS = [
  ...QUIET_PATTERNS,
  ...ACTION_RULES.map((r) => r.pattern),
  ...CONTEXT_RULES.map((r) => r.pattern),
  RECORD_CONTEXT_PATTERN,
  EXCLUDED_LABEL_PATTERN,
];

/** The index of the parenthesis closing the group that opens at `open`. */
function closing(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return i;
  }
  throw new Error(`unbalanced group in ${source}`);
}

/** The group's alternatives at its top level. */
function alternatives(group: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < group.length; i++) {
    if (group[i] === "\\") i++;
    else if (group[i] === "(") depth++;
    else if (group[i] === ")") depth--;
    else if (group[i] === "|" && depth === 0) {
      out.push(group.slice(start, i));
      start = i + 1;
    }
  }
  return [...out, group.slice(start)];
}

/** Whether whatever `source` matches starts with a lower-case letter (for the vocabulary's own shapes). */
function startsWithLetter(source: string): boolean {
  if (/^[a-z]\?/.test(source)) return startsWithLetter(source.slice(2)); // "c?cda": the next one decides too
  if (/^[a-z]/.test(source)) return true;
  if (!source.startsWith("(?:")) return false;
  const end = closing(source, 0);
  const inner = alternatives(source.slice(3, end)).every(startsWithLetter);
  return source[end + 1] === "?" || source[end + 1] === "*" ? inner && startsWithLetter(source.slice(end + 2)) : inner;
}

describe("the vocabulary's compile hints", () => {
  const hinted = PATTERNS.filter((source) => source.includes(HINT));

  it("are on the record words, a look-alike and the excluded labels", () => {
    expect(hinted.length).toBeGreaterThanOrEqual(8);
  });

  it.each(hinted)("change nothing matched: each hint is followed by words that start with a letter (%s)", (source) => {
    for (let at = source.indexOf(HINT); at >= 0; at = source.indexOf(HINT, at + 1)) {
      expect(startsWithLetter(source.slice(at + HINT.length))).toBe(true);
    }
  });

  it("reads a word that starts otherwise as a failure", () => {
    expect(startsWithLetter("(?:ccd|2nd opinion)")).toBe(false);
    expect(startsWithLetter("(?:c?cda|(?:lab|visit) reports?)")).toBe(true);
    expect(startsWithLetter("(?:x)?1")).toBe(false);
  });
});
