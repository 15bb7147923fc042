/**
 * Renders the rule catalogue (catalogue.ts) as Markdown: every rule id, the outcomes it can
 * contribute, its texts and its citations with their addresses, grouped as the code groups them,
 * then the precedence. `npm run rules-doc` writes it to src/core/rules/README.md and a unit test
 * fails when that file differs from this rendering.
 */
import { citationInfo } from "../citations.ts";
import { OUTCOME_LABELS } from "../labels.ts";
import { ACO_MATCHING, PRECEDENCE, RULE_GROUPS } from "./catalogue.ts";

function citationLink(citation: string): string {
  const info = citationInfo(citation);
  if (!info) return citation;
  const label = citation.startsWith("http") ? info.title : `${citation}`;
  return `[${label}](<${info.url}>)${citation.startsWith("http") ? "" : ` (${info.title})`}`;
}

function anchor(id: string): string {
  return id.replace(/[^a-z0-9-]/g, "");
}

export function renderRulesReadme(): string {
  const count = RULE_GROUPS.reduce((n, g) => n + g.rules.length, 0);
  const out: string[] = [
    "# ShareCheck's rules",
    "",
    "<!-- Written by `npm run rules-doc` from src/core/rules (catalogue.ts and the rule files). Do not edit by hand: a unit test fails when this file is stale. -->",
    "",
    `Every rule the rules core applies (${count} rules), grouped as the code groups them and in the order`,
    "`evaluate()` applies the groups, then the precedence between them. Each rule has a stable id (the",
    "`rule` of a verdict's reasons), the outcomes it can contribute, the text a clinician reads and the",
    "headline clause used when it decides the verdict, and its citations. It is not legal advice.",
    "",
    "## Contents",
    "",
    ...RULE_GROUPS.map(
      (g) => `- [${g.title}](#${anchor(g.title.toLowerCase().replace(/ /g, "-"))}): ${g.rules.map((r) => `\`${r.id}\``).join(", ")}`,
    ),
    "- [Precedence](#precedence)",
    "- [ACO matching](#aco-matching)",
    "",
  ];
  for (const group of RULE_GROUPS) {
    out.push(`## ${group.title}`, "", `${group.about} Code: [\`${group.file}\`](${group.file}).`, "");
    for (const rule of group.rules) {
      out.push(
        `### \`${rule.id}\``,
        "",
        `- **Outcome${rule.outcomes.length > 1 ? "s" : ""}:** ${rule.outcomes.map((o) => `${OUTCOME_LABELS[o]} (\`${o}\`)`).join("; ")}`,
        `- **Text:** ${rule.text}`,
        `- **Headline:** …: ${rule.headline}`,
        `- **Citations:** ${rule.citations.length > 0 ? rule.citations.map(citationLink).join("; ") : "none (organisation policy, not law)"}`,
        "",
      );
    }
  }
  out.push("## Precedence", "", ...PRECEDENCE.map((line, i) => `${i + 1}. ${line}`), "");
  out.push(
    "## ACO matching",
    "",
    "Code: [`../aco-match.ts`](../aco-match.ts), [`../name-key.ts`](../name-key.ts), [`../match-keys.ts`](../match-keys.ts).",
    "",
    ...ACO_MATCHING.map((line) => `- ${line}`),
    "",
  );
  return out.join("\n");
}
