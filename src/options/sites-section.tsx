/**
 * Watched EHR sites. Adding one asks the browser for the host permission straight from the click (the
 * prompt needs the user's gesture), then has the background register the content script for exactly the
 * granted sites; removing one revokes both.
 */
import { useEffect, useId, useState } from "preact/hooks";
import { send } from "../messaging/send.ts";
import { browser } from "../platform/browser.ts";
import { t } from "../platform/i18n.ts";
import { InputField } from "../ui/fields.tsx";
import { LockedNote } from "./locked-note.tsx";
import type { SectionProps } from "./options.tsx";
import { siteLabel, sitePattern } from "./site-pattern.ts";

type Props = SectionProps & { sitesNeedingGrant: string[]; refresh: () => Promise<void> };

/** The manifest's catch-all optional patterns are what may be asked for, never a site that is watched. */
const isSite = (origin: string) => !/^\*?:?\/?\/?\*|^https?:\/\/\*\//.test(origin);

async function grantedOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter(isSite);
}

export function SitesSection({ settings, isLocked, save, announce, sitesNeedingGrant, refresh }: Props) {
  const id = useId();
  const locked = isLocked("sites");
  const [granted, setGranted] = useState<string[]>([]);
  const [input, setInput] = useState("");
  const [error, setError] = useState("");

  const reloadGranted = () => grantedOrigins().then(setGranted, () => setGranted([]));
  useEffect(() => void reloadGranted(), []);

  const sync = async () => {
    await send("sites-sync", {}, { timeoutMs: 5000 });
    await Promise.all([reloadGranted(), refresh()]);
  };

  /** Must be called directly from a click: permissions.request needs the user's gesture. */
  const grant = (pattern: string) => {
    const asked = browser.permissions.request({ origins: [pattern] });
    return asked.then(async (ok) => {
      if (!ok) {
        announce(t("sites_denied", siteLabel(pattern)), "error");
        return false;
      }
      if (!locked && !settings.sites.includes(pattern))
        await save({ ...settings, sites: [...settings.sites, pattern] }, t("sites_added", siteLabel(pattern)));
      else announce(t("sites_added", siteLabel(pattern)));
      await sync();
      return true;
    });
  };

  const add = (e: Event) => {
    e.preventDefault();
    const pattern = sitePattern(input);
    if (!pattern) {
      setError(t("sites_invalid"));
      return;
    }
    setError("");
    grant(pattern).then(
      (ok) => ok && setInput(""),
      (err: unknown) => announce(t("sites_failed", err instanceof Error ? err.message : String(err)), "error"),
    );
  };

  const remove = async (pattern: string) => {
    try {
      await browser.permissions.remove({ origins: [pattern] });
    } catch {
      // A site built into this version (the demo builds' localhost) cannot be revoked; it stays watched.
    }
    if (!locked && settings.sites.includes(pattern)) await save({ ...settings, sites: settings.sites.filter((s) => s !== pattern) });
    await sync();
    const still = (await grantedOrigins()).includes(pattern);
    announce(still ? t("sites_builtin", siteLabel(pattern)) : t("sites_removed", siteLabel(pattern)));
  };

  const listed = [...new Set([...granted, ...settings.sites])].sort();

  return (
    <section class="sc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("sites_title")}</h2>
      <p class="sc-hint">{t("sites_hint")}</p>
      {locked && <LockedNote />}
      {sitesNeedingGrant.length > 0 && (
        <div class="sc-notice" data-testid="sites-needing-grant">
          <p>{t("sites_policy_needs_grant")}</p>
          <ul>
            {sitesNeedingGrant.map((p) => (
              <li key={p}>
                {siteLabel(p)}{" "}
                <button type="button" class="sc-button sc-primary" onClick={() => void grant(p).catch(() => undefined)}>
                  {t("sites_grant", siteLabel(p))}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {listed.length === 0 ? (
        <p class="sc-hint">{t("sites_none")}</p>
      ) : (
        <ul class="sc-sites" aria-label={t("sites_list")}>
          {listed.map((p) => {
            const isGranted = granted.includes(p);
            return (
              <li key={p} data-site={p}>
                <span class="sc-site">{siteLabel(p)}</span>{" "}
                <span class="sc-hint">{isGranted ? t("sites_status_granted") : t("sites_status_missing")}</span>{" "}
                {!isGranted && (
                  <button type="button" class="sc-button" onClick={() => void grant(p).catch(() => undefined)}>
                    {t("sites_grant", siteLabel(p))}
                  </button>
                )}{" "}
                <button
                  type="button"
                  class="sc-button sc-danger"
                  disabled={locked && settings.sites.includes(p)}
                  onClick={() => void remove(p)}
                >
                  {t("options_remove")}
                  <span class="sc-visually-hidden"> {siteLabel(p)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form class="sc-inline-form" onSubmit={add} aria-label={t("sites_add")}>
        <InputField
          id={`${id}-site`}
          label={t("sites_input")}
          type="text"
          placeholder="https://ehr.example.org"
          value={input}
          // The error is announced after the Add button (role=alert), so it is tied here by hand.
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit" class="sc-button">
          {t("sites_add")}
        </button>
        {error && (
          <p id={`${id}-err`} class="sc-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
