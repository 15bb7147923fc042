/**
 * All user-facing text goes through here. A missing key returns the key itself, so a test that
 * looks for real words catches it instead of rendering an empty string.
 *
 * `i18n.getMessage` is synchronous in both browsers, so this reads the extension global directly
 * instead of importing the polyfill: components that call `t()` can then render in unit tests,
 * where a test may install a `chrome.i18n` stand-in.
 */
type I18n = { getMessage(key: string, substitutions?: string | string[]): string };

function i18n(): I18n | undefined {
  const g = globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/**
 * Reads the message bundle now: a frame's first message read fetches the whole bundle from the browser in a
 * synchronous round trip (8-12 ms in Chromium). Called where that wait costs nobody.
 */
export function loadMessages(): void {
  t("extName");
}

export function t(key: string, substitutions?: string | string[]): string {
  let text = "";
  try {
    text = i18n()?.getMessage(key, substitutions) ?? "";
  } catch {
    // A detached frame or an unloaded extension: fall through to the key.
  }
  return text || key;
}
