/**
 * The offer to undo the last change of the ACO participant lists. It stays across reloads until the next change.
 * When the lists changed after it in some other way (another window, a settings file, an administrator), undoing
 * would discard that too, so the page says so and asks instead of doing it silently.
 */
import { useState } from "preact/hooks";
import type { Aco } from "../core/schema.ts";
import { t } from "../platform/i18n.ts";
import { changedSince, type UndoRecord } from "../settings/undo.ts";

export function UndoOffer({ undo, acos, onUndo }: { undo: UndoRecord; acos: readonly Aco[]; onUndo: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await onUndo();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  const when = new Date(undo.at).toLocaleString();
  return (
    <div class="sc-undo" data-testid="undo-offer">
      {asking ? (
        <p role="alert">
          {t("undo_changed_since", undo.label)}{" "}
          <button type="button" class="sc-button sc-danger" disabled={busy} onClick={() => void run()}>
            {t("undo_anyway")}
          </button>{" "}
          <button type="button" class="sc-button" onClick={() => setAsking(false)}>
            {t("options_cancel")}
          </button>
        </p>
      ) : (
        <p>
          {t("undo_last", [undo.label, when])}{" "}
          <button type="button" class="sc-button" disabled={busy} onClick={() => (changedSince(undo, acos) ? setAsking(true) : void run())}>
            {t("undo_button")}
          </button>
        </p>
      )}
    </div>
  );
}
