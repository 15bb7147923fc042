/**
 * What a rule is (data: id, citations, texts) and what it yields when it fires (a hit: the
 * outcome it contributes, plus its conditions and cautions). Rule families in rules/ build hits.
 */
import type { Outcome } from "./schema.ts";

export interface Rule {
  /** Stable id; every id is listed in src/core/rules/README.md (npm run rules-doc). */
  readonly id: string;
  /** Every outcome the rule can contribute (fire() accepts only these). */
  readonly outcomes: readonly Outcome[];
  /** Canonical citations, compared literally by tests. */
  readonly citations: readonly string[];
  /** The clinician text of the reason. */
  readonly text: string;
  /** The headline clause after "<Outcome>: " when this rule decides the verdict. */
  readonly headline: string;
}

export interface Hit {
  readonly rule: string;
  /** The outcome this rule contributes; the verdict is the strictest of them. */
  readonly outcome: Outcome;
  readonly citations: readonly string[];
  readonly text: string;
  readonly headline: string;
  readonly conditions: readonly string[];
  readonly cautions: readonly string[];
  readonly source: "law" | "org-policy";
}

/** What a rule family returns: its hits and any cautions that belong to no hit. */
export interface Finding {
  hits: Hit[];
  cautions: string[];
  /** Conditions added only when the law outcome turns out permitted (a business associate agreement not known). */
  conditionsIfPermitted?: string[];
}

export interface HitOptions {
  citations?: readonly string[];
  text?: string;
  headline?: string;
  conditions?: readonly string[];
  cautions?: readonly string[];
  source?: "law" | "org-policy";
}

const NONE: readonly string[] = [];

export function fire<R extends Rule>(rule: R, outcome: R["outcomes"][number], options: HitOptions = {}): Hit {
  return {
    rule: rule.id,
    outcome,
    citations: options.citations ?? rule.citations,
    text: options.text ?? rule.text,
    headline: options.headline ?? rule.headline,
    conditions: options.conditions ?? NONE,
    cautions: options.cautions ?? NONE,
    source: options.source ?? "law",
  };
}

export function finding(hits: Hit[] = [], cautions: string[] = []): Finding {
  return { hits, cautions };
}
