/**
 * Organisation policy (not law) and how strongly ShareCheck steps in. Policy edits are a draft until
 * "Save policy": "What would change?" first runs the bundled corpus of typical disclosures under the
 * saved policy and under the draft and shows what would change (issue 11).
 */
import { useId, useState } from "preact/hooks";
import { INFORMATION_KINDS, type OrgPolicy } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { INTERCEPTION_MODES } from "../settings/schema.ts";
import { CheckGroup, choicesOf, RadioGroup } from "../ui/fields.tsx";
import { key } from "../ui/message-key.ts";
import { LockedNote } from "./locked-note.tsx";
import type { SectionProps } from "./options.tsx";
import { PolicySimulationView } from "./policy-simulation-view.tsx";

export function PolicySection({ settings, isLocked, save }: SectionProps) {
  const id = useId();
  const saved = settings.profile.policy;
  const [draft, setDraft] = useState<OrgPolicy>();
  const policy = draft ?? saved;
  const locked = isLocked("policy");
  const modeLocked = isLocked("mode");
  const edit = (patch: Partial<OrgPolicy>) => setDraft({ ...policy, ...patch });
  const dirty = draft !== undefined && JSON.stringify(draft) !== JSON.stringify(saved);
  const savePolicy = async () => {
    const next = policy;
    const stored = await save((latest) => ({ ...latest, profile: { ...latest.profile, policy: next } }));
    if (stored) setDraft(undefined);
  };

  return (
    <section class="sc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("options_policy")}</h2>
      <p class="sc-hint">{t("options_policy_hint")}</p>
      <RadioGroup
        name={`${id}-outside`}
        legend={t("options_outside_aco")}
        choices={choicesOf(["allow", "review"] as const, (v) => t(`options_outside_aco_${v}`))}
        value={policy.outsideAco}
        disabled={locked}
        onChange={(outsideAco) => edit({ outsideAco })}
      >
        {locked && <LockedNote />}
      </RadioGroup>
      <CheckGroup
        legend={t("options_review_categories")}
        choices={choicesOf(INFORMATION_KINDS, (kind) => t(key("information", kind)))}
        checked={policy.reviewCategories}
        disabled={locked}
        onToggle={(kind, on) =>
          edit({ reviewCategories: INFORMATION_KINDS.filter((k) => (k === kind ? on : policy.reviewCategories.includes(k))) })
        }
      >
        {locked && <LockedNote />}
      </CheckGroup>
      {!locked && (
        <PolicySimulationView profile={settings.profile} draft={policy} dirty={dirty}>
          {dirty && (
            <>
              <button type="button" class="sc-button sc-primary" onClick={() => void savePolicy()}>
                {t("options_policy_save")}
              </button>
              <button type="button" class="sc-button" onClick={() => setDraft(undefined)}>
                {t("options_policy_discard")}
              </button>
            </>
          )}
        </PolicySimulationView>
      )}
      <RadioGroup
        name={`${id}-mode`}
        legend={t("options_mode")}
        choices={choicesOf(INTERCEPTION_MODES, (m) => (
          <span>
            <strong>{t(key("mode", m))}</strong> <span class="sc-hint">{t(key("mode_hint", m))}</span>
          </span>
        ))}
        value={settings.mode}
        disabled={modeLocked}
        onChange={(mode) => void save({ ...settings, mode })}
      >
        {modeLocked && <LockedNote />}
      </RadioGroup>
    </section>
  );
}
