/**
 * What the interception mode means for one activation, as pure decisions:
 * - off: nothing; advise: never hold; confirm-risky (default): hold unless the verdict is "allowed";
 *   confirm-all: always hold.
 * At click time only a cached verdict is known (the click handler is synchronous), so an uncached
 * action is held in confirm-risky and released at once if the verdict turns out "allowed".
 */
import type { Outcome } from "../core/schema.ts";
import type { InterceptionMode } from "../settings/schema.ts";

/** Whether the mode ever holds an action: "off" and "advise" never do. */
export function holds(mode: InterceptionMode): boolean {
  return mode === "confirm-risky" || mode === "confirm-all";
}

export function holdAtClick(mode: InterceptionMode, cached: Outcome | undefined): boolean {
  if (mode === "confirm-all") return true;
  if (mode === "confirm-risky") return cached !== "allowed";
  return false;
}

/** Once the verdict is known: complete a held action at once (with a chip), show only a chip, or show the panel. */
export function afterVerdict(mode: InterceptionMode, held: boolean, outcome: Outcome): "release" | "chip" | "panel" {
  if (outcome !== "allowed" || mode === "confirm-all") return "panel";
  return held ? "release" : "chip";
}
