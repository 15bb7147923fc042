/** An in-memory storage area for tests: values are deep-copied in and out, as real storage serialises them. */
import type { KeyValueArea } from "../../src/platform/storage-area.ts";

export class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, unknown>();
  /** Every set() call's items, so tests can see what was written and when. */
  readonly writes: Record<string, unknown>[] = [];
  /** Called with the changed keys after each write, like storage.onChanged. */
  onChange: ((changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void) | undefined;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, structuredClone(value));
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === undefined || keys === null ? [...this.data.keys()] : typeof keys === "string" ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes.push(structuredClone(items));
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data.get(key), newValue: structuredClone(value) };
      this.data.set(key, structuredClone(value));
    }
    this.onChange?.(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const key of typeof keys === "string" ? [keys] : keys) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    if (Object.keys(changes).length > 0) this.onChange?.(changes);
  }
}
