/** Who the organisation is: name, role, TIN, NPI and state. A bad TIN or NPI is explained and not saved. */
import { useId, useState } from "preact/hooks";
import { DISCLOSER_ROLES, US_STATES, type UsState } from "../core/schema.ts";
import { cleanNpi, cleanTin } from "../import/identifiers.ts";
import { t } from "../platform/i18n.ts";
import { key } from "../ui/check-form.tsx";
import { LockedNote } from "./locked-note.tsx";
import type { SectionProps } from "./options.tsx";

export function OrganizationSection({ settings, isLocked, save }: SectionProps) {
  const id = useId();
  const org = settings.profile.organization;
  const locked = isLocked("organization");
  const stateLocked = isLocked("state");
  const [errors, setErrors] = useState<{ tin?: string; npi?: string }>({});
  const saveOrg = (patch: Partial<typeof org>) =>
    save({ ...settings, profile: { ...settings.profile, organization: { ...org, ...patch } } });

  const identifier = (field: "tin" | "npi", raw: string) => {
    const text = raw.trim();
    const clean = field === "tin" ? cleanTin(text) : cleanNpi(text);
    if (text && !clean) {
      setErrors((e) => ({ ...e, [field]: t(field === "tin" ? "options_bad_tin" : "options_bad_npi") }));
      return;
    }
    setErrors((e) => ({ ...e, [field]: undefined }));
    void saveOrg({ [field]: clean });
  };

  return (
    <section class="sc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("options_org")}</h2>
      {locked && <LockedNote />}
      <div class="sc-grid">
        <div class="sc-field">
          <label for={`${id}-name`}>{t("options_org_name")}</label>
          <input id={`${id}-name`} type="text" value={org.name} disabled={locked} onChange={(e) => void saveOrg({ name: e.currentTarget.value.trim() })} />
        </div>
        <div class="sc-field">
          <label for={`${id}-role`}>{t("options_org_role")}</label>
          <select id={`${id}-role`} value={org.role} disabled={locked} onChange={(e) => void saveOrg({ role: e.currentTarget.value as typeof org.role })}>
            {DISCLOSER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(key("role", r))}
              </option>
            ))}
          </select>
        </div>
        <div class="sc-field">
          <label for={`${id}-tin`}>{t("options_org_tin")}</label>
          <input
            id={`${id}-tin`}
            type="text"
            inputMode="numeric"
            value={org.tin ?? ""}
            disabled={locked}
            aria-invalid={errors.tin ? "true" : undefined}
            aria-describedby={errors.tin ? `${id}-tin-error` : undefined}
            onChange={(e) => identifier("tin", e.currentTarget.value)}
          />
          {errors.tin && (
            <span id={`${id}-tin-error`} class="sc-error">
              {errors.tin}
            </span>
          )}
        </div>
        <div class="sc-field">
          <label for={`${id}-npi`}>{t("options_org_npi")}</label>
          <input
            id={`${id}-npi`}
            type="text"
            inputMode="numeric"
            value={org.npi ?? ""}
            disabled={locked}
            aria-invalid={errors.npi ? "true" : undefined}
            aria-describedby={errors.npi ? `${id}-npi-error` : undefined}
            onChange={(e) => identifier("npi", e.currentTarget.value)}
          />
          {errors.npi && (
            <span id={`${id}-npi-error`} class="sc-error">
              {errors.npi}
            </span>
          )}
        </div>
        <div class="sc-field">
          <label for={`${id}-state`}>{t("options_org_state")}</label>
          <select
            id={`${id}-state`}
            value={settings.profile.state ?? ""}
            disabled={stateLocked}
            onChange={(e) =>
              void save({ ...settings, profile: { ...settings.profile, state: (e.currentTarget.value || undefined) as UsState | undefined } })
            }
          >
            <option value="">{t("options_state_none")}</option>
            {US_STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          {stateLocked && <LockedNote />}
        </div>
      </div>
    </section>
  );
}
