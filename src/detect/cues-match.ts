/**
 * Which kinds of information the cues read off a page name (cues.ts reads them; this decides), with
 * negated and empty mentions left out ("Psychotherapy notes are not included", "HIV: not tested").
 * Pure: used by the background (to evaluate what the content script asks and to record kinds only),
 * the panel and the popup, so the vocabulary never weighs on the content script.
 */
import type { DisclosureRequest, InformationKind } from "../core/schema.ts";
import {
  CUE_KINDS,
  CUE_TERMS,
  EMPTY_VALUE,
  NEGATION_AFTER,
  NEGATION_BEFORE,
  NOTICE_TERMS,
  type CueKind,
  type CueSource,
} from "./cues-vocabulary.ts";
import { matchText } from "./text.ts";

const TERMS = Object.entries(CUE_TERMS).map(([id, [kind, words]]) => ({
  kind,
  notice: NOTICE_TERMS.includes(id),
  re: new RegExp(`\\b(?:${words})\\b`, "g"),
}));
const BEFORE = new RegExp(NEGATION_BEFORE);
const AFTER = new RegExp(NEGATION_AFTER);
const EMPTY = new RegExp(EMPTY_VALUE);
/** Clauses: a negation reaches only as far as its own clause. */
const CLAUSE = /[.;,|•\n]|\s[-–—]\s/;

/** The kinds a piece of page text names, negated and empty mentions left out. `noticeOnly`: only notice terms. */
export function cueKinds(raw: string, noticeOnly = false): CueKind[] {
  const kinds = new Set<CueKind>();
  for (const clause of raw.split(CLAUSE)) {
    const colon = clause.indexOf(":");
    // "HIV: not tested", "Genetic testing: none": a label whose value says there is nothing.
    if (colon >= 0 && EMPTY.test(matchText(clause.slice(colon + 1)))) continue;
    const text = matchText(clause);
    const hits: Array<{ kind: CueKind; start: number; end: number }> = [];
    for (const term of TERMS) {
      if (noticeOnly && !term.notice) continue;
      for (const match of text.matchAll(term.re)) hits.push({ kind: term.kind, start: match.index, end: match.index + match[0].length });
    }
    hits.sort((a, b) => a.start - b.start);
    hits.forEach((hit, i) => {
      // Only the words between this mention and the one before or after it can deny it.
      const before = text
        .slice(Math.min(hits[i - 1]?.end ?? 0, hit.start), hit.start)
        .split(" ")
        .slice(-4)
        .join(" ");
      const after = text
        .slice(hit.end, Math.max(hits[i + 1]?.start ?? text.length, hit.end))
        .trim()
        .split(" ")
        .slice(0, 5)
        .join(" ");
      if (!BEFORE.test(before) && !AFTER.test(after)) kinds.add(hit.kind);
    });
  }
  return [...kinds];
}

type CueIn = { kind?: CueKind | undefined; source: CueSource; text?: string | undefined };
export type MatchedCue = { kind: CueKind; source: CueSource; text?: string };

/**
 * What a message written to go with the record cannot make it: a 42 CFR Part 2 record is one from a Part 2 program,
 * which a mention ("she attends a methadone program") does not make it (its notice, read apart, does). What a message
 * says of HIV, genetic, reproductive or mental health, it discloses.
 */
const NOT_BY_MENTION: ReadonlySet<CueKind> = new Set(["sud-part2"]);

/** One cue per kind each text names (text from generic page text counts only for a notice's words); cues already matched are kept. */
export function matchCues(cues: readonly CueIn[] | undefined): MatchedCue[] {
  const out: MatchedCue[] = [];
  for (const cue of cues ?? []) {
    if (cue.kind) out.push(cue as MatchedCue);
    else
      for (const kind of cueKinds(cue.text ?? "", cue.source === "notice"))
        if (cue.source !== "message" || !NOT_BY_MENTION.has(kind))
          out.push({ kind, source: cue.source, ...(cue.text ? { text: cue.text } : {}) });
  }
  return out;
}

/** The kinds the cues name, in the core's order. */
export function cuedKinds(cues: readonly CueIn[] | undefined): CueKind[] {
  const kinds = new Set(matchCues(cues).map((cue) => cue.kind));
  return CUE_KINDS.filter((kind) => kinds.has(kind));
}

/** The request with every cued kind added: a cue only ever adds a kind (and a record with one is no longer just "general"). */
export function withCuedKinds(request: DisclosureRequest, cues: readonly CueIn[] | undefined): DisclosureRequest {
  const cued = cuedKinds(cues);
  if (cued.length === 0) return request;
  const set = new Set<InformationKind>([...request.information.filter((kind) => kind !== "general"), ...cued]);
  return { ...request, information: (["general", ...CUE_KINDS] as const).filter((kind) => set.has(kind)) };
}
