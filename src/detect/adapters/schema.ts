/**
 * A site adapter: selectors and labels for a known EHR, layered over the general heuristics. Data only,
 * parsed with zod because adapters may later arrive through managed policy.
 */
import { z } from "zod";
import "../../core/schema.ts"; // zod's jitless configuration: extension pages forbid eval.
import { ActionKind } from "../action.ts";

/**
 * Whether a selector closes every string, bracket and parenthesis it opens. The content script joins an adapter's
 * selectors into one list (adapters/match.ts); CSS tolerates an unclosed string at the end, which would swallow
 * the selectors after it there.
 */
function closesWhatItOpens(selector: string): boolean {
  const bare = selector.replace(/\\./g, "").replace(/"[^"]*"|'[^']*'/g, "");
  if (/["']/.test(bare)) return false;
  let depth = 0;
  for (const char of bare) {
    depth += char === "[" || char === "(" ? 1 : char === "]" || char === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

const Selector = z.string().trim().min(1).max(500).refine(closesWhatItOpens, "a selector must close its strings and brackets");

export const SiteAdapter = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  name: z.string().min(1).max(100),
  /** Host globs: "ehr.example.org", "*.example.org", "localhost". A glob with a port matches only that port. */
  hosts: z
    .array(
      z
        .string()
        .min(1)
        .max(253)
        .regex(/^[a-z0-9*.:[\]-]+$/i),
    )
    .min(1)
    .max(50),
  /** Controls this EHR uses to send records out, with their kind. Checked before the general heuristics. */
  controls: z
    .array(z.object({ selector: Selector, kind: ActionKind }))
    .max(200)
    .optional(),
  /** Fields holding the recipient, most specific first. Read before the labelled-field search. */
  recipientFields: z.array(Selector).max(50).optional(),
  /** Elements (and their descendants) that are never actions, e.g. this EHR's telehealth toolbar. */
  ignore: z.array(Selector).max(200).optional(),
});
export type SiteAdapter = z.infer<typeof SiteAdapter>;

// Matching lives apart from the schema so the content script can use adapters without bundling zod.
export { adapterMatchesHost, matchesAny } from "./match.ts";
