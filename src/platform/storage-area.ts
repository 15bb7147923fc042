/**
 * The slice of a `storage.*` area that the settings store and the audit log use. Typed structurally so the
 * polyfill's areas fit as they are and tests can pass a Map-backed fake.
 */
export interface KeyValueArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
