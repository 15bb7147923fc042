/**
 * The detection tests' fixtures, kept as data in test/support/fixtures/ (names and numbers are fictional): control
 * markup with the kind it must be classified as, recipient markup around a send control with what must be read off
 * it, and whole EHR-like pages. Parsed strictly here, so a mistyped kind or key fails loudly instead of testing nothing.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ActionKind, DetectedRecipient } from "../../src/detect/action.ts";
import controls from "./fixtures/controls.json";
import recipients from "./fixtures/recipients.json";

/** Control markup, the element under test last: real EHR shapes (icon-only, split spans, sr-only text, menus) and look-alikes. */
const ControlFixture = z.strictObject({
  html: z.string(),
  /** The expected kind, or null for a look-alike that must stay quiet. */
  kind: ActionKind.nullable(),
});
export type ControlFixture = z.infer<typeof ControlFixture>;

const ControlFixtures = z.strictObject({ positives: z.array(ControlFixture), negatives: z.array(ControlFixture) });
export const { positives: POSITIVES, negatives: NEGATIVES } = ControlFixtures.parse(controls);

/** Recipient markup around a send control (id="send"), with any setup the markup alone cannot express. */
const RecipientFixture = z.strictObject({
  name: z.string(),
  html: z.string(),
  /** Values typed into inputs after parsing, by element id: what an attribute cannot carry (control characters). */
  typed: z.record(z.string(), z.string()).optional(),
  /** An open shadow root attached to the element with id `host`, holding the send control. */
  shadow: z.strictObject({ host: z.string(), html: z.string() }).optional(),
  /** What must be read off the page; null when nothing may be. */
  expected: z.strictObject(DetectedRecipient.shape).nullable(),
});
export type RecipientFixture = z.infer<typeof RecipientFixture>;

export const RECIPIENT_FIXTURES: RecipientFixture[] = z.array(RecipientFixture).parse(recipients);

/** Whole-page shapes from web EHRs, for scanning tests. */
export type PageName = "epic-like" | "cerner-like" | "athena-like";

// A path, not new URL(..., import.meta.url), which vite would turn into an asset URL.
const PAGES = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "pages");

export function fixturePage(name: PageName): string {
  return readFileSync(join(PAGES, `${name}.html`), "utf8");
}
