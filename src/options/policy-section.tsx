/**
 * Organisation policy (not law) and how strongly ShareCheck steps in. Policy edits are a draft until
 * "Save policy": "What would change?" first runs the bundled corpus of typical disclosures under the
 * saved policy and under the draft and shows what would change (issue 11).
 */
import { useId, useState } from "preact/hooks";
import { INFORMATION_KINDS, type OrgPolicy } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { INTERCEPTION_MODES } from "../settings/schema.ts";
import { key } from "../ui/check-form.tsx";
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
      <fieldset class="sc-fieldset" disabled={locked}>
        <legend class="sc-legend">{t("options_outside_aco")}</legend>
        {locked && <LockedNote />}
        {(["allow", "review"] as const).map((v) => (
          <label class="sc-check sc-block" key={v}>
            <input type="radio" name={`${id}-outside`} value={v} checked={policy.outsideAco === v} onChange={() => edit({ outsideAco: v })} />
            {t(`options_outside_aco_${v}`)}
          </label>
        ))}
      </fieldset>
      <fieldset class="sc-fieldset" disabled={locked}>
        <legend class="sc-legend">{t("options_review_categories")}</legend>
        {locked && <LockedNote />}
        <div class="sc-checks">
          {INFORMATION_KINDS.map((kind) => (
            <label class="sc-check" key={kind}>
              <input
                type="checkbox"
                checked={policy.reviewCategories.includes(kind)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  edit({ reviewCategories: INFORMATION_KINDS.filter((k) => (k === kind ? on : policy.reviewCategories.includes(k))) });
                }}
              />
              {t(key("information", kind))}
            </label>
          ))}
        </div>
      </fieldset>
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
      <fieldset class="sc-fieldset" disabled={modeLocked}>
        <legend class="sc-legend">{t("options_mode")}</legend>
        {modeLocked && <LockedNote />}
        {INTERCEPTION_MODES.map((m) => (
          <label class="sc-check sc-block" key={m}>
            <input type="radio" name={`${id}-mode`} value={m} checked={settings.mode === m} onChange={() => void save({ ...settings, mode: m })} />
            <span>
              <strong>{t(key("mode", m))}</strong> <span class="sc-hint">{t(key("mode_hint", m))}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
