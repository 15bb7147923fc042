/**
 * Import participants from a CSV file. Reading the file changes nothing: the user picks which of its ACOs are theirs
 * (a CMS file lists every ACO in the program), chooses per ACO to add to the list or replace it with the file, and
 * sees per ACO what would be added, changed, unchanged, rejected and what the list has that the file does not
 * (removed on replace). Rejected rows can be shown alone and downloaded as CSV. Only Apply saves; focus then
 * moves to the result, and the change can be undone (the undo offer of the ACO section).
 */
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { MAX_BYTES, readParticipantFile, type ImportProblem, type ParsedImport, type RejectedRow } from "../import/participants.ts";
import { applyPlans, errorReport, previewPlans, type AcoPlan, type PlannedAco } from "../import/plan.ts";
import { emptyCounts, type ImportMode, type PreviewCounts, type PreviewRow } from "../import/preview.ts";
import { t } from "../platform/i18n.ts";
import { CheckField, InputField, SelectField } from "../ui/fields.tsx";
import { acoChoices } from "./aco-choices.ts";
import { download, today } from "./download.ts";
import type { SectionProps } from "./options.tsx";
import { withAcos } from "./participant-edits.ts";
import { VirtualTable } from "./virtual-table.tsx";

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

export const reasonText = (r: Pick<RejectedRow, "reason" | "sameAs">) =>
  r.reason === "duplicate" && r.sameAs !== undefined
    ? t("reject_duplicate_of", String(r.sameAs))
    : t(`reject_${r.reason.replace(/-/g, "_")}`);

const describe = (p: { name: string; tin?: string | undefined; npi?: string | undefined; aliases?: string[] | undefined }) =>
  [p.name, p.tin && t("form_tin_value", p.tin), p.npi && t("form_npi_value", p.npi), p.aliases?.length && p.aliases.join("; ")]
    .filter(Boolean)
    .join(" · ");

function rowText(row: PreviewRow, mode: ImportMode): { change: string; who: string; detail: string } {
  switch (row.change) {
    case "rejected":
      return { change: t("import_change_rejected"), who: row.name || row.raw, detail: reasonText(row) };
    case "changed":
      return { change: t("import_change_changed"), who: describe(row.participant), detail: t("import_was", describe(row.before)) };
    case "missing":
      return {
        change: t(mode === "replace" ? "import_change_removed" : "import_change_kept"),
        who: describe(row.participant),
        detail: t("import_not_in_file"),
      };
    default:
      return { change: t(`import_change_${row.change}`), who: describe(row.participant), detail: "" };
  }
}

type Result = { lines: string[] };

export function ImportPanel({ settings, save, announce }: SectionProps) {
  const id = useId();
  const acos = settings.profile.acos;
  const [file, setFile] = useState<{ name: string; parsed: ParsedImport }>();
  const [problem, setProblem] = useState("");
  const [target, setTarget] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [modes, setModes] = useState<Record<string, ImportMode>>({});
  const [filter, setFilter] = useState("");
  const [onlyRejected, setOnlyRejected] = useState(false);
  const [result, setResult] = useState<Result>();
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!result) return;
    resultRef.current?.focus();
    resultRef.current?.scrollIntoView({ block: "center" });
  }, [result]);

  const read = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    setFile(undefined);
    setProblem("");
    setResult(undefined);
    if (!picked) return;
    // Size first: a huge file is refused without reading it into memory.
    const read = picked.size > MAX_BYTES ? readParticipantFile("", picked.size) : readParticipantFile(await picked.text(), picked.size);
    input.value = "";
    if (!read.ok) {
      setProblem(problemText(read.problem));
      return;
    }
    setFile({ name: picked.name, parsed: read.file });
    const known = new Set(acos.map((a) => a.id));
    setChosen(new Set(read.file.groups.filter((g) => known.has(g.acoId)).map((g) => g.acoId)));
    setModes({});
    setOnlyRejected(false);
    setTarget(acos.length === 1 ? acos[0]!.id : "");
  };

  const plans: AcoPlan[] = useMemo(() => {
    if (!file) return [];
    const { parsed } = file;
    if (parsed.format === "plain") {
      const aco = acos.find((a) => a.id === target);
      const group = parsed.groups[0];
      return aco && group ? [{ acoId: aco.id, acoName: aco.name, group, mode: modes[aco.id] ?? "add" }] : [];
    }
    return parsed.groups
      .filter((g) => chosen.has(g.acoId))
      .map((group) => {
        const existing = acos.find((a) => a.id === group.acoId);
        const program = existing?.program ?? group.program;
        return {
          acoId: group.acoId,
          acoName: existing?.name ?? group.acoName,
          ...(program ? { program } : {}),
          group,
          mode: modes[group.acoId] ?? "add",
        };
      });
  }, [file, target, chosen, modes, acos]);
  const planned: PlannedAco[] = useMemo(() => previewPlans(acos, plans, file?.parsed.hasAliases ?? false), [acos, plans, file]);

  const rows = useMemo(() => {
    const all = planned.flatMap((p) => p.preview.rows.map((row) => ({ aco: p.acoName, mode: p.mode, row })));
    return onlyRejected ? all.filter((r) => r.row.change === "rejected") : all;
  }, [planned, onlyRejected]);
  const totals = planned.reduce((sum, p) => {
    for (const k of Object.keys(sum) as (keyof PreviewCounts)[]) sum[k] += p.preview.counts[k];
    return sum;
  }, emptyCounts());
  const rejectedInFile = (file?.parsed.unplaced.length ?? 0) + planned.reduce((n, p) => n + p.group.rejected.length, 0);

  const apply = async () => {
    if (!file) return;
    const hasAliases = file.parsed.hasAliases;
    const summary = planned.map((p) =>
      t(p.mode === "replace" ? "import_result_replace" : "import_result_add", [
        p.acoName,
        String(p.preview.result.length),
        String(p.preview.counts.added),
        String(p.preview.counts.changed),
        String(p.preview.counts.missing),
      ]),
    );
    // The preview goes while the lists are saved (re-rendering it against the new lists would only cost time) and
    // comes back as it was if saving fails.
    const pending = file;
    setFile(undefined);
    const saved = await save(
      withAcos((latest) => applyPlans(latest, plans, hasAliases)),
      t("import_applied", [String(totals.added), String(totals.changed)]),
      {
        undoLabel: t("import_undo_label", pending.name),
      },
    );
    if (saved) setResult({ lines: summary });
    else setFile(pending);
  };

  const groups = file?.parsed.groups ?? [];
  const needle = filter.trim().toLowerCase();
  const shownGroups = needle ? groups.filter((g) => `${g.acoId} ${g.acoName}`.toLowerCase().includes(needle)) : groups;
  const pick = (ids: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const acoId of ids)
      if (on) next.add(acoId);
      else next.delete(acoId);
    setChosen(next);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group, not a fieldset, so the panel keeps its headings and the form layout
    <div class="sc-import" aria-labelledby={`${id}-h`} role="group">
      <h3 id={`${id}-h`}>{t("import_title")}</h3>
      <p class="sc-hint" id={`${id}-hint`}>
        {t("import_hint")}
      </p>
      <InputField
        id={`${id}-file`}
        label={t("import_choose")}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={`${id}-hint`}
        onChange={(e) => void read(e.currentTarget)}
      />
      {problem && (
        <p role="alert" class="sc-error" data-testid="import-problem">
          {problem}
        </p>
      )}
      {result && (
        <div ref={resultRef} tabIndex={-1} class="sc-import-result" role="status" data-testid="import-result">
          <p>
            <strong>{t("import_result_title")}</strong>
          </p>
          <ul>
            {result.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
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
              <SelectField id={`${id}-target`} label={t("import_target")} value={target} choices={acoChoices(acos)} onChange={setTarget} />
            )
          ) : (
            <fieldset class="sc-fieldset">
              <legend class="sc-legend">{t("import_pick_acos", String(groups.length))}</legend>
              <InputField
                id={`${id}-filter`}
                label={t("import_filter_acos")}
                type="search"
                value={filter}
                onInput={(e) => setFilter(e.currentTarget.value)}
              />
              <p class="sc-actions">
                <button
                  type="button"
                  class="sc-button sc-small"
                  onClick={() =>
                    pick(
                      shownGroups.map((g) => g.acoId),
                      true,
                    )
                  }
                >
                  {t(needle ? "import_select_shown" : "import_select_all", String(shownGroups.length))}
                </button>{" "}
                <button
                  type="button"
                  class="sc-button sc-small"
                  onClick={() => pick(needle ? shownGroups.map((g) => g.acoId) : [...chosen], false)}
                >
                  {t("import_select_none")}
                </button>{" "}
                <span class="sc-hint">{t("import_chosen", [String(chosen.size), String(groups.length)])}</span>
              </p>
              {/* biome-ignore lint/a11y/useSemanticElements: already inside the fieldset whose legend it repeats; a scrolling list, not a second fieldset */}
              <div class="sc-aco-picker" role="group" aria-label={t("import_pick_acos", String(groups.length))}>
                {shownGroups.slice(0, 200).map((g) => (
                  <CheckField
                    key={g.acoId}
                    block
                    label={t("import_aco_option", [g.acoName, g.acoId, String(g.entries.length)])}
                    checked={chosen.has(g.acoId)}
                    onChange={(on) => pick([g.acoId], on)}
                  />
                ))}
                {shownGroups.length > 200 && <p class="sc-hint">{t("import_more_acos", String(shownGroups.length - 200))}</p>}
              </div>
            </fieldset>
          )}
          {planned.length > 0 && (
            <>
              <p role="status" data-testid="import-summary">
                {t("import_summary", [String(totals.added), String(totals.changed), String(totals.unchanged), String(totals.rejected)])}{" "}
                {totals.missing > 0 && t("import_summary_missing", String(totals.missing))}
              </p>
              <PlanTable planned={planned} onMode={(acoId, mode) => setModes({ ...modes, [acoId]: mode })} />
              <div class="sc-actions">
                <CheckField label={t("import_only_rejected")} checked={onlyRejected} onChange={setOnlyRejected} />{" "}
                <button
                  type="button"
                  class="sc-button sc-small"
                  disabled={rejectedInFile === 0}
                  onClick={() =>
                    download(
                      `sharecheck-import-errors-${today()}.csv`,
                      errorReport(
                        file.parsed,
                        planned.map((p) => p.group),
                        reasonText,
                      ),
                      "text/csv",
                    )
                  }
                >
                  {t("import_error_report", String(rejectedInFile))}
                </button>
              </div>
              <VirtualTable
                label={t("import_preview")}
                count={rows.length}
                heightRem={16}
                item={(i) => rows[i]!}
                rowKey={(_, i) => String(i)}
                columns={[
                  { header: t("import_col_line"), cell: ({ row }) => (row.line === undefined ? "" : String(row.line)), width: "4rem" },
                  ...(planned.length > 1 ? [{ header: t("import_col_aco"), cell: ({ aco }: { aco: string }) => aco }] : []),
                  {
                    header: t("import_col_change"),
                    cell: ({ row, mode }) => <span class={`sc-change sc-change-${row.change}`}>{rowText(row, mode).change}</span>,
                    width: "7rem",
                  },
                  { header: t("import_col_participant"), cell: ({ row, mode }) => rowText(row, mode).who },
                  { header: t("import_col_detail"), cell: ({ row, mode }) => rowText(row, mode).detail },
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

/** Per ACO: add to its list or replace it, and what that would do. */
function PlanTable({ planned, onMode }: { planned: PlannedAco[]; onMode: (acoId: string, mode: ImportMode) => void }) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a region role keeps the scrolling box a landmark without section's own styles
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is focusable so the keyboard can scroll it (axe: scrollable-region-focusable)
    <div class="sc-scroll" role="region" aria-label={t("import_plan")} tabIndex={0} style={{ maxHeight: "16rem" }}>
      <table class="sc-table sc-plan" data-testid="import-plan">
        <thead>
          <tr>
            <th scope="col">{t("import_col_aco")}</th>
            <th scope="col">{t("import_col_mode")}</th>
            <th scope="col">{t("import_col_added")}</th>
            <th scope="col">{t("import_col_changed")}</th>
            <th scope="col">{t("import_col_unchanged")}</th>
            <th scope="col">{t("import_col_rejected")}</th>
            <th scope="col">{t("import_col_missing")}</th>
          </tr>
        </thead>
        <tbody>
          {planned.map((p, i) => (
            <tr key={p.acoId} data-aco-id={p.acoId}>
              <th scope="row">
                {p.acoName} ({p.acoId}){!p.exists && <span class="sc-hint"> {t("import_new_aco")}</span>}
              </th>
              <td>
                <SelectField
                  id={`${id}-${i}`}
                  labelHidden
                  label={t("import_mode_for", p.acoName)}
                  value={p.mode}
                  choices={[
                    { value: "add", text: t("import_mode_add") },
                    { value: "replace", text: t("import_mode_replace") },
                  ]}
                  onChange={(mode: ImportMode) => onMode(p.acoId, mode)}
                />
              </td>
              <td>{p.preview.counts.added}</td>
              <td>{p.preview.counts.changed}</td>
              <td>{p.preview.counts.unchanged}</td>
              <td>{p.preview.counts.rejected}</td>
              <td>
                {p.preview.counts.missing > 0
                  ? t(p.mode === "replace" ? "import_missing_removed" : "import_missing_kept", String(p.preview.counts.missing))
                  : "0"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
