/**
 * The verdict as a clinician reads it: outcome (label, colour and icon) and headline, then, when the
 * recipient is inside an ACO, that fact (participant, ACOs, what matched, the guidance it rests on),
 * then reasons with linked citations, conditions and cautions. Shared by the popup and the in-page panel.
 * The whole view is a live region so a changed verdict is announced; a verdict that stops the share is
 * announced assertively. Without a verdict (the popup before a recipient is given) the same region
 * holds a prompt, so the first verdict is announced as a change of it.
 */
import type { ComponentChildren } from "preact";
import { ACO_FACT_CITATION, VALUE_BASED_CARE_FAQ, type AcoFact, type AcoMembership, type MatchKey } from "../core/aco-fact.ts";
import { citationInfo } from "../core/index.ts";
import type { Outcome, Verdict } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { shownHeadline } from "./headline.ts";
import { key } from "./message-key.ts";
import { OutcomeIcon } from "./outcome-icon.tsx";
import "./theme.css";

const ASSERTIVE: ReadonlySet<Outcome> = new Set(["not-allowed", "authorization-required"]);

export function outcomeLabel(outcome: Outcome): string {
  return t(`outcome_${outcome.replace(/-/g, "_")}`);
}

export function Citation({ citation }: { citation: string }) {
  const info = citationInfo(citation);
  const url = info?.url ?? (/^https:\/\//.test(citation) ? citation : undefined);
  if (!url) return <span>{citation}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" title={info?.title}>
      {citation}
    </a>
  );
}

function Citations({ citations }: { citations: string[] }) {
  if (citations.length === 0) return null;
  return (
    <span class="sc-citations">
      {" "}
      (
      {citations.map((c, i) => (
        <span key={c}>
          {i > 0 ? "; " : ""}
          <Citation citation={c} />
        </span>
      ))}
      )
    </span>
  );
}

function matchedByText(k: MatchKey): string {
  switch (k.by) {
    case "name":
    case "alias":
      return t(key("verdict_aco_by", k.by), [k.typed, k.listed]);
    default:
      return t(key("verdict_aco_by", k.by), k.value);
  }
}

function programSuffix(program: AcoMembership["program"]): string {
  return program && program !== "other" ? ` · ${t(key("program", program))}` : "";
}

/** The recipient's ACO membership, first thing under the headline. */
export function AcoFactView({ fact }: { fact: AcoFact }) {
  const [first, ...more] = fact.memberships;
  const why = fact.memberships.map((m) => (m.key ? matchedByText(m.key) : ""));
  // One "Matched by" line when every ACO matched the same way; otherwise each ACO says its own.
  const oneWhy = why.every((w) => w === why[0]) ? why[0] : undefined;
  return (
    <div class="sc-aco-fact" data-aco-match={first?.acoId} data-matched-by={first?.key?.by ?? (fact.caller ? "caller" : undefined)}>
      <p class="sc-aco-lead">
        <strong>{t("verdict_aco_inside")}</strong>
        {first && more.length === 0 && (
          <>
            {" · "}
            {t("verdict_aco_match", [first.participant, first.acoName, first.acoId])}
            {programSuffix(first.program)}
          </>
        )}
        {more.length > 0 && ` · ${t("verdict_aco_match_many", String(fact.memberships.length))}`}
      </p>
      {more.length > 0 && (
        <ul class="sc-aco-list">
          {fact.memberships.map((m, i) => (
            <li key={`${m.acoId}|${m.participant}`} data-aco={m.acoId}>
              {t("verdict_aco_membership", [m.participant, m.acoName, m.acoId])}
              {programSuffix(m.program)}
              {oneWhy === undefined && why[i] && ` (${why[i]})`}
            </li>
          ))}
        </ul>
      )}
      {fact.caller && <p class="sc-aco-key">{t("verdict_aco_by_caller")}</p>}
      {oneWhy && <p class="sc-aco-key">{oneWhy}</p>}
      <p class="sc-aco-source">
        {t("verdict_aco_source")}{" "}
        <a href={VALUE_BASED_CARE_FAQ} target="_blank" rel="noopener noreferrer">
          {t("verdict_aco_faq")}
        </a>
        {" · "}
        <Citation citation={ACO_FACT_CITATION} />
      </p>
    </div>
  );
}

/** Without the caller's fact (no request at hand), the verdict's own match, without what matched. */
function factOf(verdict: Verdict): AcoFact | undefined {
  const m = verdict.acoMatch;
  return m && { memberships: [{ acoId: m.acoId, acoName: m.acoName, participant: m.participant }] };
}

type VerdictViewProps = {
  /** Undefined: no verdict yet; `prompt` is shown in its place. */
  verdict: Verdict | undefined;
  /** The ACO fact for this verdict, when the caller could work it out (it has the profile). */
  aco?: AcoFact | undefined;
  prompt?: string;
  headingLevel?: 2 | 3 | 4;
  /** Open the verdict's body (the cues it names), inside its live region. */
  children?: ComponentChildren;
};

export function VerdictView({ verdict, aco, prompt, headingLevel = 2, children }: VerdictViewProps) {
  const Heading = `h${headingLevel}` as "h2";
  const Sub = `h${Math.min(headingLevel + 1, 6)}` as "h3";
  if (!verdict) {
    return (
      <section class="sc-verdict sc-verdict-prompt" aria-live="polite" aria-label={t("verdict_region")}>
        <p class="sc-verdict-headline">{prompt}</p>
      </section>
    );
  }
  const headline = shownHeadline(verdict);
  const fact = aco ?? factOf(verdict);
  return (
    <section
      class="sc-verdict"
      aria-live={ASSERTIVE.has(verdict.outcome) ? "assertive" : "polite"}
      aria-label={t("verdict_region")}
      data-outcome={verdict.outcome}
    >
      <div class={`sc-verdict-head sc-outcome-${verdict.outcome}`}>
        <OutcomeIcon outcome={verdict.outcome} />
        <div>
          <Heading class="sc-verdict-label">{outcomeLabel(verdict.outcome)}</Heading>
          <p class="sc-verdict-headline">
            {headline.policy && <span class="sc-policy-tag">{t("verdict_org_policy")}</span>}
            {headline.text}
          </p>
        </div>
      </div>
      {fact && <AcoFactView fact={fact} />}
      <div class="sc-verdict-body">
        {children}
        {verdict.reasons.length > 0 && (
          <>
            <Sub>{t("verdict_reasons")}</Sub>
            <ul>
              {verdict.reasons.map((reason) => (
                <li key={reason.rule} data-rule={reason.rule} data-source={reason.source}>
                  {reason.source === "org-policy" && <span class="sc-policy-tag">{t("verdict_org_policy")}</span>}
                  {reason.text}
                  <Citations citations={reason.citations} />
                </li>
              ))}
            </ul>
          </>
        )}
        {verdict.conditions.length > 0 && (
          <>
            <Sub>{t("verdict_conditions")}</Sub>
            <ul>
              {verdict.conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        )}
        {verdict.cautions.length > 0 && (
          <>
            <Sub>{t("verdict_cautions")}</Sub>
            <ul>
              {verdict.cautions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
