/**
 * The reader of what is around a control (its recipient, the cues of what it sends: src/detect/reader.ts), most of
 * detection's code, is a part of its own (content-reader.js, reader-entry.ts), kept out of content.js, which every
 * frame of a watched page evaluates at load. The content script has it injected when the clinician first presses,
 * focuses or types in the page (index.ts), alongside the mode, so it is there by the time anything is activated.
 * Until then reading throws ReaderNotLoaded: an action activated before is held and read once it has come. It also
 * brings what its labels say of a field, which classifying a generic Send among fields needs (field-meaning.ts).
 */
import type { Reader } from "../detect/detector.ts";
import { provideFieldMeaning } from "../detect/field-meaning.ts";
import type { ReaderPart } from "../detect/reader.ts";
import { loadPart } from "./part-loader.ts";

export const READER_PART_HOOK = "__sharecheckReaderPart";

export class ReaderNotLoaded extends Error {
  override name = "ReaderNotLoaded";
}

export type ReaderLoader = Reader & {
  /** Has the background inject the part (once; again after a failure) and resolves once it is here. */
  load(): Promise<unknown>;
  /** Whether it is here: reading throws ReaderNotLoaded until it is. */
  ready(): boolean;
};

/** `inject`: has the background inject content-reader.js into this frame and resolves once it ran. */
export function createReaderLoader(inject: () => Promise<unknown>): ReaderLoader {
  let part: Reader | undefined;
  let loading: Promise<Reader> | undefined;
  const ready = (): Reader => {
    if (!part) throw new ReaderNotLoaded();
    return part;
  };
  return {
    load: () =>
      (loading ??= loadPart<ReaderPart>(READER_PART_HOOK, inject).then(
        (loaded) => {
          provideFieldMeaning(loaded.fieldMeaning);
          return (part = loaded);
        },
        (error: unknown) => {
          loading = undefined; // the next need tries again
          throw error;
        },
      )),
    ready: () => part !== undefined,
    readRecipient: (control, deadline, openedFrom) => ready().readRecipient(control, deadline, openedFrom),
    readCues: (control, deadline, openedFrom) => ready().readCues(control, deadline, openedFrom),
  };
}
