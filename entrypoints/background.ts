// The background wires the browser to the helpers in utils/: it injects the analyzer where the
// detector recognised a report, keeps each tab's verdict for the badge and the popup, runs "check
// this page", keeps the "always check" sites registered and the "flag this figure" menu (utils/keep).
// It is the single writer of the reader's flags and snapshots (utils/snapshots/writer: `gkl:store`).
// It sends nothing anywhere.
import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Message } from '@/utils/messages';
import { badgeOf } from '@/utils/badge';
import { VerdictSchema, setTabVerdict, tabVerdict, type TabVerdict } from '@/utils/verdicts';
import { checkTab, injectAnalyzer, togglePanel } from '@/utils/inject';
import { forgetSite, siteOf, syncAlwaysCheckedSites } from '@/utils/sites';
import { getSettings } from '@/utils/settings';
import { openSnapshotPage, registerFlagMenu, showFlagMenu } from '@/utils/keep';
import { extensionPageOpen, openViewer, readAttachment, registerViewerMenu } from '@/entrypoints/viewer/open-viewer';
import { answerWrite } from '@/utils/snapshots/writer';
import { documentTarget, toolbarAction } from '@/utils/browser-differences';

// Firefox builds MV2, where the toolbar button is `browserAction` (utils/browser-differences).
const action = toolbarAction();

/** The toolbar button's tooltip, which is also what screen readers announce for it. */
function titleOf(entry: TabVerdict | null): string {
  const verdict = entry?.verdict;
  const badge = badgeOf(verdict ?? null);
  if (!verdict) return i18n.t('extName');
  const summary = !badge
    ? i18n.t('badge.notReport')
    : badge.tone === 'clean'
      ? i18n.t('badge.clean')
      : i18n.t('badge.summary', [i18n.t('badge.errors', verdict.errors), i18n.t('badge.warnings', verdict.warnings)]);
  return `${i18n.t('extName')} — ${summary}`;
}

async function showVerdict(tabId: number, entry: TabVerdict | null): Promise<void> {
  await setTabVerdict(tabId, entry);
  const badge = badgeOf(entry?.verdict ?? null);
  await action.setBadgeText({ tabId, text: badge?.text ?? '' });
  if (badge) {
    await action.setBadgeBackgroundColor({ tabId, color: badge.background });
    await action.setBadgeTextColor?.({ tabId, color: badge.color });
  }
  await action.setTitle({ tabId, title: titleOf(entry) });
  await syncFlagMenu(tabId);
}

/** "Flag this figure" in the context menu only while the active tab shows a report. */
async function syncFlagMenu(tabId: number): Promise<void> {
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id !== tabId) return;
  await showFlagMenu((await tabVerdict(tabId))?.verdict.isReport === true);
}

/** After a navigation: is the document that sent the tab's verdict still there? */
async function stillThere(tabId: number, { frameId, documentId }: TabVerdict): Promise<boolean> {
  const ping: Message = { type: 'gkl:ping' };
  try {
    await browser.tabs.sendMessage(tabId, ping, documentTarget({ frameId, documentId }));
    return true;
  } catch {
    // The viewer is an extension page, which only a runtime message reaches.
    return extensionPageOpen(documentId);
  }
}

async function afterNavigation(tabId: number): Promise<void> {
  const entry = await tabVerdict(tabId);
  if (entry) await showVerdict(tabId, (await stillThere(tabId, entry)) ? entry : null);
}

/** Popup-only requests must come from the extension's own pages, not from a content script. */
function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

async function answer(message: Message, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  switch (message?.type) {
    case 'gkl:inject':
      // The reader chose never to check this site (popup; undone in its settings).
      if (tabId === undefined || (await getSettings()).neverCheckSites.includes(siteOf(sender.url) ?? '')) return { injected: false };
      await injectAnalyzer(tabId, sender.frameId ?? 0);
      return { injected: true };
    case 'gkl:verdict': {
      const verdict = VerdictSchema.safeParse(message.verdict);
      if (tabId === undefined || !verdict.success) return null;
      await showVerdict(tabId, { verdict: verdict.data, frameId: sender.frameId ?? 0, documentId: sender.documentId });
      return null;
    }
    case 'gkl:get-verdict':
      return fromExtensionPage(sender) ? ((await tabVerdict(message.tabId))?.verdict ?? null) : null;
    case 'gkl:check-tab':
      return fromExtensionPage(sender) ? checkTab(message.tabId) : null;
    case 'gkl:forget-site':
      return fromExtensionPage(sender) && typeof message.site === 'string' ? forgetSite(message.site) : null;
    case 'gkl:open-snapshot':
      return openSnapshotPage(message.id, sender.tab);
    case 'gkl:open-viewer':
      // The popup replaces the tab showing the PDF; a page's panel opens the viewer beside itself.
      return fromExtensionPage(sender) && message.tabId !== undefined ? openViewer(message.url, { tabId: message.tabId }) : openViewer(message.url, { from: sender.tab });
    case 'gkl:read-attachment':
      return sender.id === browser.runtime.id && sender.tab ? readAttachment(message.url) : null;
    case 'gkl:store':
      return answerWrite(message.request, sender);
    default:
      return null;
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: Message, sender, sendResponse) => {
    answer(message, sender).then(sendResponse, (error: unknown) => {
      console.warn('[gkl]', message?.type, error);
      sendResponse(null);
    });
    return true;
  });

  // Every navigation, #hash and history.pushState included, ends in 'complete'.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void afterNavigation(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void setTabVerdict(tabId, null));
  browser.tabs.onActivated.addListener(({ tabId }) => void syncFlagMenu(tabId));

  // On every start of the worker too: Firefox forgets registrations between sessions.
  const syncSites = () => void syncAlwaysCheckedSites().catch((error: unknown) => console.warn('[gkl] always-checked sites:', error));
  browser.permissions.onAdded.addListener(syncSites);
  browser.permissions.onRemoved.addListener(syncSites);
  syncSites();
  registerFlagMenu();
  registerViewerMenu();

  // The keyboard shortcut (manifest `commands`, Alt+Shift+G by default): the active tab's panel.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel' && tab?.id !== undefined) void togglePanel(tab.id);
  });
});
