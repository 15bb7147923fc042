/**
 * What detection can honestly say about the disclosure before anyone answers a question: a referral is
 * for treatment by a provider. Nothing else is implied by the control (a fax, an export, a share or a
 * Direct message can go to anyone for any purpose; Direct addresses are held by plans, agencies and
 * patients too). The kinds of information come only from cues in what leaves (src/detect/cues.ts), and a
 * cue only ever adds a kind: with none, the record is taken as general and the panel still asks.
 */
import type { ActionKind, DetectedRecipient } from "./action.ts";
import { CUE_KINDS, type CueKind } from "./cues-vocabulary.ts";

export type InferenceQuestion = "purpose" | "recipientType" | "recipient" | "information";

export interface Inference {
  purpose?: "treatment";
  recipientType?: "provider";
  /** The sensitive kinds cued, in the core's order; absent when there were none. */
  information?: CueKind[];
  /** What the panel still has to ask, in the order to ask it. */
  ask: InferenceQuestion[];
}

export function inferRequest(
  kind: ActionKind,
  recipient?: DetectedRecipient,
  cues: ReadonlyArray<{ kind?: CueKind | undefined }> = [],
): Inference {
  const known = kind === "referral";
  const ask: InferenceQuestion[] = known ? [] : ["purpose", "recipientType"];
  if (!recipient?.text) ask.push("recipient");
  // Cues can miss what the page does not show: the kinds are always asked.
  ask.push("information");
  const cued = CUE_KINDS.filter((k) => cues.some((cue) => cue.kind === k));
  return {
    ...(known ? { purpose: "treatment" as const, recipientType: "provider" as const } : {}),
    ...(cued.length ? { information: cued } : {}),
    ask,
  };
}
