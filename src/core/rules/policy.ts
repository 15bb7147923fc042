/**
 * Organisation policy, policy.*, is not law: it only raises a permitted outcome to `needs-review`, and
 * its reasons say so (source "org-policy", no citations).
 */
import type { Facts } from "../facts.ts";
import { isPermitted } from "../outcome.ts";
import type { InformationKind, Outcome } from "../schema.ts";
import { type Hit, type Rule, fire } from "../rule.ts";

const LAW_WOULD_ALLOW = "The law itself would allow this.";

export const KIND_LABELS: Readonly<Record<InformationKind, string>> = {
  general: "general health information",
  "psychotherapy-notes": "psychotherapy notes",
  "sud-part2": "Part 2 substance use disorder records",
  "mental-health": "mental health information",
  hiv: "HIV information",
  genetic: "genetic information",
  "reproductive-health": "reproductive health information",
};

export const POLICY_RULES = {
  outsideAco: {
    id: "policy.outside-aco",
    outcomes: ["needs-review"],
    citations: [],
    text: "Your organisation asks for review before sharing outside your ACOs.",
    headline: "your organisation asks for review before sharing outside your ACOs.",
  },
  reviewCategory: {
    id: "policy.review-category",
    outcomes: ["needs-review"],
    citations: [],
    text: "Your organisation asks for review before sharing this kind of information.",
    headline: "your organisation asks for review before sharing this kind of information.",
  },
} as const satisfies Record<string, Rule>;

function policyHit(rule: Rule, lawOutcome: Outcome, text: string, headline: string): Hit {
  const permitted = isPermitted(lawOutcome);
  return fire(rule, "needs-review", {
    source: "org-policy",
    text: permitted ? `${text} ${LAW_WOULD_ALLOW}` : text,
    headline: permitted ? `${headline.slice(0, -1)}; the law itself would allow it.` : headline,
  });
}

export function policy(f: Facts, lawOutcome: Outcome): Hit[] {
  const p = f.policy;
  if (!p) return [];
  const hits: Hit[] = [];
  // The patient's own copy is not a share outside the ACO (policy.outside-aco).
  if (p.outsideAco === "review" && f.purpose === "treatment" && f.outside && f.recipient.type !== "patient") {
    const R = POLICY_RULES.outsideAco;
    hits.push(policyHit(R, lawOutcome, R.text, R.headline));
  }
  const kinds = f.information.filter((kind) => p.reviewCategories.includes(kind));
  if (kinds.length > 0) {
    const what = [...new Set(kinds)].map((kind) => KIND_LABELS[kind]).join(", ");
    hits.push(
      policyHit(
        POLICY_RULES.reviewCategory,
        lawOutcome,
        `Your organisation asks for review before sharing ${what}.`,
        `your organisation asks for review before sharing ${what}.`,
      ),
    );
  }
  return hits;
}
