/** The organisation's ACOs as the choices of a select, after a "Choose an ACO" prompt (import target, participant's ACO). */
import type { Aco } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { type Choice, noChoice } from "../ui/fields.tsx";

export function acoChoices(acos: readonly Aco[]): Choice<string>[] {
  return [noChoice(t("import_target_choose")), ...acos.map((a) => ({ value: a.id, text: `${a.name} (${a.id})` }))];
}
