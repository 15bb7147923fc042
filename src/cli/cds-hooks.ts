/**
 * A verdict as a CDS Hooks 2.0 card (https://cds-hooks.hl7.org/2.0/#card-attributes), so an EHR
 * integrator can show ShareCheck's answer in its own decision-support panel: a summary of fewer
 * than 140 characters, an indicator from the outcome, the reasons and citations as GitHub
 * Flavored Markdown, the deciding regulation as the source, and every citation as a link.
 */
import { COULD_NOT_DECIDE_HEADLINE, type MatchedBy, type Outcome, type Verdict, citationInfo } from "../core/index.ts";

export interface CdsLink {
  label: string;
  url: string;
  type: "absolute";
}

export interface CdsCard {
  summary: string;
  detail: string;
  indicator: "info" | "warning" | "critical";
  source: { label: string; url?: string };
  links?: CdsLink[];
}

/** The body a CDS service returns: here, one card per disclosure. */
export interface CdsHooksResponse {
  cards: CdsCard[];
}

/** info: share; warning: share only once something is checked; critical: do not share as it stands. */
export const CDS_INDICATOR: Readonly<Record<Outcome, CdsCard["indicator"]>> = {
  allowed: "info",
  "allowed-with-conditions": "warning",
  "needs-review": "warning",
  "authorization-required": "critical",
  "not-allowed": "critical",
};

/** The spec says "<140-character": at most 139. */
export const SUMMARY_MAX = 139;

const SOURCE_LABEL = "ShareCheck HIPAA disclosure rules";

const MATCHED_BY_WORDS: Readonly<Record<MatchedBy, string>> = {
  npi: "NPI",
  tin: "TIN",
  direct: "Direct address",
  fax: "fax number",
  name: "name",
  alias: "a name your list gives it",
};

/** Cut at a word boundary with an ellipsis when too long. */
export function summarise(text: string, max = SUMMARY_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, "")}…`;
}

/** Text that came from a rule, the profile or the request, safe inside Markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, "\\$&");
}

function citationLink(citation: string): string {
  const info = citationInfo(citation);
  // <…> around the address: eCFR anchors hold parentheses, e.g. #p-164.506(c)(2).
  return info ? `[${escapeMarkdown(citation)}](<${info.url}>)` : escapeMarkdown(citation);
}

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`**${title}**`, "", ...items.map((item) => `- ${item}`), ""];
}

export function verdictCard(verdict: Verdict): CdsCard {
  const aco = verdict.acoMatch;
  const lines = [
    `**${escapeMarkdown(verdict.headline)}**`,
    "",
    ...(aco
      ? [
          `**Inside your ACO:** ${aco.participant === aco.acoName ? escapeMarkdown(aco.acoName) : `${escapeMarkdown(aco.participant)}, a participant of ${escapeMarkdown(aco.acoName)}`}${aco.matchedBy ? ` (matched by ${MATCHED_BY_WORDS[aco.matchedBy]})` : ""}.`,
          "",
        ]
      : []),
    ...list(
      "Why",
      verdict.reasons.map((r) => {
        const cites = r.citations.map(citationLink).join(", ");
        const origin = r.source === "org-policy" ? "your organisation's policy" : cites;
        return `${escapeMarkdown(r.text)} (\`${r.rule}\`${origin ? `; ${origin}` : ""})`;
      }),
    ),
    ...list("Conditions", verdict.conditions.map(escapeMarkdown)),
    ...list("Cautions", verdict.cautions.map(escapeMarkdown)),
    `Minimum necessary (45 CFR 164.502(b)): ${verdict.minimumNecessary === "applies" ? "applies" : "does not apply"}.`,
  ];
  // The source is the regulation the deciding reason cites first (the reasons come by weight).
  const deciding = verdict.reasons.find((r) => r.citations.length > 0);
  const primary = deciding?.citations[0];
  const primaryInfo = primary ? citationInfo(primary) : undefined;
  const links = verdict.citations.flatMap((c): CdsLink[] => {
    const info = citationInfo(c);
    return info ? [{ label: c.startsWith("http") ? info.title : `${c}: ${info.title}`, url: info.url, type: "absolute" }] : [];
  });
  return {
    summary: summarise(verdict.headline),
    detail: lines.join("\n"),
    indicator: CDS_INDICATOR[verdict.outcome],
    source:
      primary && primaryInfo
        ? { label: `${SOURCE_LABEL}: ${primary.startsWith("http") ? primaryInfo.title : primary}`, url: primaryInfo.url }
        : { label: SOURCE_LABEL },
    ...(links.length > 0 ? { links } : {}),
  };
}

/** A disclosure the tool could not read: fail safe, never silent. */
export function couldNotDecideCard(where: string, errors: readonly string[]): CdsCard {
  return {
    summary: summarise(COULD_NOT_DECIDE_HEADLINE),
    detail: [
      `ShareCheck could not read ${escapeMarkdown(where)}, so it gives no answer for it:`,
      "",
      ...errors.map((e) => `- ${escapeMarkdown(e)}`),
    ].join("\n"),
    indicator: "warning",
    source: { label: SOURCE_LABEL },
  };
}
