/** The adapters shipped with the extension, and the lookup by page host. */
export { SiteAdapter } from "./schema.ts";
export { adapterMatchesHost } from "./match.ts";
export { DEMO_ADAPTER } from "./demo.ts";
export { BUNDLED_ADAPTERS, adapterForHost } from "./bundled.ts";
