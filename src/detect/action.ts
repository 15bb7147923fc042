/** What detection reports about a control that sends a record out. Crosses the page boundary, so it is a zod schema. */
import { z } from "zod";

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

export const DetectedAction = z.object({
  kind: ActionKind,
  /** The control's accessible name, e.g. "Send Referral". */
  label: PageText,
  recipient: DetectedRecipient.optional(),
  /** The page origin, never the full URL (paths and queries can carry patient identifiers). */
  origin: z.string().max(200),
});
export type DetectedAction = z.infer<typeof DetectedAction>;
