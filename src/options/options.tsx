/**
 * The options page: the organisation's profile and how ShareCheck behaves. Every change is sent to the
 * background with settings-save, which keeps an administrator's enforced fields; the page then shows what
 * the background says is in force.
 */
import { useEffect, useState } from "preact/hooks";
import type { SettingsView } from "../messaging/messages.ts";
import { send } from "../messaging/send.ts";
import { browser } from "../platform/browser.ts";
import { t } from "../platform/i18n.ts";
import type { ManagedField, Settings } from "../settings/schema.ts";
import { AcosSection } from "./acos-section.tsx";
import { AuditSection } from "./audit-section.tsx";
import { OrganizationSection } from "./organization-section.tsx";
import { PolicySection } from "./policy-section.tsx";
import { SettingsFileSection } from "./settings-file-section.tsx";
import { SitesSection } from "./sites-section.tsx";

/** What every section gets: the settings in force, which fields are locked, and how to change them. */
export type SectionProps = {
  settings: Settings;
  isLocked: (field: ManagedField) => boolean;
  save: (next: Settings, done?: string) => Promise<boolean>;
  announce: (message: string, kind?: "status" | "error") => void;
};

const SAVE_TIMEOUT_MS = 10_000;

export function Options() {
  const [view, setView] = useState<SettingsView>();
  const [loadError, setLoadError] = useState("");
  const [message, setMessage] = useState<{ text: string; kind: "status" | "error" }>({ text: "", kind: "status" });

  const reload = () =>
    send("settings-get", {}, { timeoutMs: SAVE_TIMEOUT_MS }).then(setView, (e: unknown) =>
      setLoadError(e instanceof Error ? e.message : String(e)),
    );
  useEffect(() => {
    void reload();
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
  const save = async (next: Settings, done = t("options_saved")) => {
    try {
      setView(await send("settings-save", { settings: next }, { timeoutMs: SAVE_TIMEOUT_MS }));
      announce(done);
      return true;
    } catch (e) {
      announce(t("options_save_failed", e instanceof Error ? e.message : String(e)), "error");
      return false;
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
      <AcosSection {...props} />
      <PolicySection {...props} />
      <SitesSection {...props} sitesNeedingGrant={view.sitesNeedingGrant} refresh={reload} />
      <AuditSection {...props} />
      <SettingsFileSection {...props} />
    </main>
  );
}
