/** A resource (the demo server, a browser session) that lives for one describe block. */
import { after, before } from "./bounded.ts";
import { CLOSE_TIMEOUT_MS, within } from "./deadline.ts";

/**
 * Starts `start()` before the enclosing describe block's tests and closes it after them; call it inside the
 * describe. Returns a getter for the live resource. After hooks run in the order they were registered, so
 * resources close in the order they were opened. A browser session's close() throws if the extension made a
 * network request, which fails the block. The hooks are bounded; a browser session bounds its own launch
 * and close, and kills its browser when closing hangs.
 */
export function forSuite<R extends { close(): Promise<void> }>(start: () => Promise<R>): () => R {
  let resource: R | undefined;
  before(async () => {
    resource = await start();
  });
  after(async () => {
    await within(async () => resource?.close(), CLOSE_TIMEOUT_MS * 2, "closing the block's resource");
  });
  return () => {
    if (!resource) throw new Error("forSuite: the resource is used before its block's tests started");
    return resource;
  };
}
