/**
 * Import participants from a CSV file. Reading the file changes nothing: the user sees, row by row, what
 * would be added, changed and rejected (and for a CMS file picks which of its ACOs are theirs); only
 * Apply saves, and the last import can be undone.
 */
import { useId, useMemo, useState } from "preact/hooks";
import type { Aco } from "../core/schema.ts";
import { MAX_BYTES, readParticipantFile, type ImportProblem, type ParsedImport } from "../import/participants.ts";
import { previewImport, type Preview, type PreviewRow } from "../import/preview.ts";
import { t } from "../platform/i18n.ts";
import type { SectionProps } from "./options.tsx";
import { VirtualTable } from "./virtual-table.tsx";

type Planned = { acoId: string; acoName: string; existing: Aco | undefined; preview: Preview; program: Aco["program"] };

export function problemText(problem: ImportProblem): string {
  switch (problem.code) {
    case "empty":
      return t("import_empty");
    case "too-large":
      return t("import_too_large", String(Math.ceil(MAX_BYTES / 1024 / 1024)));
    case "too-many-rows":
      return t("import_too_many_rows");
    case "not-csv":
      return t("import_not_csv");
    case "unknown-columns":
      return t("import_unknown_columns", problem.columns.join(", "));
    case "malformed":
      return t("import_malformed", String(problem.line));
  }
}

function rowText(row: PreviewRow): { change: string; who: string; detail: string } {
  switch (row.change) {
    case "rejected":
      return { change: t("import_change_rejected"), who: row.raw, detail: t(`reject_${row.reason.replace(/-/g, "_")}`) };
    case "changed":
      return { change: t("import_change_changed"), who: describe(row.participant), detail: t("import_was", describe(row.before)) };
    default:
      return { change: t(`import_change_${row.change}`), who: describe(row.participant), detail: "" };
  }
}

const describe = (p: { name: string; tin?: string | undefined; npi?: string | undefined }) =>
  [p.name, p.tin && t("form_tin_value", p.tin), p.npi && t("form_npi_value", p.npi)].filter(Boolean).join(" · ");

export function ImportPanel({ settings, save, announce }: SectionProps) {
  const id = useId();
  const acos = settings.profile.acos;
  const [file, setFile] = useState<{ name: string; parsed: ParsedImport }>();
  const [problem, setProblem] = useState("");
  const [target, setTarget] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState("");
  const [undo, setUndo] = useState<Aco[]>();

  const read = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    setFile(undefined);
    setProblem("");
    if (!picked) return;
    // Size first: a huge file is refused without reading it into memory.
    const result = picked.size > MAX_BYTES ? readParticipantFile("", picked.size) : readParticipantFile(await picked.text(), picked.size);
    input.value = "";
    if (!result.ok) {
      setProblem(problemText(result.problem));
      return;
    }
    setFile({ name: picked.name, parsed: result.file });
    const known = new Set(acos.map((a) => a.id));
    setChosen(new Set(result.file.groups.filter((g) => known.has(g.acoId)).map((g) => g.acoId)));
    setTarget(acos.length === 1 ? acos[0]!.id : "");
  };

  const planned: Planned[] = useMemo(() => {
    if (!file) return [];
    const { parsed } = file;
    if (parsed.format === "plain") {
      const aco = acos.find((a) => a.id === target);
      const group = parsed.groups[0];
      if (!aco || !group) return [];
      return [{ acoId: aco.id, acoName: aco.name, existing: aco, program: aco.program, preview: previewImport(aco.participants, group.rows) }];
    }
    return parsed.groups
      .filter((g) => chosen.has(g.acoId))
      .map((g) => {
        const existing = acos.find((a) => a.id === g.acoId);
        return { acoId: g.acoId, acoName: existing?.name ?? g.acoName, existing, program: existing?.program ?? g.program, preview: previewImport(existing?.participants ?? [], g.rows) };
      });
  }, [file, target, chosen, acos]);

  const rows = useMemo(() => planned.flatMap((p) => p.preview.rows.map((row) => ({ aco: p.acoName, row }))), [planned]);
  const totals = planned.reduce(
    (sum, p) => {
      for (const k of ["added", "changed", "unchanged", "rejected"] as const) sum[k] += p.preview.counts[k];
      return sum;
    },
    { added: 0, changed: 0, unchanged: 0, rejected: 0 },
  );

  const apply = async () => {
    const before = acos;
    let next = acos.slice();
    for (const p of planned) {
      const updated: Aco = { id: p.acoId, name: p.acoName, ...(p.program ? { program: p.program } : {}), participants: p.preview.result };
      next = p.existing ? next.map((a) => (a.id === p.acoId ? { ...a, participants: p.preview.result } : a)) : [...next, updated];
    }
    const ok = await save({ ...settings, profile: { ...settings.profile, acos: next } }, t("import_applied", [String(totals.added), String(totals.changed)]));
    if (ok) {
      setUndo(before);
      setFile(undefined);
    }
  };

  const undoImport = async () => {
    if (!undo) return;
    if (await save({ ...settings, profile: { ...settings.profile, acos: undo } }, t("import_undone"))) setUndo(undefined);
  };

  const groups = file?.parsed.groups ?? [];
  const shownGroups = filter.trim()
    ? groups.filter((g) => `${g.acoId} ${g.acoName}`.toLowerCase().includes(filter.trim().toLowerCase()))
    : groups;

  return (
    <div class="sc-import" aria-labelledby={`${id}-h`} role="group">
      <h3 id={`${id}-h`}>{t("import_title")}</h3>
      <p class="sc-hint" id={`${id}-hint`}>
        {t("import_hint")}
      </p>
      <div class="sc-field">
        <label for={`${id}-file`}>{t("import_choose")}</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint`} onChange={(e) => void read(e.currentTarget)} />
      </div>
      {problem && (
        <p role="alert" class="sc-error" data-testid="import-problem">
          {problem}
        </p>
      )}
      {undo && (
        <button type="button" class="sc-button" onClick={() => void undoImport()}>
          {t("import_undo")}
        </button>
      )}
      {file && (
        <div class="sc-import-preview">
          <p>{t(`import_format_${file.parsed.format}`, [file.name, String(file.parsed.rowCount)])}</p>
          {file.parsed.format === "plain" ? (
            acos.length === 0 ? (
              <p role="alert" class="sc-error">
                {t("import_add_aco_first")}
              </p>
            ) : (
              <div class="sc-field">
                <label for={`${id}-target`}>{t("import_target")}</label>
                <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                  <option value="">{t("import_target_choose")}</option>
                  {acos.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name} ({a.id})
                    </option>
                  ))}
                </select>
              </div>
            )
          ) : (
            <fieldset class="sc-fieldset">
              <legend class="sc-legend">{t("import_pick_acos", String(groups.length))}</legend>
              <div class="sc-field">
                <label for={`${id}-filter`}>{t("import_filter_acos")}</label>
                <input id={`${id}-filter`} type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
              </div>
              <div class="sc-aco-picker" role="group" aria-label={t("import_pick_acos", String(groups.length))}>
                {shownGroups.slice(0, 200).map((g) => (
                  <label class="sc-check sc-block" key={g.acoId}>
                    <input
                      type="checkbox"
                      checked={chosen.has(g.acoId)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.currentTarget.checked) next.add(g.acoId);
                        else next.delete(g.acoId);
                        setChosen(next);
                      }}
                    />
                    {t("import_aco_option", [g.acoName, g.acoId, String(g.rows.length)])}
                  </label>
                ))}
                {shownGroups.length > 200 && <p class="sc-hint">{t("import_more_acos", String(shownGroups.length - 200))}</p>}
              </div>
            </fieldset>
          )}
          {planned.length > 0 && (
            <>
              <p role="status" data-testid="import-summary">
                {t("import_summary", [String(totals.added), String(totals.changed), String(totals.unchanged), String(totals.rejected)])}
              </p>
              <VirtualTable
                label={t("import_preview")}
                count={rows.length}
                heightRem={16}
                item={(i) => rows[i]!}
                rowKey={(_, i) => String(i)}
                columns={[
                  { header: t("import_col_line"), cell: ({ row }) => String(row.line), width: "4rem" },
                  ...(planned.length > 1 ? [{ header: t("import_col_aco"), cell: ({ aco }: { aco: string }) => aco }] : []),
                  { header: t("import_col_change"), cell: ({ row }) => <span class={`sc-change sc-change-${row.change}`}>{rowText(row).change}</span>, width: "7rem" },
                  { header: t("import_col_participant"), cell: ({ row }) => rowText(row).who },
                  { header: t("import_col_detail"), cell: ({ row }) => rowText(row).detail },
                ]}
              />
            </>
          )}
          <div class="sc-actions">
            <button type="button" class="sc-button sc-primary" disabled={planned.length === 0} onClick={() => void apply()}>
              {t("import_apply")}
            </button>
            <button
              type="button"
              class="sc-button"
              onClick={() => {
                setFile(undefined);
                announce(t("import_cancelled"));
              }}
            >
              {t("options_cancel")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
