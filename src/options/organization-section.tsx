/** Who the organisation is: name, role, TIN, NPI and state. A bad TIN or NPI is explained and not saved. */
import { useId, useState } from "preact/hooks";
import { DISCLOSER_ROLES, US_STATES } from "../core/schema.ts";
import { cleanNpi, cleanTin } from "../import/identifiers.ts";
import { t } from "../platform/i18n.ts";
import { choicesOf, InputField, noChoice, SelectField } from "../ui/fields.tsx";
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
        <InputField
          id={`${id}-name`}
          label={t("options_org_name")}
          type="text"
          value={org.name}
          disabled={locked}
          onChange={(e) => void saveOrg({ name: e.currentTarget.value.trim() })}
        />
        <SelectField
          id={`${id}-role`}
          label={t("options_org_role")}
          value={org.role}
          choices={choicesOf(DISCLOSER_ROLES, (r) => t(key("role", r)))}
          disabled={locked}
          onChange={(role) => void saveOrg({ role })}
        />
        {(["tin", "npi"] as const).map((field) => (
          <InputField
            key={field}
            id={`${id}-${field}`}
            label={t(field === "tin" ? "options_org_tin" : "options_org_npi")}
            type="text"
            inputMode="numeric"
            value={org[field] ?? ""}
            disabled={locked}
            error={errors[field]}
            onChange={(e) => identifier(field, e.currentTarget.value)}
          />
        ))}
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
