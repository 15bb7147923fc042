/**
 * The verdict as a clinician reads it: outcome (label, colour and icon), headline, reasons with linked
 * citations, conditions, cautions and the ACO match. Shared by the popup and the in-page panel.
 * The whole view is a live region so a changed verdict is announced; a verdict that stops the share is
 * announced assertively.
 */
import type { ComponentChildren } from "preact";
import { citationInfo } from "../core/index.ts";
import type { Outcome, Verdict } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
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

/** `children` open the verdict's body (the cues it names), inside its live region. */
export function VerdictView({ verdict, headingLevel = 2, children }: { verdict: Verdict; headingLevel?: 2 | 3 | 4; children?: ComponentChildren }) {
  const Heading = `h${headingLevel}` as "h2";
  const Sub = `h${Math.min(headingLevel + 1, 6)}` as "h3";
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
          <p class="sc-verdict-headline">{verdict.headline}</p>
        </div>
      </div>
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
        {verdict.acoMatch && (
          <p class="sc-aco-match" data-aco-match={verdict.acoMatch.acoId}>
            {t("verdict_aco_match", [verdict.acoMatch.participant, verdict.acoMatch.acoName, verdict.acoMatch.acoId])}
          </p>
        )}
      </div>
    </section>
  );
}
