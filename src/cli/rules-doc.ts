/** `npm run rules-doc`: writes src/core/rules/README.md from the rule catalogue (see rules-readme.ts). */
import { writeFileSync } from "node:fs";
import { renderRulesReadme } from "../core/rules/rules-readme.ts";

export const RULES_README = new URL("../core/rules/README.md", import.meta.url);

writeFileSync(RULES_README, renderRulesReadme());
console.log(`rules-doc: wrote ${RULES_README.pathname}`);
