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
 * space, middle dot, hyphen, en and em dash), which classify() reads as they are. A regular
 * expression, not a loop: the index tests every participant's name, and compiled matching beats
 * a loop the engine has not optimised yet when a service worker starts.
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
  // NFKD only where it can change something: the index normalises every participant's name.
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
 * Name parts: what a page shows as "Dr. Helena Marsh — Lakeside Neurology Associates" is a
 * person and a practice. Split at " — ", " – ", " - ", " · ", " | ", a line break, or a comma
 * followed by a space (the spaces around a separator may be any run of white space, since pages
 * often put a no-break space there). Empty parts are left out.
 */
const PART_SEPARATOR = /\s+[\u2014\u2013\u00b7|-]\s+|\r\n|[\n\r\u2028\u2029]|,\s+/;

export function nameParts(name: string): string[] {
  return name.split(PART_SEPARATOR).filter((part) => part.trim() !== "");
}
