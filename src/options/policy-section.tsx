/** Organisation policy (not law) and how strongly ShareCheck steps in. */
import { useId } from "preact/hooks";
import { INFORMATION_KINDS } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { INTERCEPTION_MODES } from "../settings/schema.ts";
import { key } from "../ui/check-form.tsx";
import { LockedNote } from "./locked-note.tsx";
import type { SectionProps } from "./options.tsx";

export function PolicySection({ settings, isLocked, save }: SectionProps) {
  const id = useId();
  const policy = settings.profile.policy;
  const locked = isLocked("policy");
  const modeLocked = isLocked("mode");
  const savePolicy = (patch: Partial<typeof policy>) =>
    save({ ...settings, profile: { ...settings.profile, policy: { ...policy, ...patch } } });

  return (
    <section class="sc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("options_policy")}</h2>
      <p class="sc-hint">{t("options_policy_hint")}</p>
      <fieldset class="sc-fieldset" disabled={locked}>
        <legend class="sc-legend">{t("options_outside_aco")}</legend>
        {locked && <LockedNote />}
        {(["allow", "review"] as const).map((v) => (
          <label class="sc-check sc-block" key={v}>
            <input type="radio" name={`${id}-outside`} value={v} checked={policy.outsideAco === v} onChange={() => void savePolicy({ outsideAco: v })} />
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
                  void savePolicy({
                    reviewCategories: INFORMATION_KINDS.filter((k) => (k === kind ? on : policy.reviewCategories.includes(k))),
                  });
                }}
              />
              {t(key("information", kind))}
            </label>
          ))}
        </div>
      </fieldset>
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
