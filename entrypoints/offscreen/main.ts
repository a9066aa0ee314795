// The background's reading page (Chromium: an offscreen document; Firefox: an iframe of the background
// page): reads a report page's attachment for its panel, with pdf.js and its worker, which never run
// in a content script. The background opens it for a read and closes it after; it fetches only the
// address the reader's click named, and answers with the file's Page.
import { browser } from 'wxt/browser';
import type { AttachmentRead, Message } from '@/utils/messages';
import { fetchFile } from '../viewer/fetch-file';
import { messageOf, readReportFile } from '../viewer/read-report';
import { ensureUiMessages } from './ui-messages';

async function read(url: string): Promise<AttachmentRead> {
  try {
    const { bytes } = await fetchFile(url);
    return { ok: true, page: await readReportFile(bytes, url, { linked: true }) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: messageOf(error) };
  }
}

browser.runtime.onMessage.addListener((message: Message, sender, sendResponse) => {
  if (message?.type !== 'gkl:offscreen-read' || sender.id !== browser.runtime.id) return;
  // Messages first (Chromium's offscreen document has no chrome.i18n); always an answer, so the panel never waits out its time limit.
  void ensureUiMessages()
    .then(() => read(message.url))
    .then(sendResponse, (error: unknown) => sendResponse({ ok: false, reason: 'unreadable', message: String(error) } satisfies AttachmentRead));
  return true;
});
