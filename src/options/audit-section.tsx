/** The optional local audit log: off by default; verdict metadata only; view, export as CSV, clear, retention. */
import { useEffect, useId, useState } from "preact/hooks";
import { send } from "../messaging/send.ts";
import { t } from "../platform/i18n.ts";
import type { AuditEntry } from "../settings/schema.ts";
import { CheckField, InputField } from "../ui/fields.tsx";
import { key } from "../ui/message-key.ts";
import { outcomeLabel } from "../ui/verdict-view.tsx";
import { auditCsv } from "./audit-csv.ts";
import { download, today } from "./download.ts";
import { LockedNote } from "./locked-note.tsx";
import type { SectionProps } from "./options.tsx";
import { VirtualTable } from "./virtual-table.tsx";

export function AuditSection({ settings, isLocked, save, announce }: SectionProps) {
  const id = useId();
  const locked = isLocked("audit");
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const load = () =>
    send("audit-list", {}).then(
      (r) => setEntries(r.entries),
      () => setEntries([]),
    );
  useEffect(() => void load(), [settings.audit.enabled]);

  const clear = async () => {
    try {
      await send("audit-clear", {});
      setEntries([]);
      announce(t("audit_cleared"));
    } catch (e) {
      announce(t("options_save_failed", e instanceof Error ? e.message : String(e)), "error");
    }
  };

  return (
    <section class="sc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("audit_title")}</h2>
      <p class="sc-hint">{t("audit_hint")}</p>
      {locked && <LockedNote />}
      <CheckField
        block
        label={t("audit_enable")}
        checked={settings.audit.enabled}
        disabled={locked}
        onChange={(enabled) => void save({ ...settings, audit: { ...settings.audit, enabled } })}
      />
      <InputField
        id={`${id}-days`}
        fieldClass="sc-narrow"
        label={t("audit_retention")}
        type="number"
        min={1}
        max={3650}
        value={settings.audit.retentionDays}
        disabled={locked}
        onChange={(e) => {
          const days = Math.round(Number(e.currentTarget.value));
          if (days >= 1 && days <= 3650) void save({ ...settings, audit: { ...settings.audit, retentionDays: days } });
          else announce(t("audit_retention_invalid"), "error");
        }}
      />
      {entries.length > 0 ? (
        <VirtualTable
          label={t("audit_entries")}
          count={entries.length}
          heightRem={14}
          item={(i) => entries[i]!}
          rowKey={(_, i) => String(i)}
          columns={[
            { header: t("audit_col_time"), cell: (e) => new Date(e.time).toLocaleString() },
            { header: t("audit_col_origin"), cell: (e) => e.origin },
            { header: t("audit_col_action"), cell: (e) => e.action },
            { header: t("audit_col_outcome"), cell: (e) => outcomeLabel(e.outcome) },
            { header: t("audit_col_rules"), cell: (e) => e.rules.join(", ") },
            { header: t("audit_col_set_aside"), cell: (e) => (e.setAside ?? []).map((kind) => t(key("information", kind))).join(", ") },
          ]}
        />
      ) : (
        <p class="sc-hint">{t("audit_empty")}</p>
      )}
      <div class="sc-actions">
        <button
          type="button"
          class="sc-button"
          disabled={entries.length === 0}
          onClick={() => download(`sharecheck-audit-${today()}.csv`, auditCsv(entries), "text/csv")}
        >
          {t("audit_export")}
        </button>
        <button type="button" class="sc-button sc-danger" disabled={entries.length === 0} onClick={() => void clear()}>
          {t("audit_clear")}
        </button>
      </div>
    </section>
  );
}
