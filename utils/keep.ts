// The background's part of keep and compare: the page's context menu item "标记此数字为存疑/错误…"
// (which hands over to the analyzer in the frame that was right-clicked: only it knows the cell),
// and opening the Snapshots page on a snapshot for the panel (content scripts cannot open
// extension pages).
import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Message } from './messages';
import { checkTab } from './inject';

export const FLAG_MENU_ID = 'gkl-flag-cell';

/** A snapshot id as utils/snapshots makes them (cyrb53 of the URL - hash of the tables). */
const SNAPSHOT_ID = /^[0-9a-f]{14}-[0-9a-f]{14}$/;

/**
 * The menu item, made anew at every start of the background: Chrome keeps items across restarts
 * (so the old one goes first, or the id would clash) and Firefox's do not survive one.
 */
export function registerFlagMenu(): void {
  void browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({
        id: FLAG_MENU_ID,
        title: i18n.t('flags.menu'),
        contexts: ['page', 'selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
        // Shown only where it can act: on a report page (syncFlagMenu, for the active tab).
        visible: false,
      });
    })
    .catch((error: unknown) => console.warn('[gkl] context menu:', error));
  browser.contextMenus.onClicked.addListener((info, tab) => void onFlagMenuClicked(info, tab));
}

/**
 * "Flag this figure": the analyzer of the clicked frame maps what was right-clicked to its figure
 * and opens the flag form. Where no analyzer runs yet, the page is checked (the menu's click grants
 * activeTab) so that the reader can flag from the panel's tables.
 */
export async function onFlagMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== FLAG_MENU_ID || tab?.id === undefined) return;
  const message: Message = { type: 'gkl:flag-cell' };
  try {
    await browser.tabs.sendMessage(tab.id, message, { frameId: info.frameId ?? 0 });
  } catch {
    await checkTab(tab.id);
  }
}

/**
 * The flag item appears only on report pages: the background calls this when the active tab
 * changes and when a tab's verdict does, with whether the active tab shows a report.
 */
export async function showFlagMenu(isReport: boolean): Promise<void> {
  await browser.contextMenus.update(FLAG_MENU_ID, { visible: isReport }).catch(() => {
    // Not created yet (the worker is starting): registerFlagMenu creates it hidden.
  });
}

/** The Snapshots page on one snapshot, in a new tab beside the reader's. */
export async function openSnapshotPage(id: unknown, from?: Browser.tabs.Tab): Promise<boolean> {
  if (typeof id !== 'string' || !SNAPSHOT_ID.test(id)) return false;
  const url = `${browser.runtime.getURL('/snapshots.html')}#${new URLSearchParams({ snapshot: id })}`;
  await browser.tabs.create({ url, ...(from?.id !== undefined ? { openerTabId: from.id, index: from.index + 1 } : {}) });
  return true;
}
