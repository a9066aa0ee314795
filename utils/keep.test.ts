import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { useLocale } from '../components/testing/i18n';
import { FLAG_MENU_ID, onFlagMenuClicked, openSnapshotPage, registerFlagMenu, showFlagMenu } from './keep';

const ID = '0fa4549f57245e-0543aca943794e';
const tab = { id: 7, index: 2 } as Browser.tabs.Tab;
const click = (menuItemId: string, frameId = 3) => ({ menuItemId, frameId, editable: false, pageUrl: 'http://www.hegang.gov.cn/a.html' }) as Browser.contextMenus.OnClickData;

describe('keep in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands "flag this figure" to the analyzer of the frame that was right-clicked', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await onFlagMenuClicked(click(FLAG_MENU_ID), tab);
    expect(send).toHaveBeenCalledWith(7, { type: 'gkl:flag-cell' }, { frameId: 3 });
    send.mockClear();
    await onFlagMenuClicked(click('someone-else'), tab);
    expect(send).not.toHaveBeenCalled();
  });

  it('where no analyzer runs, checks the page instead (the panel opens, its tables can be flagged)', async () => {
    const none = new Error('Could not establish connection. Receiving end does not exist.');
    // Neither "flag" nor "open the panel" finds an analyzer; once injected, it opens its panel.
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValueOnce(none).mockRejectedValueOnce(none).mockResolvedValue(undefined);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(undefined as never);
    await onFlagMenuClicked(click(FLAG_MENU_ID, 0), tab);
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/content-scripts/analyzer.js'] });
    expect(send.mock.calls.map((c) => c[1])).toEqual([{ type: 'gkl:flag-cell' }, { type: 'gkl:open-panel' }, { type: 'gkl:open-panel' }]);
  });

  it('opens the Snapshots page on a snapshot beside the reader’s tab, and nothing for an id it did not make', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openSnapshotPage(ID, tab)).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://test-extension-id/snapshots.html#snapshot=${ID}`, openerTabId: 7, index: 3 });
    expect(await openSnapshotPage('../popup.html', tab)).toBe(false);
    expect(await openSnapshotPage(42, tab)).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('creates "flag this figure" hidden, and shows it only while the active tab shows a report', async () => {
    await useLocale('zh_CN');
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(FLAG_MENU_ID as never);
    const update = vi.spyOn(fakeBrowser.contextMenus, 'update').mockResolvedValue(undefined as never);
    registerFlagMenu();
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]![0]).toMatchObject({ id: FLAG_MENU_ID, visible: false });
    await showFlagMenu(true);
    await showFlagMenu(false);
    expect(update.mock.calls).toEqual([[FLAG_MENU_ID, { visible: true }], [FLAG_MENU_ID, { visible: false }]]);
  });
});
