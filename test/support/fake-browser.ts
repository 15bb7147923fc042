/**
 * An in-memory stand-in for the parts of `browser.*` the background uses, for unit tests: storage areas that fire
 * onChanged, host permissions, registered content scripts, per-frame script injection, badges and tab messages.
 */
import type { Scripting } from "../../src/platform/browser.ts";
import { MemoryArea } from "./memory-area.ts";
import { CONTENT_LIVE_HOOK, SCAN_RESULT_HOOK } from "../../src/messaging/scan-hook.ts";
import { CONTENT_SCAN_FILE, CONTENT_SCRIPT_FILE } from "../../src/tools/manifest.ts";
import type { BackgroundApi } from "../../src/background/background.ts";

type Listener = (...args: never[]) => unknown;

export class FakeEvent<L extends Listener> {
  readonly listeners = new Set<L>();
  addListener(listener: L) {
    this.listeners.add(listener);
  }
  removeListener(listener: L) {
    this.listeners.delete(listener);
  }
  hasListener(listener: L) {
    return this.listeners.has(listener);
  }
  emit(...args: Parameters<L>) {
    for (const listener of this.listeners) (listener as (...a: Parameters<L>) => unknown)(...args);
  }
}

/**
 * A frame of a tab, for executeScript: `world` is its extension isolated-world global (what injected files leave
 * there); `live` says a live content script already runs in it; `actions` is what the scan part finds in it.
 */
export type FakeFrame = { frameId: number; live?: boolean; actions?: () => unknown; world?: Record<string, unknown> };

export type FakeBrowserOptions = {
  id?: string;
  hostPermissions?: string[];
  granted?: string[];
  /** undefined: a browser without storage.session. */
  session?: boolean;
  /** What storage.managed.get() gives, or an Error it rejects with. */
  managed?: Record<string, unknown> | Error;
};

export function createFakeBrowser(options: FakeBrowserOptions = {}) {
  const id = options.id ?? "sharecheck-id";
  const onChanged = new FakeEvent<(changes: Record<string, unknown>, areaName: string) => void>();
  const local = new MemoryArea();
  local.onChange = (changes) => onChanged.emit(changes, "local");
  const session = options.session === false ? undefined : new MemoryArea();
  const state = {
    managed: options.managed ?? ({} as Record<string, unknown> | Error),
    granted: [...(options.granted ?? [])],
    registered: [] as Scripting.RegisteredContentScript[],
    badges: new Map<number, { text?: string; color?: string }>(),
    /** Frames per tab, for executeScript. */
    frames: new Map<number, FakeFrame[]>(),
    /** Tabs where injection fails, like chrome:// pages. */
    restricted: new Set<number>(),
    injectedFiles: [] as { tabId: number; frameId: number; files: string[] }[],
    tabMessages: [] as { tabId: number; message: unknown; frameId?: number }[],
  };

  const api = {
    runtime: {
      id,
      getURL: (path: string) => `chrome-extension://${id}/${path}`,
      getManifest: () => ({ manifest_version: 3, name: "ShareCheck", version: "0.1.0", host_permissions: options.hostPermissions ?? [] }),
    },
    storage: {
      local,
      session,
      managed: {
        get: async () => {
          if (state.managed instanceof Error) throw state.managed;
          return structuredClone(state.managed);
        },
      },
      onChanged,
    },
    permissions: {
      getAll: async () => ({ origins: [...state.granted], permissions: ["storage", "activeTab", "scripting"] }),
    },
    scripting: {
      async getRegisteredContentScripts(filter?: { ids?: string[] }) {
        return state.registered.filter((s) => !filter?.ids || filter.ids.includes(s.id));
      },
      async registerContentScripts(scripts: Scripting.RegisteredContentScript[]) {
        for (const script of scripts) {
          if (state.registered.some((s) => s.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        }
        state.registered.push(...structuredClone(scripts));
      },
      async unregisterContentScripts(filter?: { ids?: string[] }) {
        state.registered = state.registered.filter((s) => filter?.ids && !filter.ids.includes(s.id));
      },
      async executeScript(injection: Scripting.ScriptInjection) {
        const { tabId, allFrames, frameIds } = injection.target;
        if (state.restricted.has(tabId)) throw new Error("Cannot access contents of the page");
        const frames = (state.frames.get(tabId) ?? []).filter((f) =>
          allFrames ? true : frameIds ? frameIds.includes(f.frameId) : f.frameId === 0,
        );
        return Promise.all(
          frames.map(async (frame) => {
            const world = (frame.world ??= frame.live ? { [CONTENT_LIVE_HOOK]: () => true } : {});
            if (injection.files) {
              state.injectedFiles.push({ tabId, frameId: frame.frameId, files: injection.files });
              // What each file leaves in the frame's world: the content script its live marker, the scan part its finds.
              if (injection.files.includes(CONTENT_SCRIPT_FILE)) world[CONTENT_LIVE_HOOK] = () => true;
              if (injection.files.includes(CONTENT_SCAN_FILE)) world[SCAN_RESULT_HOOK] = frame.actions?.() ?? [];
              return { frameId: frame.frameId, documentId: `doc-${frame.frameId}` };
            }
            // Run the real function with this frame's isolated-world global in place, and keep what it leaves there.
            const global = globalThis as Record<string, unknown>;
            const hooks = [CONTENT_LIVE_HOOK, SCAN_RESULT_HOOK];
            for (const hook of hooks) if (hook in world) global[hook] = world[hook];
            let result: unknown;
            try {
              result = injection.func?.(...(injection.args ?? []));
            } finally {
              for (const hook of hooks) {
                if (hook in global) world[hook] = global[hook];
                else delete world[hook];
                delete global[hook];
              }
            }
            // Like the browsers, a returned Promise is awaited.
            return { frameId: frame.frameId, documentId: `doc-${frame.frameId}`, result: await result };
          }),
        );
      },
    },
    action: {
      async setBadgeText({ tabId, text }: { tabId?: number; text: string | null }) {
        state.badges.set(tabId ?? -1, { ...state.badges.get(tabId ?? -1), text: text ?? "" });
      },
      async setBadgeBackgroundColor({ tabId, color }: { tabId?: number; color: unknown }) {
        state.badges.set(tabId ?? -1, { ...state.badges.get(tabId ?? -1), color: String(color) });
      },
    },
    tabs: {
      async sendMessage(tabId: number, message: unknown, opts?: { frameId?: number }) {
        state.tabMessages.push({ tabId, message, ...(opts?.frameId !== undefined ? { frameId: opts.frameId } : {}) });
      },
    },
  };

  return { api: api as unknown as BackgroundApi, state, local, session, onChanged };
}
