/**
 * The reader of what is around a control (its recipient, the cues of what it sends: src/detect/reader.ts), most of
 * detection's code, is a part of its own (content-reader.js, reader-entry.ts), kept out of content.js, which every
 * frame of a watched page evaluates at load. The content script has it injected when a person is first seen in the
 * frame: their pointer moving (loadWhenApproached), or a press, focus or key (index.ts), so it is there by the time
 * anything is activated.
 * Until then reading throws ReaderNotLoaded: an action activated before is held and read once it has come. It also
 * brings what its labels say of a field, which classifying a generic Send among fields needs (field-meaning.ts).
 */
import type { Reader } from "../detect/detector.ts";
import { provideFieldMeaning } from "../detect/field-meaning.ts";
import type { ReaderPart } from "../detect/reader.ts";
import type { Lifetime } from "./lifetime.ts";
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

/**
 * Loads the reader at the pointer's first move over this frame: a person's pointer moves well before it clicks, so the
 * part is there by then, and a page no one uses never pays for it. (Loaded at idle instead, it cost every page load
 * about 9 ms of main-thread time: the bench's large page, interleaved loads.) Keys and presses load it too (index.ts).
 */
export function loadWhenApproached(view: Window, reader: ReaderLoader, lifetime: Lifetime): void {
  lifetime.addEventListener(view, "pointermove", () => void reader.load().catch(() => undefined), {
    capture: true,
    passive: true,
    once: true,
  });
}
