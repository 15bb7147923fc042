/**
 * The interception mode, from the background (content scripts cannot read settings themselves), asked
 * for when the content script starts (at the clinician's first press, focus or key: early-events.ts).
 * Until the first answer (or when there is none) every action is held, as "confirm-all" holds them: a
 * click that comes first is never let through on a cached "allowed" the real mode would hold, and the
 * mode decides what becomes of it once known (settled(); "confirm-risky" then releases an allowed one).
 * Any settings change in storage may change the mode or the profile, so callers are told to re-ask.
 */
import { SETTINGS_KEY } from "../messaging/protocol.ts";
import { browser } from "./extension.ts";
import type { InterceptionMode } from "../settings/schema.ts";
import type { Lifetime } from "./lifetime.ts";
import { sendToBackground as send } from "./wire.ts";

export type ModeWatch = {
  current(): InterceptionMode;
  /** The mode once the first answer has come (or failed to: then the default). */
  settled(): Promise<InterceptionMode>;
};

export function watchMode(
  lifetime: Pick<Lifetime, "signal" | "onEnd">,
  onSettingsChanged: () => void,
  onMode: (mode: InterceptionMode) => void = () => undefined,
): ModeWatch {
  let mode: InterceptionMode = "confirm-all";
  const load = (): Promise<void> =>
    send("content-config", {})
      .then((config) => {
        if (lifetime.signal.aborted) return;
        mode = config.mode;
        onMode(mode);
      })
      .catch(() => undefined); // keep the last known mode; the verdict path reports its own failures
  const changed = (changes: Record<string, unknown>, area: string) => {
    // Admin policy, or the user's settings; not the audit log or anything else kept locally.
    if (area !== "managed" && !(area === "local" && SETTINGS_KEY in changes)) return;
    onSettingsChanged();
    void load();
  };
  browser.storage.onChanged.addListener(changed);
  lifetime.onEnd(() => browser.storage.onChanged.removeListener(changed));
  const first = load().then(() => mode);
  return { current: () => mode, settled: () => first };
}
