// The Firefox/Chromium differences, each against the shape of the other browser's API.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { documentTarget, extensionApi, hasSessionStorage, toolbarAction } from './browser-differences';

const api = fakeBrowser as unknown as Record<string, unknown> & { storage: Record<string, unknown> };

describe('browser differences', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('the toolbar button is action in MV3, browserAction in Firefox MV2', () => {
    expect(toolbarAction()).toBe(fakeBrowser.action);
    const browserAction = { setBadgeText: () => undefined };
    vi.spyOn(api, 'action', 'get').mockReturnValue(undefined);
    api.browserAction = browserAction;
    try {
      expect(toolbarAction()).toBe(browserAction);
    } finally {
      delete api.browserAction;
    }
  });

  it('the detector finds the APIs as browser (Firefox) or chrome (Chromium), never a page element named "browser"', () => {
    const chrome = { runtime: { id: 'abc' } };
    vi.stubGlobal('chrome', chrome);
    vi.stubGlobal('browser', { id: 'browser' }); // <div id="browser"> seen through window's named properties
    expect(extensionApi()).toBe(chrome);
    const firefox = { runtime: { id: 'gongkai-lens@example.org' } };
    vi.stubGlobal('browser', firefox);
    expect(extensionApi()).toBe(firefox);
  });

  it('storage.session is used only where it exists', () => {
    expect(hasSessionStorage()).toBe(true);
    vi.spyOn(api.storage, 'session', 'get').mockReturnValue(undefined);
    expect(hasSessionStorage()).toBe(false);
  });

  it('without storage.session the tab verdicts are kept in memory, where they live on in a background page', async () => {
    vi.spyOn(api.storage, 'session', 'get').mockReturnValue(undefined);
    vi.resetModules();
    const { setTabVerdict, tabVerdict } = await import('./verdicts');
    const entry = { verdict: { isReport: true, errors: 12, warnings: 0, infos: 1, agency: '衡阳市人民政府办公室', year: 2019 }, frameId: 0 };
    await setTabVerdict(4, entry);
    expect(await tabVerdict(4)).toEqual(entry);
    await setTabVerdict(4, null);
    expect(await tabVerdict(4)).toBeNull();
  });

  it('a verdict is checked with its document where the browser names documents (Chromium), else its frame (Firefox)', () => {
    expect(documentTarget({ frameId: 2, documentId: 'D0C' })).toEqual({ documentId: 'D0C' });
    expect(documentTarget({ frameId: 2 })).toEqual({ frameId: 2 });
  });
});
