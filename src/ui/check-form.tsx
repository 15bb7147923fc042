/**
 * The quick-check form: recipient, recipient type, purpose (with its follow-up only when it matters),
 * kinds of information and the patient facts that can change the answer. Controlled: every change goes
 * out through `onChange` as a whole request, with answers to hidden questions dropped.
 * Enter in a field moves to the next one, so the check runs from the keyboard top to bottom.
 */
import { useId } from "preact/hooks";
import {
  INFORMATION_KINDS,
  OPERATIONS_ACTIVITIES,
  OTHER_PURPOSES,
  PART2_CONSENTS,
  PURPOSES,
  RECIPIENT_TYPES,
  type DisclosureRequest,
  type InformationKind,
  type Outcome,
  type PatientFacts,
} from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { RecipientCombobox, recipientFromText, type RecipientText, type Suggest } from "./recipient-combobox.tsx";
import type { Suggestion } from "./recipient-suggestions.ts";
import { key } from "./message-key.ts";
import { pruneIrrelevant, relevance } from "./relevance.ts";
import "./theme.css";

export { key } from "./message-key.ts";

export type CheckFormProps = {
  value: DisclosureRequest;
  onChange: (next: DisclosureRequest) => void;
  suggest?: Suggest | undefined;
  autoFocus?: boolean | undefined;
  /** The current verdict's outcome, so the form can ask about an authorization once the answer needs one. */
  outcome?: Outcome | undefined;
};

const RECIPIENT_TEXT_FIELDS = ["name", "tin", "npi", "directAddress", "fax", "organization"] as const;

const FOCUSABLE = "input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";

/** Enter in a text field, select or checkbox moves focus to the next control instead of submitting anything. */
export function moveOnEnter(e: KeyboardEvent) {
  if (e.key !== "Enter" || e.defaultPrevented || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement | null;
  if (!target || !(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  const form = e.currentTarget as HTMLElement;
  const controls = Array.from(form.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest("[hidden]"));
  const next = controls[controls.indexOf(target) + 1];
  e.preventDefault();
  next?.focus();
}

export function CheckForm({ value, onChange, suggest, autoFocus, outcome }: CheckFormProps) {
  const id = useId();
  const show = relevance(value, outcome);
  const change = (next: DisclosureRequest) => onChange(pruneIrrelevant(next, outcome));
  const patient = (facts: Partial<PatientFacts>) => {
    const merged: PatientFacts = { ...value.patient, ...facts };
    for (const k of Object.keys(merged) as (keyof PatientFacts)[]) if (merged[k] === undefined) delete merged[k];
    change({ ...value, patient: merged });
  };
  // What the recipient field says replaces everything it said before: an old TIN or fax no longer describes the recipient.
  const withRecipient = (type: DisclosureRequest["recipient"]["type"], said: RecipientText): DisclosureRequest => {
    const recipient: DisclosureRequest["recipient"] = { ...value.recipient, type };
    for (const k of RECIPIENT_TEXT_FIELDS) delete recipient[k];
    return { ...value, recipient: Object.assign(recipient, said) };
  };
  const pickParticipant = (p: Suggestion) =>
    change(
      withRecipient(value.recipient.type === "other" ? "provider" : value.recipient.type, {
        name: p.name,
        ...(p.tin ? { tin: p.tin } : {}),
        ...(p.npi ? { npi: p.npi } : {}),
      }),
    );
  const typeText = (text: string) => change(withRecipient(value.recipient.type, recipientFromText(text)));
  const toggleKind = (kind: InformationKind, on: boolean) => {
    const set = new Set(value.information);
    if (on) set.add(kind);
    else set.delete(kind);
    if (kind !== "general" && on) set.delete("general");
    const information = INFORMATION_KINDS.filter((k) => set.has(k));
    change({ ...value, information: information.length > 0 ? information : ["general"] });
  };
  const bool = (v: string): boolean | undefined => (v === "yes" ? true : v === "no" ? false : undefined);
  const yesNo = (v: boolean | undefined) => (v === true ? "yes" : v === false ? "no" : "");

  return (
    <form class="sc-check-form" onKeyDown={moveOnEnter} onSubmit={(e) => e.preventDefault()} aria-label={t("form_label")}>
      <RecipientCombobox
        recipient={value.recipient}
        onText={typeText}
        onPick={pickParticipant}
        suggest={suggest}
        autoFocus={autoFocus}
      />

      <div class="sc-field">
        <label for={`${id}-type`}>{t("form_recipient_type")}</label>
        <select
          id={`${id}-type`}
          value={value.recipient.type}
          onChange={(e) =>
            change({ ...value, recipient: { ...value.recipient, type: e.currentTarget.value as DisclosureRequest["recipient"]["type"] } })
          }
        >
          {RECIPIENT_TYPES.map((r) => (
            <option key={r} value={r}>
              {t(key("recipient_type", r))}
            </option>
          ))}
        </select>
      </div>

      <div class="sc-field">
        <label for={`${id}-purpose`}>{t("form_purpose")}</label>
        <select
          id={`${id}-purpose`}
          value={value.purpose}
          onChange={(e) => change({ ...value, purpose: e.currentTarget.value as DisclosureRequest["purpose"] })}
        >
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(key("purpose", p))}
            </option>
          ))}
        </select>
      </div>

      {show.operationsActivity && (
        <div class="sc-field">
          <label for={`${id}-ops`}>{t("form_operations_activity")}</label>
          <select
            id={`${id}-ops`}
            value={value.operationsActivity ?? ""}
            onChange={(e) =>
              change({
                ...value,
                operationsActivity: (e.currentTarget.value || undefined) as DisclosureRequest["operationsActivity"],
              })
            }
          >
            <option value="">{t("form_not_sure")}</option>
            {OPERATIONS_ACTIVITIES.map((a) => (
              <option key={a} value={a}>
                {t(key("operations", a))}
              </option>
            ))}
          </select>
        </div>
      )}

      {show.otherPurpose && (
        <div class="sc-field">
          <label for={`${id}-other`}>{t("form_other_purpose")}</label>
          <select
            id={`${id}-other`}
            value={value.otherPurpose ?? ""}
            onChange={(e) =>
              change({ ...value, otherPurpose: (e.currentTarget.value || undefined) as DisclosureRequest["otherPurpose"] })
            }
          >
            <option value="">{t("form_not_sure")}</option>
            {OTHER_PURPOSES.map((o) => (
              <option key={o} value={o}>
                {t(key("other_purpose", o))}
              </option>
            ))}
          </select>
        </div>
      )}

      {show.forProviderTreatment && (
        <div class="sc-field">
          <label for={`${id}-fpt`}>{t("form_for_provider_treatment")}</label>
          <select
            id={`${id}-fpt`}
            value={yesNo(value.forProviderTreatment)}
            onChange={(e) => change({ ...value, forProviderTreatment: bool(e.currentTarget.value) })}
          >
            <option value="">{t("form_not_sure")}</option>
            <option value="yes">{t("form_yes")}</option>
            <option value="no">{t("form_no")}</option>
          </select>
        </div>
      )}

      <fieldset class="sc-fieldset">
        <legend class="sc-legend">{t("form_information")}</legend>
        <div class="sc-checks">
          {INFORMATION_KINDS.map((kind) => (
            <label class="sc-check" key={kind}>
              <input
                type="checkbox"
                checked={value.information.includes(kind)}
                onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
              />
              {t(key("information", kind))}
            </label>
          ))}
        </div>
      </fieldset>

      {(show.authorizationOnFile || show.part2Consent || show.agreedRestriction || show.selfPayRestriction || show.emergency) && (
        <fieldset class="sc-fieldset">
          <legend class="sc-legend">{t("form_patient_facts")}</legend>
          {show.part2Consent && (
            <div class="sc-field">
              <label for={`${id}-p2`}>{t("form_part2_consent")}</label>
              <select
                id={`${id}-p2`}
                value={value.patient?.part2Consent ?? ""}
                onChange={(e) =>
                  patient({ part2Consent: (e.currentTarget.value || undefined) as PatientFacts["part2Consent"] })
                }
              >
                <option value="">{t("form_not_sure")}</option>
                {PART2_CONSENTS.map((c) => (
                  <option key={c} value={c}>
                    {t(key("part2_consent", c))}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="sc-checks">
            {show.authorizationOnFile && (
              <label class="sc-check">
                <input
                  type="checkbox"
                  checked={value.patient?.authorizationOnFile === true}
                  onChange={(e) => patient({ authorizationOnFile: e.currentTarget.checked || undefined })}
                />
                {t("form_authorization_on_file")}
              </label>
            )}
            {show.agreedRestriction && (
              <label class="sc-check">
                <input
                  type="checkbox"
                  checked={value.patient?.agreedRestriction === true}
                  onChange={(e) => patient({ agreedRestriction: e.currentTarget.checked || undefined })}
                />
                {t("form_agreed_restriction")}
              </label>
            )}
            {show.selfPayRestriction && (
              <label class="sc-check">
                <input
                  type="checkbox"
                  checked={value.patient?.selfPayRestriction === true}
                  onChange={(e) => patient({ selfPayRestriction: e.currentTarget.checked || undefined })}
                />
                {t("form_self_pay_restriction")}
              </label>
            )}
            {show.emergency && (
              <label class="sc-check">
                <input
                  type="checkbox"
                  checked={value.emergency === true}
                  onChange={(e) => change({ ...value, emergency: e.currentTarget.checked || undefined })}
                />
                {t("form_emergency")}
              </label>
            )}
          </div>
        </fieldset>
      )}
    </form>
  );
}
