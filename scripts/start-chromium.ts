// How `npm start` opens Chromium for a reader: in Chinese (the UI, the pages' Accept-Language and
// the extension's messages), without the translate bubble on the Chinese reports, without the
// "unsupported command-line flag" bar, with the extension pinned. Pure: no process is started.
import { createHash } from 'node:crypto';

/** Chromium names an unpacked extension after its folder: the first 32 hex digits of SHA-256(path), written with a–p. */
export function unpackedExtensionId(extensionDir: string): string {
  return [...createHash('sha256').update(extensionDir).digest('hex').slice(0, 32)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** The profile's Default/Preferences: Chinese first, translation off, our extension pinned. */
export function startPreferences(extensionDir: string): Record<string, unknown> {
  return {
    extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] },
    intl: { accept_languages: 'zh-CN,zh', selected_languages: 'zh-CN,zh' },
    translate: { enabled: false },
    translate_blocked_languages: ['zh-CN', 'zh'],
  };
}

export interface StartOptions {
  profile: string;
  extensionDir: string;
  resolverRules: string;
  /** Running as root (containers, CI) needs --no-sandbox. */
  root: boolean;
}

/** Chromium's arguments; the URLs to open are appended by the caller. */
export function startArgs({ profile, extensionDir, resolverRules, root }: StartOptions): string[] {
  return [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--lang=zh-CN',
    '--disable-features=Translate,TranslateUI',
    '--window-size=1280,900',
    `--host-resolver-rules=${resolverRules}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(root ? ['--no-sandbox'] : []),
    // Silences the "unsupported command-line flag" bar that --no-sandbox (and the extension flags) raise.
    '--test-type',
  ];
}

/**
 * On Linux Chromium takes its UI language from the locale environment, not from --lang alone:
 * LANGUAGE names it, and C.UTF-8 (on every Debian machine, unlike zh_CN.UTF-8) keeps non-ASCII
 * download names (under a locale the system lacks, every download is named "download").
 */
export const startEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env, LANGUAGE: 'zh_CN:zh', LC_ALL: 'C.UTF-8' });
