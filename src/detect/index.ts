/** The detection API: DOM only, no extension API. Every function catches and returns null/[]/undefined on a hostile page. */
export { ActionKind, ACTION_KINDS, DetectedAction, DetectedRecipient } from "./action.ts";
export { accessibleName } from "./accessible-name.ts";
export { classifyControl, isControlElement, type Classification } from "./classify.ts";
export { findActionControl } from "./find-control.ts";
export { findShortcutControl } from "./shortcut.ts";
export { scanForActions, type Candidate } from "./scan.ts";
export { readRecipient } from "./recipient.ts";
export { inferRequest, type Inference, type InferenceQuestion } from "./infer.ts";
export { isVisible } from "./visibility.ts";
export { createDetector, type Detector } from "./detector.ts";
