// "Always check this site": sites outside *.gov.cn where the detector runs on every page. The
// granted optional host permissions are the truth (the reader may also grant or withdraw access in
// the browser's own settings); the detector's registration and settings.alwaysCheckSites follow them.
import { browser, type Browser } from 'wxt/browser';
import { updateSettings } from './settings';

export const DETECTOR_FILE = '/detector.js';
const REGISTRATION_ID = 'gkl-detector-sites';

/** Hosts the detector always runs on, by the manifest's own content script. */
export function isGovHost(hostname: string): boolean {
  return hostname === 'gov.cn' || hostname.endsWith('.gov.cn');
}

/**
 * The site of a page as settings keep it ("http://10.1.2.3"), or null for pages no extension may
 * script (chrome://, file://, about:). No port: match patterns cannot name one.
 */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}` : null;
  } catch {
    return null;
  }
}

/** The host permission (and match pattern) of a site. */
export const patternOf = (site: string) => `${site}/*`;
const siteOfPattern = (pattern: string) => pattern.replace(/\/\*$/, '');

/** The optional origins granted now, without those the manifest always holds (*.gov.cn). */
async function grantedPatterns(): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const required = new Set<string>([...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])]);
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !required.has(origin));
}

async function sync(): Promise<string[]> {
  const matches = await grantedPatterns();
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [REGISTRATION_ID] });
  if (!matches.length) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [REGISTRATION_ID] });
  } else {
    const script: Browser.scripting.RegisteredContentScript = { id: REGISTRATION_ID, js: [DETECTOR_FILE], matches, allFrames: true, runAt: 'document_idle' };
    await (registered ? browser.scripting.updateContentScripts([script]) : browser.scripting.registerContentScripts([script]));
  }
  const sites = matches.map(siteOfPattern);
  await updateSettings({ alwaysCheckSites: sites });
  return sites;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Brings the detector's registration and settings.alwaysCheckSites in line with the granted
 * permissions. Runs one at a time (startup, permission added, permission removed can overlap).
 */
export function syncAlwaysCheckedSites(): Promise<string[]> {
  const next = queue.then(sync, sync);
  queue = next.catch(() => undefined);
  return next;
}

/** "Stop always checking": gives the access back; the registration and settings follow. */
export async function forgetSite(site: string): Promise<string[]> {
  await browser.permissions.remove({ origins: [patternOf(site)] });
  return syncAlwaysCheckedSites();
}
