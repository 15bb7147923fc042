/**
 * Just enough of the WebExtension match-pattern grammar to intersect the sites we were asked to watch with the
 * host permissions we hold (scheme://host[:port]/path, with "*" and "*.domain" wildcards).
 */
type Pattern = { scheme: string; host: string; port: string | undefined; path: string };

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/:*]+)(?::(\d+))?(\/.*)$/i;

function parse(text: string): Pattern | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase(), port: m[3], path: m[4]! };
}

function hostCovers(outer: string, inner: string): boolean {
  if (outer === "*") return true;
  if (outer.startsWith("*.")) {
    const domain = outer.slice(2);
    const bare = inner.startsWith("*.") ? inner.slice(2) : inner;
    return bare === domain || bare.endsWith(`.${domain}`);
  }
  return outer === inner;
}

/** Does every URL that `inner` matches also match `outer`? */
export function covers(outer: string, inner: string): boolean {
  const o = parse(outer);
  const i = parse(inner);
  if (!o || !i) return false;
  // "*" as a scheme means http or https, so it covers either and itself.
  const scheme = o.scheme === "*" || o.scheme === i.scheme;
  // A pattern without a port matches every port.
  const port = o.port === undefined || o.port === i.port;
  const path = o.path === "/*" || o.path === i.path;
  return scheme && port && path && hostCovers(o.host, i.host);
}

/**
 * The patterns to watch: each wanted pattern that a granted one covers, or the granted pattern itself when it is
 * the narrower of the two. Never wider than what is granted; de-duplicated, in a stable order.
 */
export function intersectPatterns(wanted: readonly string[], granted: readonly string[]): string[] {
  const out = new Set<string>();
  for (const want of wanted) {
    for (const grant of granted) {
      if (covers(grant, want)) out.add(want);
      else if (covers(want, grant)) out.add(grant);
    }
  }
  return [...out];
}
