/** What detection reports about a control that sends a record out. Crosses the page boundary, so it is a zod schema. */
import { z } from "zod";
import { CUE_KINDS, CUE_SOURCES } from "./cues-vocabulary.ts";

export const ACTION_KINDS = ["referral", "share", "export", "fax", "direct"] as const;
export const ActionKind = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof ActionKind>;

/** Text read off a hostile page is bounded before it goes anywhere. */
const PageText = z.string().max(300);

export const DetectedRecipient = z.object({
  /** The recipient as shown on the page (name, Direct address or fax number). */
  text: PageText,
  /** The label of the field it came from ("Refer to", "Fax number", ...). */
  label: PageText.optional(),
  name: PageText.optional(),
  /** The practice or organisation, when the page shows it apart from the person's name. */
  organization: PageText.optional(),
  tin: z.string().max(20).optional(),
  npi: z.string().max(20).optional(),
  directAddress: PageText.optional(),
  fax: z.string().max(40).optional(),
});
export type DetectedRecipient = z.infer<typeof DetectedRecipient>;

/**
 * A cue of sensitive content read off what leaves with the action (src/detect/cues.ts): the content script
 * reports the text and where it was read; the background names its kind (src/detect/cues-match.ts).
 */
export const DetectedCue = z.object({
  kind: z.enum(CUE_KINDS).optional(),
  source: z.enum(CUE_SOURCES),
  /** What the page shows, for the verdict to name; dropped before anything is kept (the tab's last action). */
  text: z.string().max(120).optional(),
});
export type DetectedCue = z.infer<typeof DetectedCue>;

export const DetectedAction = z.object({
  kind: ActionKind,
  /** The control's accessible name, e.g. "Send Referral". */
  label: PageText,
  recipient: DetectedRecipient.optional(),
  /** The page origin, never the full URL (paths and queries can carry patient identifiers). */
  origin: z.string().max(200),
  /** Cues of sensitive content in what leaves: each adds its kind to the request. */
  cues: z.array(DetectedCue).max(40).optional(),
});
export type DetectedAction = z.infer<typeof DetectedAction>;
