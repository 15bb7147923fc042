/**
 * The options page: the organisation's profile and how ShareCheck behaves. Every change is sent to the
 * background with settings-save, which keeps an administrator's enforced fields; the page then shows what
 * the background says is in force.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Aco } from "../core/schema.ts";
import type { SettingsView } from "../messaging/messages.ts";
import { send } from "../messaging/send.ts";
import { browser } from "../platform/browser.ts";
import { t } from "../platform/i18n.ts";
import { deepEqual } from "../settings/merge.ts";
import type { ManagedField, Settings } from "../settings/schema.ts";
import { clearUndo, readUndo, recordUndo, type UndoRecord } from "../settings/undo.ts";
import { AcosSection } from "./acos-section.tsx";
import { AuditSection } from "./audit-section.tsx";
import { OrganizationSection } from "./organization-section.tsx";
import { PolicySection } from "./policy-section.tsx";
import { SettingsFileSection } from "./settings-file-section.tsx";
import { createSettingsWriter, rebase, type SettingsUpdate, type SettingsWriter } from "./settings-writer.ts";
import { SitesSection } from "./sites-section.tsx";

export type SaveOptions = {
  /** What the undo offer calls this change when it changes the ACO lists (default: the done message). */
  undoLabel?: string;
  /** False for the undo itself, which must not become the next thing to undo. */
  undoable?: boolean;
};

/**
 * What every section gets: the settings in force, which fields are locked, and how to change them. `save` takes
 * the section's edited copy of `settings` (only what it changed is applied, over any write made meanwhile) or an
 * update function of the latest settings; it resolves with what was stored, or undefined when saving failed.
 */
export type SectionProps = {
  settings: Settings;
  isLocked: (field: ManagedField) => boolean;
  save: (next: Settings | SettingsUpdate, done?: string, options?: SaveOptions) => Promise<Settings | undefined>;
  announce: (message: string, kind?: "status" | "error") => void;
};

const SAVE_TIMEOUT_MS = 10_000;

export function Options() {
  const [view, setView] = useState<SettingsView>();
  const [loadError, setLoadError] = useState("");
  const [message, setMessage] = useState<{ text: string; kind: "status" | "error" }>({ text: "", kind: "status" });
  const [undo, setUndo] = useState<UndoRecord>();
  const writer = useRef<SettingsWriter>(undefined);

  const show = (next: SettingsView) => {
    setView(next);
    writer.current?.setLatest(next.settings);
  };
  const reload = () =>
    send("settings-get", {}, { timeoutMs: SAVE_TIMEOUT_MS }).then(show, (e: unknown) =>
      setLoadError(e instanceof Error ? e.message : String(e)),
    );
  useEffect(() => {
    void reload();
    void readUndo(browser.storage.local).then(setUndo, () => undefined);
    // An administrator's policy can change while the page is open: show what is in force now.
    const onChanged = (_: unknown, area: string) => {
      if (area === "managed") void reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (!view) {
    return (
      <main class="sc-root sc-options">
        <h1>{t("options_title")}</h1>
        {loadError ? (
          <p role="alert" class="sc-error">
            {t("options_load_failed", loadError)}
          </p>
        ) : (
          <p>{t("popup_loading")}</p>
        )}
      </main>
    );
  }

  const announce = (text: string, kind: "status" | "error" = "status") => setMessage({ text, kind });
  writer.current ??= createSettingsWriter(view.settings, async (settings) => {
    const stored = await send("settings-save", { settings }, { timeoutMs: SAVE_TIMEOUT_MS });
    show(stored);
    return stored.settings;
  });
  const shown = view.settings;
  const save: SectionProps["save"] = async (next, done = t("options_saved"), { undoLabel, undoable = true } = {}) => {
    let before: Aco[] = [];
    let sent: Aco[] = [];
    try {
      const stored = await writer.current!.write((latest) => {
        before = latest.profile.acos;
        const out = typeof next === "function" ? next(latest) : rebase(shown, next, latest);
        sent = out.profile.acos;
        return out;
      });
      announce(done);
      if (undoable && sent !== before && !deepEqual(sent, before)) {
        // Every change of the participant lists can be undone, across reloads, until the next one.
        recordUndo(browser.storage.local, undoLabel ?? done, before, stored.profile.acos).then(setUndo, () => setUndo(undefined));
      }
      return stored;
    } catch (e) {
      announce(t("options_save_failed", e instanceof Error ? e.message : String(e)), "error");
      return undefined;
    }
  };
  const undoLast = async () => {
    if (!undo) return;
    const restored = await save(
      (latest) => ({ ...latest, profile: { ...latest.profile, acos: undo.before } }),
      t("undo_done", undo.label),
      { undoable: false },
    );
    if (restored) {
      setUndo(undefined);
      await clearUndo(browser.storage.local).catch(() => undefined);
    }
  };
  const props: SectionProps = { settings: view.settings, isLocked: (f) => view.locked.includes(f), save, announce };

  return (
    <main class="sc-root sc-options">
      <h1>{t("options_title")}</h1>
      {view.notice && (
        <div class="sc-notice" role="alert" data-testid="settings-notice">
          {view.notice}
        </div>
      )}
      {view.locked.length > 0 && <p class="sc-hint">{t("options_some_locked")}</p>}
      <div class={message.kind === "error" ? "sc-message sc-error" : "sc-message"} role={message.kind === "error" ? "alert" : "status"}>
        {message.text}
      </div>
      <OrganizationSection {...props} />
      <AcosSection {...props} undo={undo} onUndo={undoLast} />
      <PolicySection {...props} />
      <SitesSection {...props} sitesNeedingGrant={view.sitesNeedingGrant} refresh={reload} />
      <AuditSection {...props} />
      <SettingsFileSection {...props} />
    </main>
  );
}
