// Chromium gives an offscreen document chrome.runtime and no other extension API: no chrome.i18n,
// which every message a read can end with goes through (i18n.t: a 404, a scan, an encrypted file).
// Without it each failed read threw instead of answering, and the panel waited 30 s and then
// called it a network error. Here the extension's own messages.json stands in, chosen as Chrome
// chooses it (the UI language, then its language alone, then the default locale). Firefox's
// reading page (an iframe of its background page) has chrome.i18n and keeps it.
import { browser } from 'wxt/browser';

type Messages = Record<string, { message: string } | undefined>;

/** An extension file as JSON, or null where there is none. */
const extensionJson = async <T>(file: string): Promise<T | null> => {
  const response = await fetch(`${browser.runtime.getURL('/')}${file}`).catch(() => null);
  return response?.ok ? ((await response.json()) as T) : null;
};

async function uiMessages(): Promise<Messages> {
  const ui = navigator.language.replace('-', '_');
  for (const name of [ui, ui.split('_')[0]]) {
    const messages = await extensionJson<Messages>(`_locales/${name}/messages.json`);
    if (messages) return messages;
  }
  // Not even runtime.getManifest is there: the default locale is read from the manifest file.
  const fallback = (await extensionJson<{ default_locale?: string }>('manifest.json'))?.default_locale;
  return (fallback ? await extensionJson<Messages>(`_locales/${fallback}/messages.json`) : null) ?? {};
}

/** chrome.i18n.getMessage over those messages: `$1`…`$9` substituted, `$$` a dollar, '' for an unknown name. */
const getMessageFrom = (messages: Messages) => (name: string, substitutions?: string | string[]) => {
  const values = [substitutions ?? []].flat();
  return messages[name]?.message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (values[Number(d) - 1] ?? ''))) ?? '';
};

let ready: Promise<void> | undefined;

/** Gives this document chrome.i18n.getMessage where it has none (once; before any message is made). */
export function ensureUiMessages(): Promise<void> {
  return (ready ??= browser.i18n
    ? Promise.resolve()
    : uiMessages().then((messages) => {
        Object.defineProperty(browser, 'i18n', { value: { getMessage: getMessageFrom(messages) }, configurable: true });
      }));
}
