/** One ACO's participants: searchable by name, TIN or NPI, virtualised, with add and remove. */
import { useId, useMemo, useState } from "preact/hooks";
import type { Participant } from "../core/schema.ts";
import { cleanNpi, cleanTin } from "../import/identifiers.ts";
import { t } from "../platform/i18n.ts";
import { buildParticipantSearch } from "../ui/participant-search.ts";
import { VirtualTable } from "./virtual-table.tsx";

type Props = {
  acoName: string;
  participants: Participant[];
  locked: boolean;
  onChange: (next: Participant[]) => void;
};

export function ParticipantsTable({ acoName, participants, locked, onChange }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const search = useMemo(() => buildParticipantSearch(participants), [participants]);
  const matches = useMemo(() => search.all(query), [search, query]);
  const [draft, setDraft] = useState({ name: "", tin: "", npi: "" });
  const [error, setError] = useState("");

  const add = (e: Event) => {
    e.preventDefault();
    const name = draft.name.trim();
    const tin = draft.tin.trim() ? cleanTin(draft.tin) : undefined;
    const npi = draft.npi.trim() ? cleanNpi(draft.npi) : undefined;
    if (!name) return setError(t("reject_missing_name"));
    if (draft.tin.trim() && !tin) return setError(t("reject_bad_tin"));
    if (draft.npi.trim() && !npi) return setError(t("reject_bad_npi"));
    setError("");
    onChange([...participants, { name, ...(tin ? { tin } : {}), ...(npi ? { npi } : {}) }]);
    setDraft({ name: "", tin: "", npi: "" });
  };

  return (
    <div class="sc-participants">
      <div class="sc-field">
        <label for={`${id}-search`}>{t("options_participants_search", acoName)}</label>
        <input id={`${id}-search`} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      <p class="sc-hint" role="status">
        {t("options_participants_count", [String(matches.length), String(participants.length)])}
      </p>
      <VirtualTable
        label={t("options_participants_of", acoName)}
        count={matches.length}
        item={(i) => matches[i]!}
        rowKey={(index) => String(index)}
        columns={[
          { header: t("options_col_name"), cell: (i) => participants[i]!.name },
          { header: t("options_col_tin"), cell: (i) => participants[i]!.tin ?? "", width: "8rem" },
          { header: t("options_col_npi"), cell: (i) => participants[i]!.npi ?? "", width: "8rem" },
          {
            header: t("options_col_actions"),
            width: "7rem",
            cell: (i) => (
              <button
                type="button"
                class="sc-button sc-danger sc-small"
                disabled={locked}
                onClick={() => onChange(participants.filter((_, j) => j !== i))}
              >
                {t("options_remove")}
                <span class="sc-visually-hidden"> {participants[i]!.name}</span>
              </button>
            ),
          },
        ]}
      />
      {!locked && (
        <form class="sc-inline-form" onSubmit={add} aria-label={t("options_add_participant")}>
          <div class="sc-field">
            <label for={`${id}-pname`}>{t("options_col_name")}</label>
            <input id={`${id}-pname`} type="text" value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
          </div>
          <div class="sc-field">
            <label for={`${id}-ptin`}>{t("options_col_tin")}</label>
            <input id={`${id}-ptin`} type="text" inputMode="numeric" value={draft.tin} onInput={(e) => setDraft({ ...draft, tin: e.currentTarget.value })} />
          </div>
          <div class="sc-field">
            <label for={`${id}-pnpi`}>{t("options_col_npi")}</label>
            <input id={`${id}-pnpi`} type="text" inputMode="numeric" value={draft.npi} onInput={(e) => setDraft({ ...draft, npi: e.currentTarget.value })} />
          </div>
          <button type="submit" class="sc-button">
            {t("options_add_participant")}
          </button>
          {error && (
            <p class="sc-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
