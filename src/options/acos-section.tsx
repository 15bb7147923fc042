/** The ACOs the organisation takes part in: add, edit, remove; every participant across them; CSV import; undo. */
import { useId, useState } from "preact/hooks";
import { ACO_PROGRAMS, type Aco, type AcoProgram } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import type { UndoRecord } from "../settings/undo.ts";
import { choicesOf, InputField, SelectField } from "../ui/fields.tsx";
import { key } from "../ui/message-key.ts";
import { ImportPanel } from "./import-panel.tsx";
import { LockedNote } from "./locked-note.tsx";
import type { SectionProps } from "./options.tsx";
import { withAcos } from "./participant-edits.ts";
import { ParticipantsTable } from "./participants-table.tsx";
import { UndoOffer } from "./undo-offer.tsx";

type Props = SectionProps & { undo: UndoRecord | undefined; onUndo: () => Promise<void> };

export function AcosSection(props: Props) {
  const { settings, isLocked, save, undo, onUndo } = props;
  const id = useId();
  const locked = isLocked("acos");
  const acos = settings.profile.acos;
  const [draft, setDraft] = useState<{ id: string; name: string; program: AcoProgram }>({ id: "", name: "", program: "mssp" });
  const [error, setError] = useState("");

  const add = (e: Event) => {
    e.preventDefault();
    const acoId = draft.id.trim();
    const name = draft.name.trim();
    if (!acoId || !name) return setError(t("options_aco_needs_id_name"));
    if (acos.some((a) => a.id === acoId)) return setError(t("options_aco_duplicate", acoId));
    setError("");
    void save(
      withAcos((latest) =>
        latest.some((a) => a.id === acoId) ? latest : [...latest, { id: acoId, name, program: draft.program, participants: [] }],
      ),
      t("options_aco_added", name),
      { undoLabel: t("options_aco_changed", name) },
    );
    setDraft({ id: "", name: "", program: draft.program });
  };
  const changeAco = (aco: Aco, change: (aco: Aco) => Aco) =>
    void save(
      withAcos((latest) => latest.map((a) => (a.id === aco.id ? change(a) : a))),
      undefined,
      { undoLabel: t("options_aco_changed", aco.name) },
    );

  return (
    <section class="sc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("options_acos")}</h2>
      {locked && <LockedNote />}
      {!locked && undo && <UndoOffer undo={undo} acos={acos} onUndo={onUndo} />}
      {acos.length === 0 && <p class="sc-hint">{t("options_acos_none")}</p>}
      {acos.map((aco) => (
        <AcoEditor
          key={aco.id}
          aco={aco}
          locked={locked}
          onChange={(change) => changeAco(aco, change)}
          onRemove={() =>
            void save(
              withAcos((latest) => latest.filter((a) => a.id !== aco.id)),
              t("options_aco_removed", aco.name),
              { undoLabel: t("options_aco_removal", aco.name) },
            )
          }
        />
      ))}
      {!locked && (
        <form class="sc-inline-form" onSubmit={add} aria-labelledby={`${id}-add`}>
          <h3 id={`${id}-add`}>{t("options_aco_add")}</h3>
          <InputField
            id={`${id}-id`}
            label={t("options_aco_id")}
            type="text"
            value={draft.id}
            onInput={(e) => setDraft({ ...draft, id: e.currentTarget.value })}
          />
          <InputField
            id={`${id}-name`}
            label={t("options_aco_new_name")}
            type="text"
            value={draft.name}
            onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <ProgramField id={`${id}-program`} value={draft.program} onChange={(program) => setDraft({ ...draft, program })} />
          <button type="submit" class="sc-button">
            {t("options_aco_add")}
          </button>
          {error && (
            <p class="sc-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      {acos.length > 0 && <ParticipantsTable acos={acos} locked={locked} save={save} />}
      {!locked && <ImportPanel {...props} />}
    </section>
  );
}

/** The ACO program dropdown, the same in the add form and in each ACO's editor. */
function ProgramField({
  id,
  value,
  disabled,
  onChange,
}: {
  id: string;
  value: AcoProgram;
  disabled?: boolean;
  onChange: (program: AcoProgram) => void;
}) {
  return (
    <SelectField
      id={id}
      label={t("options_aco_program")}
      value={value}
      choices={choicesOf(ACO_PROGRAMS, (p) => t(key("program", p)))}
      disabled={disabled}
      onChange={onChange}
    />
  );
}

function AcoEditor({
  aco,
  locked,
  onChange,
  onRemove,
}: {
  aco: Aco;
  locked: boolean;
  onChange: (change: (aco: Aco) => Aco) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  return (
    <div class="sc-aco" data-aco-id={aco.id}>
      <h3>{t("options_aco_heading", [aco.name, aco.id])}</h3>
      <div class="sc-grid">
        <InputField
          id={`${id}-name`}
          label={t("options_aco_name")}
          type="text"
          value={aco.name}
          disabled={locked}
          onChange={(e) => {
            const name = e.currentTarget.value.trim();
            if (name) onChange((a) => ({ ...a, name }));
          }}
        />
        <ProgramField
          id={`${id}-program`}
          value={aco.program ?? "other"}
          disabled={locked}
          onChange={(program) => onChange((a) => ({ ...a, program }))}
        />
      </div>
      <p class="sc-hint">{t("options_participants_summary", String(aco.participants.length))}</p>
      {!locked &&
        (confirming ? (
          <p class="sc-confirm">
            {t("options_aco_remove_confirm", aco.name)}{" "}
            <button type="button" class="sc-button sc-danger" onClick={onRemove}>
              {t("options_remove")}
            </button>{" "}
            <button type="button" class="sc-button" onClick={() => setConfirming(false)}>
              {t("options_cancel")}
            </button>
          </p>
        ) : (
          <button type="button" class="sc-button sc-danger" onClick={() => setConfirming(true)}>
            {t("options_aco_remove", aco.name)}
          </button>
        ))}
    </div>
  );
}
