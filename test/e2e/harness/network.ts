/**
 * Records every network request made by the extension's own contexts (its pages, frames, service
 * worker or event page, and the content script). ShareCheck promises to make none, so every browser
 * session of the suite ends by asserting this log is empty (see close() in chromium.ts/firefox.ts).
 */
export interface ExtensionRequest {
  /** The extension context that made it (page/worker URL, or the script that initiated it). */
  from: string;
  url: string;
}

const EXTENSION = /^(chrome-extension|moz-extension):\/\//;
/** Loads that never leave the browser: the extension's own files and in-memory URLs. */
const LOCAL = /^(chrome-extension|moz-extension|data|blob|about):/;

export class ExtensionNetworkLog {
  readonly requests: ExtensionRequest[] = [];

  /** Records the request when an extension context made it for something outside the browser. */
  record(from: string | undefined, url: string): void {
    if (from && EXTENSION.test(from) && !LOCAL.test(url)) this.requests.push({ from, url });
  }

  assertNone(): void {
    if (this.requests.length === 0) return;
    const lines = this.requests.map((r) => `  ${r.from} -> ${r.url}`).join("\n");
    throw new Error(`the extension made ${this.requests.length} network request(s); it must make none:\n${lines}`);
  }
}
