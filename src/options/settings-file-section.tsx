/** Settings export and import as one versioned JSON file; a bad file is explained and changes nothing. */
import { useId, useState } from "preact/hooks";
import { exportSettingsFile, readSettingsFile, type SettingsFileProblem } from "../import/settings-file.ts";
import { t } from "../platform/i18n.ts";
import { InputField } from "../ui/fields.tsx";
import { download, today } from "./download.ts";
import type { SectionProps } from "./options.tsx";

const MAX_SETTINGS_BYTES = 50 * 1024 * 1024;

function problemText(p: SettingsFileProblem): string {
  switch (p.code) {
    case "not-json":
      return t("settings_file_not_json");
    case "not-settings-file":
      return t("settings_file_not_ours");
    case "newer-version":
      return t("settings_file_newer", String(p.version));
    case "invalid":
      return t("settings_file_invalid", [p.path, p.message]);
  }
}

export function SettingsFileSection({ settings, save }: SectionProps) {
  const id = useId();
  const [problem, setProblem] = useState("");

  const read = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setProblem("");
    if (!file) return;
    input.value = "";
    if (file.size > MAX_SETTINGS_BYTES) return setProblem(t("settings_file_too_large"));
    const result = readSettingsFile(await file.text());
    if (!result.ok) return setProblem(problemText(result.problem));
    await save(result.settings, t("settings_file_imported"));
  };

  return (
    <section class="sc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("settings_file_title")}</h2>
      <p class="sc-hint">{t("settings_file_hint")}</p>
      <div class="sc-actions">
        <button
          type="button"
          class="sc-button"
          onClick={() => download(`sharecheck-settings-${today()}.json`, exportSettingsFile(settings), "application/json")}
        >
          {t("settings_file_export")}
        </button>
      </div>
      <InputField
        id={`${id}-file`}
        label={t("settings_file_import")}
        type="file"
        accept=".json,application/json"
        onChange={(e) => void read(e.currentTarget)}
      />
      {problem && (
        <p role="alert" class="sc-error" data-testid="settings-file-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
