/**
 * The participant form, for adding one and for editing one in place: name, TIN, NPI and aliases (doing-business-as
 * names, Direct addresses or whole Direct domains, fax numbers; one per line). Everything is checked as the
 * importer checks a row, and a bad value is named beside its field; nothing is saved until it all passes.
 */
import { useId, useState } from "preact/hooks";
import type { Participant } from "../core/schema.ts";
import { aliasKind, uniqueAliases } from "../import/aliases.ts";
import { cleanNpi, cleanTin } from "../import/identifiers.ts";
import { t } from "../platform/i18n.ts";

type Draft = { name: string; tin: string; npi: string; aliases: string };
type Errors = Partial<Record<keyof Draft, string>>;

const draftOf = (p?: Participant): Draft => ({
  name: p?.name ?? "",
  tin: p?.tin ?? "",
  npi: p?.npi ?? "",
  aliases: (p?.aliases ?? []).join("\n"),
});

/** The participant the draft describes, or what is wrong with each field. */
export function checkDraft(draft: Draft): { participant: Participant } | { errors: Errors } {
  const errors: Errors = {};
  const name = draft.name.trim().replace(/\s+/g, " ");
  if (!name) errors.name = t("reject_missing_name");
  const tin = draft.tin.trim() ? cleanTin(draft.tin) : undefined;
  if (draft.tin.trim() && !tin) errors.tin = t("reject_bad_tin");
  const npi = draft.npi.trim() ? cleanNpi(draft.npi) : undefined;
  if (draft.npi.trim() && !npi) errors.npi = t("reject_bad_npi");
  const aliases = uniqueAliases(draft.aliases.split(/[\n;]/).map((a) => (a.includes("@") ? a.trim().toLowerCase() : a.trim())));
  const bad = aliases.find((a) => aliasKind(a) === undefined);
  if (bad !== undefined) errors.aliases = t("participant_bad_alias", bad);
  if (Object.keys(errors).length > 0) return { errors };
  return { participant: { name, ...(tin ? { tin } : {}), ...(npi ? { npi } : {}), ...(aliases.length ? { aliases } : {}) } };
}

type Props = {
  /** Accessible name of the form ("Add a participant", "Edit Lakeside Neurology in Valley ACO"). */
  label: string;
  initial?: Participant;
  submit: string;
  /** Returns false when the participant could not be saved (the form keeps what was typed). */
  onSubmit: (participant: Participant) => Promise<boolean> | boolean;
  onCancel?: () => void;
  /** Extra fields before the participant's own (the ACO to add to). */
  children?: preact.ComponentChildren;
  autoFocus?: boolean;
};

export function ParticipantForm({ label, initial, submit, onSubmit, onCancel, children, autoFocus }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [errors, setErrors] = useState<Errors>({});

  const send = async (e: Event) => {
    e.preventDefault();
    const checked = checkDraft(draft);
    if ("errors" in checked) {
      setErrors(checked.errors);
      const first = (["name", "tin", "npi", "aliases"] as const).find((f) => checked.errors[f]);
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    if ((await onSubmit(checked.participant)) && !initial) setDraft(draftOf());
  };

  const field = (name: keyof Draft, text: string, extra: Record<string, unknown> = {}) => (
    <div class="sc-field">
      <label for={`${id}-${name}`}>{text}</label>
      {name === "aliases" ? (
        <textarea
          id={`${id}-${name}`}
          rows={3}
          value={draft[name]}
          aria-invalid={errors[name] ? "true" : undefined}
          aria-describedby={`${id}-${name}-hint${errors[name] ? ` ${id}-${name}-error` : ""}`}
          onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
        />
      ) : (
        <input
          id={`${id}-${name}`}
          type="text"
          value={draft[name]}
          aria-invalid={errors[name] ? "true" : undefined}
          aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
          onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
          {...extra}
        />
      )}
      {name === "aliases" && (
        <span class="sc-hint" id={`${id}-${name}-hint`}>
          {t("participant_aliases_hint")}
        </span>
      )}
      {errors[name] && (
        <span class="sc-error" id={`${id}-${name}-error`}>
          {errors[name]}
        </span>
      )}
    </div>
  );

  return (
    <form class="sc-inline-form sc-participant-form" onSubmit={(e) => void send(e)} aria-label={label}>
      {children}
      {field("name", t("options_col_name"), autoFocus ? { autoFocus: true } : {})}
      {field("tin", t("options_col_tin"), { inputMode: "numeric" })}
      {field("npi", t("options_col_npi"), { inputMode: "numeric" })}
      {field("aliases", t("options_col_aliases"))}
      <button type="submit" class="sc-button sc-primary">
        {submit}
      </button>
      {onCancel && (
        <button type="button" class="sc-button" onClick={onCancel}>
          {t("options_cancel")}
        </button>
      )}
    </form>
  );
}
