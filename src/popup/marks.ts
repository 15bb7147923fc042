/** The performance mark the popup sets when its first verdict is in the DOM; the bench reads it. */
export const FIRST_VERDICT_MARK = "sharecheck:first-verdict";
