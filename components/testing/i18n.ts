// Component tests read the real locale files: browser.i18n.getMessage answers from the messages
// WXT generates from locales/<lang>.yml, with Chrome's $1…$9 substitution. A missing key fails.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

export async function useLocale(locale: 'zh_CN' | 'en'): Promise<void> {
  const messages = generateChromeMessages(await parseMessagesFile(path.join(LOCALES, `${locale}.yml`)));
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const message = messages[name]?.message;
    if (message === undefined) throw new Error(`no message "${name}" in locales/${locale}.yml`);
    const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return message.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
}
