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
import { CheckField, CheckGroup, choicesOf, noChoice, SelectField } from "./fields.tsx";
import { RecipientCombobox, recipientFromText, type RecipientText, type Suggest } from "./recipient-combobox.tsx";
import type { Suggestion } from "./recipient-suggestions.ts";
import { key } from "./message-key.ts";
import { pruneIrrelevant, relevance } from "./relevance.ts";
import "./theme.css";

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
  const notSure = noChoice(t("form_not_sure"));

  return (
    <form class="sc-check-form" onKeyDown={moveOnEnter} onSubmit={(e) => e.preventDefault()} aria-label={t("form_label")}>
      <RecipientCombobox recipient={value.recipient} onText={typeText} onPick={pickParticipant} suggest={suggest} autoFocus={autoFocus} />

      <SelectField
        id={`${id}-type`}
        label={t("form_recipient_type")}
        value={value.recipient.type}
        choices={choicesOf(RECIPIENT_TYPES, (r) => t(key("recipient_type", r)))}
        onChange={(type) => change({ ...value, recipient: { ...value.recipient, type } })}
      />

      <SelectField
        id={`${id}-purpose`}
        label={t("form_purpose")}
        value={value.purpose}
        choices={choicesOf(PURPOSES, (p) => t(key("purpose", p)))}
        onChange={(purpose) => change({ ...value, purpose })}
      />

      {show.operationsActivity && (
        <SelectField
          id={`${id}-ops`}
          label={t("form_operations_activity")}
          value={value.operationsActivity ?? ""}
          choices={[notSure, ...choicesOf(OPERATIONS_ACTIVITIES, (a) => t(key("operations", a)))]}
          onChange={(a) => change({ ...value, operationsActivity: a || undefined })}
        />
      )}

      {show.otherPurpose && (
        <SelectField
          id={`${id}-other`}
          label={t("form_other_purpose")}
          value={value.otherPurpose ?? ""}
          choices={[notSure, ...choicesOf(OTHER_PURPOSES, (o) => t(key("other_purpose", o)))]}
          onChange={(o) => change({ ...value, otherPurpose: o || undefined })}
        />
      )}

      {show.forProviderTreatment && (
        <SelectField
          id={`${id}-fpt`}
          label={t("form_for_provider_treatment")}
          value={yesNo(value.forProviderTreatment)}
          choices={[notSure, { value: "yes", text: t("form_yes") }, { value: "no", text: t("form_no") }]}
          onChange={(v) => change({ ...value, forProviderTreatment: bool(v) })}
        />
      )}

      <CheckGroup
        legend={t("form_information")}
        choices={choicesOf(INFORMATION_KINDS, (kind) => t(key("information", kind)))}
        checked={value.information}
        onToggle={toggleKind}
      />

      {(show.authorizationOnFile || show.part2Consent || show.agreedRestriction || show.selfPayRestriction || show.emergency) && (
        <fieldset class="sc-fieldset">
          <legend class="sc-legend">{t("form_patient_facts")}</legend>
          {show.part2Consent && (
            <SelectField
              id={`${id}-p2`}
              label={t("form_part2_consent")}
              value={value.patient?.part2Consent ?? ""}
              choices={[notSure, ...choicesOf(PART2_CONSENTS, (c) => t(key("part2_consent", c)))]}
              onChange={(c) => patient({ part2Consent: c || undefined })}
            />
          )}
          <div class="sc-checks">
            {show.authorizationOnFile && (
              <CheckField
                label={t("form_authorization_on_file")}
                checked={value.patient?.authorizationOnFile === true}
                onChange={(on) => patient({ authorizationOnFile: on || undefined })}
              />
            )}
            {show.agreedRestriction && (
              <CheckField
                label={t("form_agreed_restriction")}
                checked={value.patient?.agreedRestriction === true}
                onChange={(on) => patient({ agreedRestriction: on || undefined })}
              />
            )}
            {show.selfPayRestriction && (
              <CheckField
                label={t("form_self_pay_restriction")}
                checked={value.patient?.selfPayRestriction === true}
                onChange={(on) => patient({ selfPayRestriction: on || undefined })}
              />
            )}
            {show.emergency && (
              <CheckField
                label={t("form_emergency")}
                checked={value.emergency === true}
                onChange={(on) => change({ ...value, emergency: on || undefined })}
              />
            )}
          </div>
        </fieldset>
      )}
    </form>
  );
}
