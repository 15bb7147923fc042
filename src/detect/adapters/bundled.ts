/** The adapters shipped with the extension, and the lookup by page host (zod-free, for the content script). */
import { DEMO_ADAPTER } from "./demo.ts";
import { adapterMatchesHost } from "./match.ts";
import type { SiteAdapter } from "./schema.ts";

export const BUNDLED_ADAPTERS: readonly SiteAdapter[] = [DEMO_ADAPTER];

/** The first adapter (from `adapters`, default the bundled ones) whose host globs match `host`. */
export function adapterForHost(host: string, adapters: readonly SiteAdapter[] = BUNDLED_ADAPTERS): SiteAdapter | undefined {
  return adapters.find((adapter) => adapterMatchesHost(adapter, host));
}
