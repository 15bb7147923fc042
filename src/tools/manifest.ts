/**
 * manifest.json is the one manifest; every build target's manifest is derived from it here, so
 * Chrome, Firefox and the demo builds can never drift apart in permissions or pages.
 */
export type Browser = "chrome" | "firefox";
export type Target = "chrome" | "firefox" | "demo-chrome" | "demo-firefox";
export const TARGETS: readonly Target[] = ["chrome", "firefox", "demo-chrome", "demo-firefox"];

/** Stable Firefox add-on id: managed policies (policies.json) and the tests' moz-extension UUID pin key on it. */
export const GECKO_ID = "sharecheck@sharecheck.example";
/** Firefox 140 is the first (ESR) release that understands data_collection_permissions. */
export const GECKO_MIN_VERSION = "140.0";

/** What the demo builds watch out of the box: the bundled demo EHR portal on this machine. */
export const DEMO_HOSTS = ["http://localhost/*", "http://127.0.0.1/*"];

/**
 * Public half of a throwaway key (the private half was discarded): it pins the demo Chrome build's
 * id to DEMO_CHROME_ID wherever dist/demo-chrome lives, so a Chromium policy file can address it.
 * Only the demo build carries it; the Web Store assigns the shipped build its own id.
 */
export const DEMO_CHROME_KEY =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA17KoMAUwL2FY5XyKNzBRz4an1qR9APCM3tHXThvD0B30nLwmBsg/5eNhQj/skfDg4ThIkuzluQlydd0+p4mE06GCpuP8NngxVGS9CmYjNNKNRMpLfA9tKOXKS6tWDJBzJ+3tA7B9ZMnNl1LSu8lusvU3CxE5e9gCptCcm0H2CdaLBc38depIQfHQTph+4ptNxgWXa2JkniI92pMVsXV7rXySYvp7kvnGhWEDQSGlm39u9TotStQVqQyRz0UFhKSzZenSMXygPqPrikYO8SxlFRbOyguH9HesHupsOUo3FSe8A9T70xag3knxip0QuMI3MgriUc/iZMIfjCjtdUf6LQIDAQAB";
export const DEMO_CHROME_ID = "edcpgebfpocdkoeccpapaehpadfkdkcb";

/** The content script and the frame page it shows: fixed paths the background registers and the content script loads. */
export const CONTENT_SCRIPT_FILE = "content.js";
/**
 * The part of the content script only a panel needs (panel session, tamper guard, heartbeat): injected by the
 * background into a frame whose content script asks for it (message "panel-part"), into the same isolated world.
 */
export const CONTENT_PANEL_FILE = "content-panel.js";
/** "Check this page"'s scan of a frame: injected by the background for the check only (scan-tab.ts). */
export const CONTENT_SCAN_FILE = "content-scan.js";
/** The idle pre-warm of the send controls in view (idle-warm.ts): injected the same way, message "warm-part". */
export const CONTENT_WARM_FILE = "content-warm.js";
/** The reader of a control's surroundings (recipient, cues: reader-loader.ts): injected the same way, message "reader-part". */
export const CONTENT_READER_FILE = "content-reader.js";
export const CONTENT_FRAME_PAGE = "src/content/frame/index.html";
export const MANAGED_SCHEMA_FILE = "managed-schema.json";

export type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  host_permissions?: string[];
};

export function isDemo(target: Target): boolean {
  return target.startsWith("demo-");
}

export function browserOf(target: Target): Browser {
  return target.endsWith("firefox") ? "firefox" : "chrome";
}

/** The manifest handed to the crxjs build for one browser (source paths, before bundling). */
export function browserManifest(source: Manifest, browser: Browser): Manifest {
  const manifest: Manifest = structuredClone(source);
  if (browser === "chrome") return manifest;
  const { service_worker, type } = manifest.background ?? {};
  // Firefox MV3 runs the background as an event page.
  manifest.background = { scripts: service_worker ? [service_worker] : [], ...(type ? { type } : {}) };
  delete manifest.minimum_chrome_version;
  manifest.web_accessible_resources = manifest.web_accessible_resources?.map(({ use_dynamic_url: _, ...rest }) => rest);
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // ShareCheck collects nothing and sends nothing anywhere.
      data_collection_permissions: { required: ["none"] },
    },
  };
  return manifest;
}

/** The demo variant of a built manifest: same code, the local demo portal watched out of the box. */
export function demoManifest(built: Manifest, browser: Browser): Manifest {
  const manifest: Manifest = structuredClone(built);
  manifest.name = "__MSG_extNameDemo__";
  manifest.host_permissions = [...new Set([...(built.host_permissions ?? []), ...DEMO_HOSTS])];
  if (browser === "chrome") manifest.key = DEMO_CHROME_KEY;
  return manifest;
}

/** Checks the promises every shipped manifest keeps; returns what is wrong (empty when fine). */
export function manifestProblems(manifest: Manifest, target: Target): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(manifest);
  if (text.includes("<all_urls>")) problems.push("asks for <all_urls>");
  if (!isDemo(target) && /localhost|127\.0\.0\.1/.test(text)) problems.push("mentions localhost in a shipped build");
  if (!isDemo(target) && (manifest.host_permissions ?? []).length > 0) problems.push("has install-time host_permissions");
  if (manifest.manifest_version !== 3) problems.push("is not Manifest V3");
  const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? "";
  if (!/^script-src 'self'; object-src 'self'$/.test(csp)) problems.push(`has a loose extension CSP: ${csp}`);
  return problems;
}
