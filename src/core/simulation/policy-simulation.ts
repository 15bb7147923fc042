/**
 * "What would change?" for an organisation policy edit (issue 11): every request of a corpus is
 * decided under the current profile and under the same profile with the edited policy, and the
 * differences are grouped by from-outcome and to-outcome with a count and an example. Each case is
 * also decided with no policy at all (the law alone), which proves what the `policy.*` rules promise
 * ("Organisation policy (not law)" in rules/README.md): policy only ever makes a verdict stricter than the law, never looser. Pure: evaluate() only.
 */
import { z } from "zod";
import { evaluate } from "../evaluate.ts";
import { OUTCOME_RANK } from "../outcome.ts";
import { DisclosureRequest, type OrgPolicy, type OrgProfileInput, type Outcome } from "../schema.ts";

export const SimulationCase = z.object({ id: z.string(), label: z.string(), request: DisclosureRequest });
export type SimulationCase = z.infer<typeof SimulationCase>;
export const SimulationCorpus = z.object({ description: z.string(), cases: z.array(SimulationCase).min(1) });

/** One kind of change: every case whose outcome goes from `from` to `to`. */
export interface ChangeGroup {
  from: Outcome;
  to: Outcome;
  /** Stricter (the edit asks for more), or back toward what the law alone says. */
  direction: "stricter" | "looser";
  count: number;
  example: { id: string; label: string };
  /** The policy rules that fire under the edit and not now, or now and not under the edit. */
  rules: string[];
}

export interface PolicySimulation {
  total: number;
  changed: number;
  /** Largest group first. */
  groups: ChangeGroup[];
  /** Cases whose edited verdict is stricter than the law alone, and cases looser than it (always 0: policy never loosens). */
  stricterThanLaw: number;
  looserThanLaw: number;
}

const NO_POLICY: OrgPolicy = { outsideAco: "allow", reviewCategories: [] };

function policyRules(verdict: { reasons: { rule: string; source: string }[] }): Set<string> {
  return new Set(verdict.reasons.filter((r) => r.source === "org-policy").map((r) => r.rule));
}

export function simulatePolicy(cases: readonly SimulationCase[], profile: OrgProfileInput, edited: OrgPolicy): PolicySimulation {
  // The same `acos` array in all three profiles: the core indexes it once.
  const withPolicy = (policy: OrgPolicy): OrgProfileInput => ({ ...profile, policy });
  const lawOnly = withPolicy(NO_POLICY);
  const next = withPolicy(edited);
  const groups = new Map<string, ChangeGroup>();
  let stricterThanLaw = 0;
  let looserThanLaw = 0;
  for (const c of cases) {
    const now = evaluate(c.request, profile);
    const then = evaluate(c.request, next);
    const law = evaluate(c.request, lawOnly).outcome;
    if (OUTCOME_RANK[then.outcome] > OUTCOME_RANK[law]) stricterThanLaw++;
    if (OUTCOME_RANK[then.outcome] < OUTCOME_RANK[law]) looserThanLaw++;
    if (now.outcome === then.outcome) continue;
    const key = `${now.outcome}>${then.outcome}`;
    let group = groups.get(key);
    if (!group) {
      const direction = OUTCOME_RANK[then.outcome] > OUTCOME_RANK[now.outcome] ? "stricter" : "looser";
      group = { from: now.outcome, to: then.outcome, direction, count: 0, example: { id: c.id, label: c.label }, rules: [] };
      groups.set(key, group);
    }
    group.count++;
    const before = policyRules(now);
    const after = policyRules(then);
    for (const rule of [...after].filter((r) => !before.has(r)).concat([...before].filter((r) => !after.has(r))))
      if (!group.rules.includes(rule)) group.rules.push(rule);
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || OUTCOME_RANK[a.to] - OUTCOME_RANK[b.to]);
  return { total: cases.length, changed: sorted.reduce((n, g) => n + g.count, 0), groups: sorted, stricterThanLaw, looserThanLaw };
}
