/** Text read off a hostile page: bounded, stripped of control and invisible characters, whitespace collapsed. */

/** Cap on any name or label detection reports (DetectedAction allows 300). */
export const NAME_MAX = 200;

// C0/C1 controls and line/paragraph separators become spaces; they never belong in a label.
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
// Zero-width, bidi marks/overrides/isolates, soft hyphen, variation selectors, fillers: invisible, used to dodge matching.
const INVISIBLE_CHARS =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

export function cleanText(raw: string, max: number = NAME_MAX): string {
  // Slice before the regexes so a 10 MB attribute costs no more than a short one.
  let text = raw.length > max * 8 ? raw.slice(0, max * 8) : raw;
  text = text.replace(CONTROL_CHARS, " ").replace(INVISIBLE_CHARS, "").replace(/\s+/g, " ").trim();
  if (text.length > max) {
    text = text.slice(0, max);
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
    text = text.trimEnd();
  }
  return text;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The form the vocabulary matches against: lower case ASCII words separated by single spaces.
 * A hyphen after a lone letter joins ("C-CDA" -> "ccda", "e-Fax" -> "efax"); accents go ("Remisión" -> "remision");
 * other punctuation and icons split words.
 */
export function matchText(label: string): string {
  const lower = label.toLowerCase();
  // Most labels are plain ASCII, with no accent to take off.
  // Turkish's dotless ı has no accent to take off: it reads as i ("Faksı Gönder" -> "faksi gonder").
  return (
    NON_ASCII.test(lower)
      ? lower
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replace(/ı/g, "i")
      : lower
  )
    .replace(/\b([a-z])-(?=[a-z])/g, "$1")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A word list written as one string ("send share fax"): shorter in content.js than an array of literals. */
export const words = (list: string): string[] => list.split(" ");
