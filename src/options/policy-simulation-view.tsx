/**
 * "What would change?" beside the policy controls: the bundled corpus decided under the saved policy and
 * under the draft, the differences grouped from-outcome to-outcome with a count and an example, and the
 * check that policy never makes a verdict looser than the law alone. Runs on demand (about 600
 * evaluations, a fraction of a second); a result is dropped as soon as the draft it was run for changes.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { OrgPolicy, OrgProfile } from "../core/schema.ts";
import { SIMULATION_CASES } from "../core/simulation/corpus.ts";
import { simulatePolicy, type PolicySimulation } from "../core/simulation/policy-simulation.ts";
import { t } from "../platform/i18n.ts";
import { outcomeLabel } from "../ui/verdict-view.tsx";

type Props = { profile: OrgProfile; draft: OrgPolicy; dirty: boolean; children?: ComponentChildren };

export function PolicySimulationView({ profile, draft, dirty, children }: Props) {
  const [result, setResult] = useState<{ for: string; simulation: PolicySimulation }>();
  const draftKey = JSON.stringify(draft);
  const shown = result?.for === draftKey ? result.simulation : undefined;
  const run = () => setResult({ for: draftKey, simulation: simulatePolicy(SIMULATION_CASES, profile, draft) });

  return (
    <div class="sc-simulation">
      <div class="sc-actions">
        <button type="button" class="sc-button" onClick={run}>
          {t("options_simulation_run")}
        </button>
        {children}
      </div>
      {dirty && <p class="sc-hint">{t("options_policy_unsaved")}</p>}
      <div class="sc-simulation-result" role="status" data-testid="policy-simulation">
        {shown && (
          <>
            <p>
              <strong>
                {shown.changed === 0
                  ? t("options_simulation_none", String(shown.total))
                  : t("options_simulation_changed", [String(shown.changed), String(shown.total)])}
              </strong>
            </p>
            {shown.groups.length > 0 && (
              <ul class="sc-simulation-groups">
                {shown.groups.map((g) => (
                  <li key={`${g.from}>${g.to}`} data-from={g.from} data-to={g.to} data-direction={g.direction}>
                    <strong>
                      {outcomeLabel(g.from)} → {outcomeLabel(g.to)}
                    </strong>
                    {": "}
                    {t("options_simulation_count", String(g.count))} (
                    {t(g.direction === "stricter" ? "options_simulation_stricter" : "options_simulation_looser")})
                    <br />
                    <span class="sc-hint">{t("options_simulation_example", g.example.label)}</span>
                  </li>
                ))}
              </ul>
            )}
            <p class="sc-hint" data-testid="policy-simulation-law">
              {shown.looserThanLaw === 0
                ? t("options_simulation_law", [String(shown.stricterThanLaw), String(shown.total)])
                : t("options_simulation_law_broken", String(shown.looserThanLaw))}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
