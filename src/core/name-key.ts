/**
 * Names as ACO matching compares them (rules/README.md, "ACO matching"): one normalisation
 * for both sides, then exact equality. The options page's participant search uses the same
 * function, so "which ACOs is X in?" folds exactly as a verdict matches.
 */

/** Legal-form suffixes; up to two trailing ones are dropped ("Summit Anesthesia Company, Inc."). */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  "llc",
  "pllc",
  "llp",
  "lp",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "pc",
  "pa",
  "sc",
]);
const MAX_SUFFIXES = 2;

const COMBINING_MARKS = /\p{M}/gu;

const KEEP = 0;
const DROP = 1;
const BREAK = 2;
const AMPERSAND = 3;

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function classify(code: number): number {
  switch (code) {
    case 46: // .
    case 44: // ,
    case 39: // '
    case 34: // "
    case 40: // (
    case 41: // )
      return DROP;
    case 38: // &
      return AMPERSAND;
    case 45: // - hyphen-minus
    case 47: // /
    case 0x2010: // ‐ hyphen
    case 0x2013: // – en dash
    case 0x2014: // — em dash
      return BREAK;
    default:
      return isSpace(code) ? BREAK : KEEP;
  }
}

/**
 * A character NFKD may change: any but ASCII and the separators pages put in names (no-break
 * space, middle dot, hyphen, en and em dash), which classify() reads as they are. nameKeyHash
 * tests a name's characters with it one at a time, and only those outside ASCII.
 */
const FOLDABLE = /[^\u0000-\u007f\u00a0\u00b7\u2010\u2013\u2014]/;

/**
 * Name normalisation: Unicode NFKD with the combining marks dropped ("Peñasco" = "Penasco"),
 * lower case, `&` -> ` and `, drop `.,'"()`, hyphens, dashes and slashes to spaces, drop a leading
 * "the" and up to two trailing legal-form suffixes, single spaces, trimmed. A name that comes
 * out empty ("", "The", "Inc.") matches nothing: callers treat "" as no key.
 */
export function normaliseName(name: string | undefined): string {
  if (!name) return "";
  // NFKD only where it can change something: most names are ASCII, and NFKD copies the string.
  const folded = (!FOLDABLE.test(name) ? name : name.normalize("NFKD").replace(COMBINING_MARKS, "")).toLowerCase();
  const words: string[] = [];
  let word = "";
  let from = 0; // start of the current run of kept characters
  for (let i = 0; i <= folded.length; i++) {
    const kind = i < folded.length ? classify(folded.charCodeAt(i)) : BREAK;
    if (kind === KEEP) continue;
    if (i > from) word += folded.slice(from, i);
    from = i + 1;
    if (kind === DROP) continue;
    if (word) words.push(word);
    word = "";
    if (kind === AMPERSAND) words.push("and");
  }
  const start = words[0] === "the" ? 1 : 0;
  let end = words.length;
  for (let n = 0; n < MAX_SUFFIXES && end > start && LEGAL_FORMS.has(words[end - 1]!); n++) end--;
  return start === 0 && end === words.length ? words.join(" ") : words.slice(start, end).join(" ");
}

/**
 * The hash a name key is filed under: a polynomial hash over its UTF-16 code units, modulo a prime
 * below 2^24. Every value it passes through stays below 2^30, a small integer even where the code
 * is not yet optimised: an index built by a worker that just started runs mostly unoptimised, and
 * there a 32-bit hash (FNV-1a's Math.imul) makes a boxed number on half of its steps.
 */
export function keyHash(key: string): number {
  let h = HASH_START;
  for (let i = 0; i < key.length; i++) h = (h * HASH_MULTIPLIER + key.charCodeAt(i)) % HASH_MODULUS;
  return h;
}

const HASH_START = 5381;
const HASH_MULTIPLIER = 33;
/** A prime: h * 33 + a code unit stays below 2^30 for any h below it. */
const HASH_MODULUS = 16_777_213;
/** What nameKeyHash gives for a name whose key is "" (no key): never a keyHash, which is not negative. */
export const NO_NAME_KEY = -1;

const AMPERSAND_WORD = "and";

/**
 * The words of the last name nameKeyHash read: where each starts and ends in it (-1 for an "&";
 * characters the key drops may be inside),
 */
let wordStarts = new Int32Array(32);
let wordEnds = new Int32Array(32);
/** and the key's hash were the key to end with it. */
let hashesTo = new Int32Array(32);

/**
 * The ASCII characters as nameKeyHash reads them, looked up rather than computed (it reads every
 * character of 50,000 names): a kept character as its lower case, any other as a negative kind.
 */
const READ_DROP = -1;
const READ_BREAK = -2;
const READ_AMPERSAND = -3;
const ASCII_READ = Int16Array.from({ length: 128 }, (_, code) => {
  const kind = classify(code);
  if (kind === KEEP) return code >= 65 && code <= 90 ? code + 32 : code;
  return readKind(kind);
});

function readKind(kind: number): number {
  return kind === DROP ? READ_DROP : kind === BREAK ? READ_BREAK : READ_AMPERSAND;
}

/** The legal forms by their first letter, so that a word is compared with a few at most. */
const LEGAL_FORMS_BY_FIRST: readonly (readonly string[] | undefined)[] = (() => {
  const byFirst: string[][] = [];
  for (const form of LEGAL_FORMS) (byFirst[form.charCodeAt(0)] ??= []).push(form);
  return byFirst;
})();

/** Whether word w of `name` (as nameKeyHash split it) reads `text` in the key. */
function wordIs(name: string, w: number, text: string): boolean {
  const start = wordStarts[w]!;
  if (start < 0) return text === AMPERSAND_WORD;
  let t = 0;
  for (let i = start; i < wordEnds[w]!; i++) {
    const code = name.charCodeAt(i);
    const read = code < 128 ? ASCII_READ[code]! : code;
    if (read >= 0 && read !== text.charCodeAt(t++)) return false;
  }
  return t === text.length;
}

/** Whether word w is a legal form (a word starts with a kept character, so its first is read as kept). */
function isLegalForm(name: string, w: number): boolean {
  const start = wordStarts[w]!;
  const forms = start < 0 ? undefined : LEGAL_FORMS_BY_FIRST[ASCII_READ[name.charCodeAt(start)] ?? 0];
  if (forms) for (const form of forms) if (wordIs(name, w, form)) return true;
  return false;
}

/**
 * keyHash(normaliseName(name)), or NO_NAME_KEY when that key is "", without building the key: the
 * ACO index files 50,000 participants' names by it. It reads the name as normaliseName does (the
 * same classify(), "the" and legal forms) in one pass, hashing the words as it goes and noting the
 * hash after each, so that dropping "the" restarts the hash and dropping suffixes takes an earlier
 * one. A name NFKD may change takes normaliseName's own path.
 */
export function nameKeyHash(name: string | undefined): number {
  if (!name) return NO_NAME_KEY;
  let words = 0;
  let first = 0; // 1 once a leading "the" is dropped
  let h = HASH_START;
  let start = -1; // the current word's first kept character, -1 before it
  for (let i = 0; i <= name.length; i++) {
    let code = i < name.length ? name.charCodeAt(i) : 32;
    if (code < 128) code = ASCII_READ[code]!;
    else if (FOLDABLE.test(String.fromCharCode(code))) {
      const key = normaliseName(name);
      return key === "" ? NO_NAME_KEY : keyHash(key);
    } else {
      const kind = classify(code); // the separators FOLDABLE lets through, read as they are
      if (kind !== KEEP) code = readKind(kind);
    }
    if (code >= 0) {
      if (start < 0) {
        if (words > first) h = (h * HASH_MULTIPLIER + 32) % HASH_MODULUS;
        start = i;
      }
      h = (h * HASH_MULTIPLIER + code) % HASH_MODULUS;
      continue;
    }
    if (code === READ_DROP) continue;
    if (words + 2 > wordStarts.length) growWords();
    if (start >= 0) {
      wordStarts[words] = start;
      wordEnds[words] = i;
      hashesTo[words++] = h;
      if (words === 1 && wordIs(name, 0, "the")) {
        first = 1;
        h = HASH_START;
      }
    }
    start = -1;
    if (code === READ_AMPERSAND) {
      if (words > first) h = (h * HASH_MULTIPLIER + 32) % HASH_MODULUS;
      for (let t = 0; t < AMPERSAND_WORD.length; t++) h = (h * HASH_MULTIPLIER + AMPERSAND_WORD.charCodeAt(t)) % HASH_MODULUS;
      wordStarts[words] = -1;
      wordEnds[words] = -1;
      hashesTo[words++] = h;
    }
  }
  let end = words;
  while (end > first && words - end < MAX_SUFFIXES && isLegalForm(name, end - 1)) end--;
  return end === first ? NO_NAME_KEY : hashesTo[end - 1]!;
}

function growWords(): void {
  const grow = (from: Int32Array): Int32Array<ArrayBuffer> => {
    const to = new Int32Array(from.length * 2);
    to.set(from);
    return to;
  };
  wordStarts = grow(wordStarts);
  wordEnds = grow(wordEnds);
  hashesTo = grow(hashesTo);
}

/**
 * Name parts: what a page shows as "Dr. Helena Marsh — Lakeside Neurology Associates" is a
 * person and a practice. Split at " — ", " – ", " - ", " · ", " | ", a line break, or a comma
 * followed by a space (the spaces around a separator may be any run of white space, since pages
 * often put a no-break space there). Empty parts are left out.
 */
const PART_SEPARATOR = /\s+[\u2014\u2013\u00b7|-]\s+|\r\n|[\n\r\u2028\u2029]|,\s+/;

export function nameParts(name: string): string[] {
  return name.split(PART_SEPARATOR).filter((part) => part.trim() !== "");
}
