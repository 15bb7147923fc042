/**
 * The demo EHR portal's tiny server (node:http, no dependencies). Pages in pages/*.html are body
 * fragments wrapped in layout.html (top bar, patient banner); a fragment's first line
 * `<!-- page: ORDER | TITLE | WHAT IT SHOWS -->` lists it on the index, so a new page is one new file.
 * Pages ordered from CORPUS_ORDER up are the public page corpus (screens modelled on named EHRs, see
 * test/e2e/corpus-data.ts): listed on the /corpus page (`{{corpus}}`), not in the top bar.
 * cues/*.html are corpus pages too, served at /cues/<name>: screens whose shares carry (or only seem to
 * carry) sensitive content, for the cue reader (src/detect/cues.ts).
 * paths/*.html are served at /paths/<name> and listed with the corpus: the ways a record leaves and
 * controls that change under the clinician, for test/e2e/content-paths.test.ts.
 * static/ is served as is (CSS, JS, iframe documents), and hostile/*.html at /hostile/<name> (whole
 * documents that attack ShareCheck, for the hostile-page browser tests).
 *
 * Forms post to /api/<kind> and get a "Sent" page; every submission is counted in memory so a
 * browser test can prove a held action completed exactly once:
 *   GET  /__test/submissions   -> { submissions: [{ kind, time, fields }] }
 *   POST /__test/reset         -> forgets them
 * Standalone: `tsx assets/demo/server.ts [port]` (default 8080).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile, readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import type { AddressInfo } from "node:net";

const here = import.meta.dirname;
const NAME = /^[a-z0-9-]+$/;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export interface Submission {
  /** What was sent: the path after /api/ (referrals, direct, export, share, …). */
  kind: string;
  time: string;
  fields: Record<string, string | string[]>;
}

export interface DemoServer {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  submissions(): Submission[];
  close(): Promise<void>;
}

interface PageMeta {
  name: string;
  order: number;
  title: string;
  about: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pageMeta(name: string, source: string): PageMeta {
  const match = /^<!--\s*page:\s*(\d+)\s*\|\s*([^|]+?)\s*\|\s*(.+?)\s*-->/.exec(source);
  if (!match) throw new Error(`assets/demo/pages/${name}.html must start with <!-- page: ORDER | TITLE | WHAT IT SHOWS -->`);
  return { name, order: Number(match[1]), title: match[2]!, about: match[3]! };
}

/** Page folders: a page's name is its path under the site root ("referral", "cues/psychotherapy-referral"). */
const PAGE_DIRS = [
  { dir: "pages", prefix: "" },
  { dir: "cues", prefix: "cues/" },
  { dir: "paths", prefix: "paths/" },
];

async function listPages(): Promise<PageMeta[]> {
  const lists = await Promise.all(
    PAGE_DIRS.map(async ({ dir, prefix }) => {
      const files = (await readdir(join(here, dir))).filter((f) => f.endsWith(".html"));
      return Promise.all(files.map(async (f) => pageMeta(prefix + f.slice(0, -5), await readFile(join(here, dir, f), "utf8"))));
    }),
  );
  return lists.flat().sort((a, b) => a.order - b.order);
}

const pageHref = (name: string): string => (name === "index" ? "/" : `/${name}`);
/** Pages from this order up belong to the corpus. */
export const CORPUS_ORDER = 100;

const listItems = (pages: PageMeta[]): string =>
  pages.map((p) => `<li><a href="${pageHref(p.name)}">${escapeHtml(p.title)}</a> — ${escapeHtml(p.about)}</li>`).join("");

async function renderPage(title: string, content: string, current: string): Promise<string> {
  const [layout, pages] = await Promise.all([readFile(join(here, "layout.html"), "utf8"), listPages()]);
  const nav = pages
    .filter((p) => p.order < CORPUS_ORDER || p.name === current)
    .map((p) => `<a href="${pageHref(p.name)}"${p.name === current ? ' aria-current="page"' : ""}>${escapeHtml(p.title)}</a>`)
    .join("");
  const list = listItems(pages.filter((p) => p.name !== "index" && p.order < CORPUS_ORDER));
  const corpus = listItems(pages.filter((p) => p.order >= CORPUS_ORDER));
  // Replacer functions so `$` in page text is never read as a replacement pattern.
  return layout
    .replace(/\{\{title\}\}/g, () => escapeHtml(title))
    .replace("{{nav}}", () => nav)
    .replace("{{content}}", () => content.replace("{{pages}}", () => list).replace("{{corpus}}", () => corpus));
}

async function readForm(req: IncomingMessage): Promise<Record<string, string | string[]>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 1_000_000) throw new Error("form too large");
    chunks.push(chunk);
  }
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString("utf8"))) {
    const prev = fields[key];
    fields[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return fields;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

export async function startDemoServer(options: { port?: number; host?: "127.0.0.1" | "localhost" } = {}): Promise<DemoServer> {
  const host = options.host ?? "127.0.0.1";
  const submissions: Submission[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", `demo server error: ${String(error)}`);
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://demo.invalid");
    const path = url.pathname;

    if (path === "/__test/submissions" && req.method === "GET") {
      return send(res, 200, "application/json", JSON.stringify({ submissions }));
    }
    if (path === "/__test/reset" && req.method === "POST") {
      submissions.length = 0;
      return send(res, 200, "application/json", "{}");
    }
    const api = /^\/api\/([a-z0-9-]+)$/.exec(path);
    if (api && req.method === "POST") {
      const kind = api[1]!;
      submissions.push({ kind, time: new Date().toISOString(), fields: await readForm(req) });
      const body = `<section class="card sent" data-demo-sent="${kind}"><h2>Sent</h2><p>Your ${escapeHtml(kind)} request was sent (demo: nothing left this machine).</p><p><a href="/">Back to the workspace</a></p></section>`;
      return send(res, 200, TYPES[".html"]!, await renderPage("Sent", body, ""));
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain", "method not allowed");

    const asset = /^\/static\/([a-z0-9-]+\.(?:html|css|js|png|svg))$/.exec(path);
    if (asset) {
      const file = asset[1]!;
      const body = await readFile(join(here, "static", file)).catch(() => null);
      return body ? send(res, 200, TYPES[extname(file)]!, body) : send(res, 404, "text/plain", "not found");
    }
    if (path === "/favicon.ico") return send(res, 204, "text/plain", "");
    // Hostile pages for the browser tests (test/e2e/hostile.test.ts): whole documents, served as they are.
    const hostile = /^\/hostile\/([a-z0-9-]+)$/.exec(path);
    if (hostile) {
      const body = await readFile(join(here, "hostile", `${hostile[1]}.html`)).catch(() => null);
      return body ? send(res, 200, TYPES[".html"]!, body) : send(res, 404, "text/plain", "not found");
    }

    const name = path === "/" ? "index" : path.slice(1).replace(/\.html$/, "");
    const folder = PAGE_DIRS.find(({ prefix }) => prefix && name.startsWith(prefix)) ?? PAGE_DIRS[0]!;
    const file = name.slice(folder.prefix.length);
    if (!NAME.test(file)) return send(res, 404, "text/plain", "not found");
    const source = await readFile(join(here, folder.dir, `${file}.html`), "utf8").catch(() => null);
    if (source === null) return send(res, 404, TYPES[".html"]!, await renderPage("Not found", "<p>No such page.</p>", ""));
    const meta = pageMeta(name, source);
    return send(res, 200, TYPES[".html"]!, await renderPage(meta.title, source.replace(/^<!--[\s\S]*?-->\s*/, ""), name));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    submissions: () => structuredClone(submissions),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (process.argv[1] === import.meta.filename) {
  const port = Number(process.argv[2] ?? 8080);
  startDemoServer({ port }).then(
    (demo) => console.log(`Riverbend Health EHR (demo) at ${demo.url}/ — Ctrl+C to stop`),
    (error: unknown) => {
      console.error(`could not start the demo portal: ${String(error)}`);
      process.exit(1);
    },
  );
}
