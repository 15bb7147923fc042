/** The adapters shipped with the extension, and the lookup by page host. */
import { DEMO_ADAPTER } from "./demo.ts";
import { adapterMatchesHost, type SiteAdapter } from "./schema.ts";

export { SiteAdapter, adapterMatchesHost } from "./schema.ts";
export { DEMO_ADAPTER } from "./demo.ts";

export const BUNDLED_ADAPTERS: readonly SiteAdapter[] = [DEMO_ADAPTER];

/** The first adapter (from `adapters`, default the bundled ones) whose host globs match `host`. */
export function adapterForHost(host: string, adapters: readonly SiteAdapter[] = BUNDLED_ADAPTERS): SiteAdapter | undefined {
  return adapters.find((adapter) => adapterMatchesHost(adapter, host));
}
