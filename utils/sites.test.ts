// "Always check this site" after the reader granted access: the detector's registration and
// settings.alwaysCheckSites follow the granted origins. The browser's permission prompt cannot be
// answered in headless Chromium, so this runs against an in-memory permissions/scripting fake.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { forgetSite, isGovHost, patternOf, siteOf, syncAlwaysCheckedSites, DETECTOR_FILE } from './sites';
import { getSettings } from './settings';

type Script = Browser.scripting.RegisteredContentScript;

/** The browser's state: manifest origins are always granted; optional ones as the reader chose. */
let granted: Set<string>;
let registered: Map<string, Script>;

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set(['*://*.gov.cn/*']);
  registered = new Map();
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, host_permissions: ['*://*.gov.cn/*'], permissions: ['storage', 'scripting', 'activeTab'] }),
  });
  Object.assign(fakeBrowser.permissions, {
    getAll: async () => ({ origins: [...granted], permissions: ['storage', 'scripting', 'activeTab'] }),
    remove: async ({ origins = [] }: { origins?: string[] }) => origins.map((o) => granted.delete(o)).every(Boolean),
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => ids.flatMap((id) => registered.get(id) ?? []),
    registerContentScripts: async (scripts: Script[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    },
    updateContentScripts: async (scripts: Script[]) => {
      for (const s of scripts) {
        if (!registered.has(s.id)) throw new Error(`Nonexistent script ID '${s.id}'`);
        registered.set(s.id, { ...registered.get(s.id)!, ...s });
      }
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    },
  });
});

const detector = (matches: string[]): Script[] => [{ id: 'gkl-detector-sites', js: [DETECTOR_FILE], matches, allFrames: true, runAt: 'document_idle' }];

describe('sites', () => {
  it('names a page by its scheme and host, and only pages an extension may read', () => {
    expect(siteOf('http://10.1.2.3:8080/gknb/2023/a.html?x=1#t')).toBe('http://10.1.2.3');
    expect(siteOf('https://xxgk.example.org/')).toBe('https://xxgk.example.org');
    expect(siteOf('chrome://extensions/')).toBeNull();
    expect(siteOf('file:///home/me/report.html')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(patternOf('http://10.1.2.3')).toBe('http://10.1.2.3/*');
  });

  it('knows the hosts the manifest already covers', () => {
    expect(isGovHost('www.hegang.gov.cn')).toBe(true);
    expect(isGovHost('gov.cn')).toBe(true);
    expect(isGovHost('gov.cn.example.com')).toBe(false);
    expect(isGovHost('mygov.cn')).toBe(false);
  });
});

describe('syncAlwaysCheckedSites', () => {
  it('registers the detector on a site once access to it is granted, and lists the site in settings', async () => {
    granted.add('http://10.1.2.3/*');
    expect(await syncAlwaysCheckedSites()).toEqual(['http://10.1.2.3']);
    expect([...registered.values()]).toEqual(detector(['http://10.1.2.3/*']));
    expect((await getSettings()).alwaysCheckSites).toEqual(['http://10.1.2.3']);
  });

  it('follows a second site, then the removal of the first', async () => {
    granted.add('http://10.1.2.3/*');
    await syncAlwaysCheckedSites();
    granted.add('https://xxgk.example.org/*');
    await syncAlwaysCheckedSites();
    expect([...registered.values()]).toEqual(detector(['http://10.1.2.3/*', 'https://xxgk.example.org/*']));
    expect(await forgetSite('http://10.1.2.3')).toEqual(['https://xxgk.example.org']);
    expect([...registered.values()]).toEqual(detector(['https://xxgk.example.org/*']));
    expect((await getSettings()).alwaysCheckSites).toEqual(['https://xxgk.example.org']);
  });

  it('unregisters the detector when no site is left', async () => {
    granted.add('http://10.1.2.3/*');
    await syncAlwaysCheckedSites();
    expect(await forgetSite('http://10.1.2.3')).toEqual([]);
    expect(registered.size).toBe(0);
    expect((await getSettings()).alwaysCheckSites).toEqual([]);
  });

  it('drops a listed site whose access was withdrawn elsewhere (browser settings), at the next start', async () => {
    granted.add('http://10.1.2.3/*');
    await syncAlwaysCheckedSites();
    granted.delete('http://10.1.2.3/*');
    expect(await syncAlwaysCheckedSites()).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it('registers nothing for the gov.cn pages the manifest covers', async () => {
    expect(await syncAlwaysCheckedSites()).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it('runs one sync at a time when events overlap', async () => {
    granted.add('http://10.1.2.3/*');
    // Startup and permissions.onAdded at once: both would register without the queue.
    const results = await Promise.all([syncAlwaysCheckedSites(), syncAlwaysCheckedSites(), syncAlwaysCheckedSites()]);
    expect(results).toEqual([['http://10.1.2.3'], ['http://10.1.2.3'], ['http://10.1.2.3']]);
    expect([...registered.values()]).toEqual(detector(['http://10.1.2.3/*']));
  });
});
