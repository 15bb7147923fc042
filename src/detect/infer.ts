/**
 * What detection can honestly say about the disclosure before anyone answers a question: a referral is
 * for treatment by a provider. Nothing else is implied by the control (a fax, an export, a share or a
 * Direct message can go to anyone for any purpose; Direct addresses are held by plans, agencies and
 * patients too), and the page never tells us what kinds of information the record holds.
 */
import type { ActionKind, DetectedRecipient } from "./action.ts";

export type InferenceQuestion = "purpose" | "recipientType" | "recipient" | "information";

export interface Inference {
  purpose?: "treatment";
  recipientType?: "provider";
  /** What the panel still has to ask, in the order to ask it. */
  ask: InferenceQuestion[];
}

export function inferRequest(kind: ActionKind, recipient?: DetectedRecipient): Inference {
  const known = kind === "referral";
  const ask: InferenceQuestion[] = known ? [] : ["purpose", "recipientType"];
  if (!recipient?.text) ask.push("recipient");
  // Psychotherapy notes, Part 2 records and other sensitive kinds are never visible from the control.
  ask.push("information");
  return known ? { purpose: "treatment", recipientType: "provider", ask } : { ask };
}
