/**
 * Every participant of every ACO in one compact, virtualised table (ACO, name, TIN, NPI, aliases), one search across
 * all ACOs, editing a participant in place, removing one (undone like any change of the lists), and adding one.
 */
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import type { Aco, Participant } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { SelectField } from "../ui/fields.tsx";
import { acoChoices } from "./aco-choices.ts";
import type { SectionProps } from "./options.tsx";
import { addParticipant, replaceParticipant, withAcos } from "./participant-edits.ts";
import { ParticipantForm } from "./participant-form.tsx";
import { buildParticipantIndex, type ParticipantRow } from "./participant-index.ts";
import { VirtualTable } from "./virtual-table.tsx";

type Props = Pick<SectionProps, "save"> & { acos: Aco[]; locked: boolean };
type Editing = { row: ParticipantRow };

export function ParticipantsTable({ acos, locked, save }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const index = useMemo(() => buildParticipantIndex(acos), [acos]);
  const matches = useMemo(() => index.search(query), [index, query]);
  const [editing, setEditing] = useState<Editing>();
  const [addTo, setAddTo] = useState("");
  const [addToError, setAddToError] = useState(false);
  const editor = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => editor.current?.scrollIntoView({ block: "nearest" }), [editing]);

  const total = index.rows.length;
  const acosOf = useMemo(() => new Set(matches.map((i) => index.rows[i]!.acoId)).size, [matches, index]);

  const edit = async (row: ParticipantRow, after: Participant) => {
    const saved = await save(
      withAcos((latest) => replaceParticipant(latest, row.acoId, row.participant, after, row.index)),
      t("participant_saved", [after.name, row.acoName]),
      {
        undoLabel: t("participant_change", [row.participant.name, row.acoName]),
      },
    );
    if (saved) {
      setEditing(undefined);
      search.current?.focus();
    }
    return !!saved;
  };
  const remove = (row: ParticipantRow) =>
    void save(
      withAcos((latest) => replaceParticipant(latest, row.acoId, row.participant, undefined, row.index)),
      t("participant_removed", [row.participant.name, row.acoName]),
      {
        undoLabel: t("participant_removal", [row.participant.name, row.acoName]),
      },
    );

  return (
    <div class="sc-participants">
      <h3 id={`${id}-h`}>{t("participants_all")}</h3>
      <div class="sc-field">
        <label for={`${id}-search`}>{t("participants_search_all")}</label>
        <input
          ref={search}
          id={`${id}-search`}
          type="search"
          value={query}
          aria-describedby={`${id}-count`}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <p class="sc-hint" role="status" id={`${id}-count`} data-testid="participants-count">
        {query.trim()
          ? t("participants_found", [String(matches.length), String(acosOf), String(total)])
          : t("participants_total", [String(total), String(acos.length)])}
      </p>
      <VirtualTable
        label={t("participants_all")}
        count={matches.length}
        heightRem={18}
        item={(i) => index.rows[matches[i]!]!}
        rowKey={(row) => `${row.aco}:${row.index}`}
        columns={[
          { header: t("import_col_aco"), cell: (row) => row.acoName, width: "9rem" },
          { header: t("options_col_name"), cell: (row) => row.participant.name },
          { header: t("options_col_tin"), cell: (row) => row.participant.tin ?? "", width: "6.5rem" },
          { header: t("options_col_npi"), cell: (row) => row.participant.npi ?? "", width: "7rem" },
          { header: t("options_col_aliases"), cell: (row) => (row.participant.aliases ?? []).join("; ") },
          {
            header: t("options_col_actions"),
            width: "9.5rem",
            cell: (row) =>
              locked ? null : (
                <>
                  <button type="button" class="sc-button sc-small" onClick={() => setEditing({ row })}>
                    {t("options_edit")}
                    <span class="sc-visually-hidden"> {t("participant_in", [row.participant.name, row.acoName])}</span>
                  </button>{" "}
                  <button type="button" class="sc-button sc-danger sc-small" onClick={() => remove(row)}>
                    {t("options_remove")}
                    <span class="sc-visually-hidden"> {t("participant_in", [row.participant.name, row.acoName])}</span>
                  </button>
                </>
              ),
          },
        ]}
      />
      {editing && !locked && (
        <div ref={editor} class="sc-editor">
          <ParticipantForm
            key={`${editing.row.acoId}:${editing.row.index}`}
            label={t("participant_edit", [editing.row.participant.name, editing.row.acoName])}
            initial={editing.row.participant}
            submit={t("participant_save")}
            autoFocus
            onSubmit={(after) => edit(editing.row, after)}
            onCancel={() => {
              setEditing(undefined);
              search.current?.focus();
            }}
          >
            <p class="sc-legend">{t("participant_edit", [editing.row.participant.name, editing.row.acoName])}</p>
          </ParticipantForm>
        </div>
      )}
      {!locked && acos.length > 0 && (
        <ParticipantForm
          label={t("options_add_participant")}
          submit={t("options_add_participant")}
          onSubmit={async (participant) => {
            const target = acos.length === 1 ? acos[0]!.id : addTo;
            const aco = acos.find((a) => a.id === target);
            setAddToError(!aco);
            if (!aco) {
              document.getElementById(`${id}-to`)?.focus();
              return false;
            }
            return !!(await save(
              withAcos((latest) => addParticipant(latest, aco.id, participant)),
              t("participant_added", [participant.name, aco.name]),
              {
                undoLabel: t("participant_addition", [participant.name, aco.name]),
              },
            ));
          }}
        >
          {acos.length > 1 && (
            <SelectField
              id={`${id}-to`}
              label={t("participant_add_to")}
              value={addTo}
              choices={acoChoices(acos)}
              error={addToError ? t("participant_choose_aco") : undefined}
              onChange={(to) => {
                setAddTo(to);
                setAddToError(false);
              }}
            />
          )}
        </ParticipantForm>
      )}
    </div>
  );
}
