/** A watched site as the user types it ("ehr.example.org", "https://ehr.example.org/login") turned into a match pattern. */
import { SitePattern } from "../settings/schema.ts";

export function sitePattern(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username || url.password || (!url.hostname.includes(".") && url.hostname !== "localhost")) return undefined;
  // No port: in both browsers a pattern without one covers every port of the host.
  const pattern = `${url.protocol}//${url.hostname}/*`;
  return SitePattern.safeParse(pattern).success ? pattern : undefined;
}

/** A pattern as people read it: "https://ehr.example.org". */
export const siteLabel = (pattern: string) => pattern.replace(/\/\*$/, "");
