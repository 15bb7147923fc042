/**
 * Parts of the content script kept out of content.js (which every frame of a watched page evaluates at load) until
 * they are needed: the background injects a part's file into the asking frame's isolated world, where it leaves
 * itself under a hook for the content script there to pick up.
 */

/** `inject`: has the background inject the part into this frame and resolves once it ran. Rejects when it left nothing. */
export async function loadPart<T>(hook: string, inject: () => Promise<unknown>): Promise<T> {
  const world = globalThis as Record<string, unknown>;
  // Only the copy injected for this load counts, never one an earlier copy of the extension left here.
  delete world[hook];
  await inject();
  const part = world[hook] as T | undefined;
  delete world[hook];
  if (!part) throw new Error(`ShareCheck's ${hook} could not be loaded`);
  return part;
}
