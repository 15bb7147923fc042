import { t } from "../platform/i18n.ts";

/** Beside a field an administrator enforces: says why it cannot be changed here. */
export function LockedNote({ id }: { id?: string }) {
  return (
    <span class="sc-locked" id={id}>
      {t("options_locked")}
    </span>
  );
}
