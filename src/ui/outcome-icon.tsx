/** One shape per outcome, so the verdict never relies on colour alone (the label is beside it too). */
import type { Outcome } from "../core/schema.ts";

const PATHS: Record<Outcome, string> = {
  allowed: "M5 12.5l4.5 4.5L19 7.5",
  "allowed-with-conditions": "M4 11l4 4 8-8M6 19h12",
  "needs-review": "M8.5 8.5a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3v1M12 18.5v.5",
  "authorization-required": "M6 3h8l4 4v14H6zM9 12h6M9 16h6M14 3v4h4",
  "not-allowed": "M6 6l12 12M18 6L6 18",
};

export function OutcomeIcon({ outcome }: { outcome: Outcome }) {
  return (
    <svg class="sc-verdict-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[outcome]} fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
