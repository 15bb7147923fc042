/**
 * A `chrome.i18n` stand-in for DOM unit tests that reads the real _locales/en/messages.json and fills
 * placeholders the way the browsers do, so components render the words users see and a missing key
 * shows up as the key itself.
 */
import raw from "../../assets/_locales/en/messages.json";

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const messages: Record<string, Entry> = raw;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return "";
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? "");
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? fill(ph.content) : whole;
  });
}

export function installI18n(): void {
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage } };
}
