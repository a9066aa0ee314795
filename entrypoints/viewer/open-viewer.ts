// The background's part of the viewer: "在核对视图中打开" on links to report files (context menu)
// and from the popup, the viewer tab's verdict kept for the badge, and reading a page's attachment
// in an extension page (an offscreen document in Chromium, an iframe of the background page in
// Firefox: utils/browser-differences) — pdf.js never runs in a content script. Only addresses the
// reader chose are fetched, and only from hosts the extension may read (gov.cn, or granted).
import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { AttachmentRead, Message } from '@/utils/messages';
import { readerDocument } from '@/utils/browser-differences';

export const VIEWER_MENU_ID = 'gkl-open-viewer';
const OFFSCREEN_PATH = '/offscreen.html';

/** Links the menu item is offered on: PDF, DOCX and DOC files (a query string after the name too). */
const REPORT_FILE_LINKS = ['pdf', 'PDF', 'docx', 'DOCX', 'doc', 'DOC'].flatMap((ext) => [`*://*/*.${ext}`, `*://*/*.${ext}?*`]);

/** viewer.html?file=<address>: pdf.js's own contract, so the address bar names the file. */
export const viewerUrl = (file: string) => `${browser.runtime.getURL('/viewer.html')}?${new URLSearchParams({ file })}`;

const isWebAddress = (url: unknown): url is string => {
  if (typeof url !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

/** Opens the viewer on `url`: in tab `tabId` (it shows that file now), else in a new tab beside `from`. */
export async function openViewer(url: unknown, { tabId, from }: { tabId?: number; from?: Browser.tabs.Tab } = {}): Promise<boolean> {
  if (!isWebAddress(url)) return false;
  if (tabId !== undefined) {
    await browser.tabs.update(tabId, { url: viewerUrl(url) });
    return true;
  }
  await browser.tabs.create({ url: viewerUrl(url), ...(from?.id !== undefined ? { openerTabId: from.id, index: from.index + 1 } : {}) });
  return true;
}

/** The menu item on links to report files; made anew at every start of the background, like the flag menu. */
export function registerViewerMenu(): void {
  const create = () =>
    browser.contextMenus.create({ id: VIEWER_MENU_ID, title: i18n.t('viewer.menu'), contexts: ['link'], targetUrlPatterns: REPORT_FILE_LINKS });
  void browser.contextMenus.remove(VIEWER_MENU_ID).then(create, create);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === VIEWER_MENU_ID) void openViewer(info.linkUrl, { from: tab });
  });
}

/**
 * Whether the extension page that sent a tab's verdict (the viewer) is still open: it cannot be
 * pinged like a content script (tabs.sendMessage reaches content scripts only).
 */
export async function extensionPageOpen(documentId: string | undefined): Promise<boolean> {
  if (!documentId || !browser.runtime.getContexts) return false;
  return (await browser.runtime.getContexts({ documentIds: [documentId] })).length > 0;
}

const reader = readerDocument(OFFSCREEN_PATH);
/** Reads in flight: the reading page (pdf.js, its worker) is closed when none is left. */
let reading = 0;
/** Its opening, shared by reads that start together. */
let opening: Promise<void> | null = null;

/** A page's attachment, read on the reader's click: the file's Page, or why not. */
export async function readAttachment(url: unknown): Promise<AttachmentRead> {
  if (!isWebAddress(url)) return { ok: false, reason: 'unreadable', message: i18n.t('viewer.error.badAddress', [String(url)]) };
  const { protocol, hostname } = new URL(url);
  // A content script cannot ask for a host permission: the viewer, opened instead, asks inside a click.
  if (!(await browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] }))) {
    return { ok: false, reason: 'permission', message: i18n.t('viewer.attachment.permission') };
  }
  reading++;
  try {
    opening ??= reader.open().finally(() => (opening = null));
    await opening;
    const request: Message = { type: 'gkl:offscreen-read', url };
    return (await browser.runtime.sendMessage(request)) as AttachmentRead;
  } finally {
    if (--reading === 0) await reader.close();
  }
}

/** A tab's address that shows a report file (PDF, DOCX) the viewer can open instead. */
export function isReportFileUrl(url: string | undefined): url is string {
  if (!isWebAddress(url)) return false;
  return /\.(pdf|docx?)$/i.test(new URL(url).pathname);
}
