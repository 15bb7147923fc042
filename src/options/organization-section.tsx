/** Who the organisation is: name, role, TIN, NPI and state. A bad TIN or NPI is explained and not saved. */
import { useId, useState } from "preact/hooks";
import { DISCLOSER_ROLES, US_STATES } from "../core/schema.ts";
import { cleanNpi, cleanTin } from "../import/identifiers.ts";
import { t } from "../platform/i18n.ts";
import { choicesOf, noChoice, SelectField } from "../ui/fields.tsx";
import { key } from "../ui/message-key.ts";
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
        <SelectField
          id={`${id}-role`}
          label={t("options_org_role")}
          value={org.role}
          choices={choicesOf(DISCLOSER_ROLES, (r) => t(key("role", r)))}
          disabled={locked}
          onChange={(role) => void saveOrg({ role })}
        />
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
        <SelectField
          id={`${id}-state`}
          label={t("options_org_state")}
          value={settings.profile.state ?? ""}
          choices={[noChoice(t("options_state_none")), ...choicesOf(US_STATES, (s) => s)]}
          disabled={stateLocked}
          onChange={(state) => void save({ ...settings, profile: { ...settings.profile, state: state || undefined } })}
        >
          {stateLocked && <LockedNote />}
        </SelectField>
      </div>
    </section>
  );
}
