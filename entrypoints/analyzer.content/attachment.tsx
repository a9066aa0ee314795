// A report page whose report is in an attachment (附件：….pdf, or a PDF in an <iframe>/<embed>/
// <object>): the pill says so, and one click (expanding the panel, or the button in it) has the
// attachment read — in an extension context, pdf.js never runs here — and the panel shows the
// attachment's figures and findings. A page that has its own tables too is read from its HTML, and
// the attachment is offered for comparison: the figures that differ are listed.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { i18n } from '#i18n';
import { analyzePage, type AnalyzeOptions } from '@/lib/analyze';
import { cellLabel } from '@/lib/formats/labels';
import type { Analysis, Page } from '@/lib/types';
import type { AttachmentRead, Message } from '@/utils/messages';
import type { Lang, PanelItem } from '@/components/model';
import type { AnalyzerHandle, PanelExtension } from './analyzer';

export interface Attachment {
  url: string;
  /** The link's text, else the file's name. */
  name: string;
}

const REPORT_FILE = /\.(pdf|docx?)$/i;
const NAMED_REPORT = /年度报告|年度報告|年报|年報/;

const fileName = (url: URL) => decodeURIComponent(url.pathname.split('/').pop() ?? '');

/** The report files the page links or embeds, each once, in page order. */
export function findAttachments(doc: Document): Attachment[] {
  const found = new Map<string, Attachment>();
  const add = (address: string | null, text: string) => {
    if (!address) return;
    let url: URL;
    try {
      url = new URL(address, doc.baseURI);
    } catch {
      return;
    }
    if (!/^https?:$/.test(url.protocol) || !REPORT_FILE.test(url.pathname) || found.has(url.href)) return;
    found.set(url.href, { url: url.href, name: text.replace(/\s+/g, ' ').trim() || fileName(url) });
  };
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) add(a.getAttribute('href'), a.textContent ?? '');
  for (const el of doc.querySelectorAll('iframe[src], embed[src]')) add(el.getAttribute('src'), '');
  for (const el of doc.querySelectorAll('object[data]')) add(el.getAttribute('data'), '');
  return [...found.values()];
}

/** The attachment to offer: the one named as an annual report, else the only one. */
export function reportAttachment(doc: Document): Attachment | null {
  const all = findAttachments(doc);
  return all.find((a) => NAMED_REPORT.test(a.name) || NAMED_REPORT.test(decodeURIComponent(a.url))) ?? (all.length === 1 ? all[0]! : null);
}

type ReadState =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'read'; page: Page }
  | { status: 'failed'; message: string; openInViewer: boolean };

export interface AttachmentReader {
  extension: PanelExtension;
  /** What the panel shows: the page's own report, or the attachment's where the page has no tables. */
  read(pageAnalysis: Analysis, previous: AnalyzeOptions['previous']): Analysis;
  connect(analyzer: AnalyzerHandle): void;
}

/** The figures that differ between the page's tables and the attachment's, as items of the panel's list. */
function differences(page: Analysis, file: Analysis, lang: Lang): PanelItem[] {
  const items: PanelItem[] = [];
  for (const [key, figure] of page.figures) {
    const other = file.figures.get(key);
    if (other?.value === figure.value) continue;
    const message = other
      ? i18n.t('viewer.attachment.differs', [other.raw || '—', figure.raw || '—'])
      : i18n.t('viewer.attachment.onlyPage', [figure.raw || '—']);
    items.push({ id: `attachment:${key}`, kind: 'warning', rule: i18n.t('viewer.attachment.differsRule'), message: `${cellLabel(key, lang)}：${message}`, cells: [key], marked: [key] });
  }
  return items;
}

export function createAttachmentReader(ctx: ContentScriptContext, doc: Document = document): AttachmentReader {
  let attachment = reportAttachment(doc);
  let state: ReadState = { status: 'idle' };
  let analyzer: AnalyzerHandle | null = null;
  /** The page has tables of its own: the attachment is for comparison. */
  let pageHasTables = false;
  let fileAnalysis: Analysis | null = null;
  const listeners = new Set<() => void>();
  const set = (next: ReadState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  function openInViewer(): void {
    if (!attachment) return;
    const message: Message = { type: 'gkl:open-viewer', url: attachment.url };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  }

  async function readFile(): Promise<void> {
    if (!attachment || state.status === 'reading' || state.status === 'read') return;
    set({ status: 'reading' });
    const request: Message = { type: 'gkl:read-attachment', url: attachment.url };
    const answer = (await browser.runtime.sendMessage(request).catch(() => null)) as AttachmentRead | null;
    if (ctx.isInvalid) return;
    if (answer?.ok) {
      set({ status: 'read', page: answer.page });
      return analyzer?.refresh();
    }
    set({ status: 'failed', message: answer?.message || i18n.t('viewer.error.network'), openInViewer: answer?.reason === 'permission' });
    analyzer?.repaint();
  }

  function Bar({ mode }: { mode: 'in-attachment' | 'compare' }) {
    const [, rerender] = useState(0);
    const shown = state;
    useEffect(() => {
      const listener = () => rerender((n) => n + 1);
      listeners.add(listener);
      // A read that ended between this render and the subscription (effects run after the paint).
      if (state !== shown) listener();
      return () => void listeners.delete(listener);
    }, []);
    if (!attachment) return null;
    const name = attachment.name;
    const action = mode === 'compare' ? i18n.t('viewer.attachment.compare', [name]) : i18n.t('viewer.attachment.read', [name]);
    const status =
      state.status === 'reading' ? i18n.t('viewer.attachment.reading', [name])
      : state.status === 'failed' ? i18n.t('viewer.attachment.failed', [name, state.message])
      : state.status === 'read' && mode === 'in-attachment' ? i18n.t('viewer.attachment.shown', [name])
      : state.status === 'read' && fileAnalysis && mode === 'compare' && !differencesNow().length ? i18n.t('viewer.attachment.same', [name, String(fileAnalysis.figures.size)])
      : '';
    return (
      <div class="attachment-bar">
        {state.status !== 'read' && (
          <button type="button" class="attachment-read" disabled={state.status === 'reading'} onClick={() => void readFile()}>
            {action}
          </button>
        )}
        {(state.status === 'read' || (state.status === 'failed' && state.openInViewer)) && (
          <button type="button" class="attachment-open" onClick={openInViewer}>
            {i18n.t('viewer.attachment.open')}
          </button>
        )}
        <p class="attachment-status" role="status">
          {status}
        </p>
      </div>
    );
  }

  let lastPage: Analysis | null = null;
  let lastLang: Lang = 'zh';
  const differencesNow = () => (lastPage && fileAnalysis ? differences(lastPage, fileAnalysis, lastLang) : []);

  const extension: PanelExtension = {
    items(_analysis, lang) {
      lastLang = lang;
      return pageHasTables ? differencesNow() : [];
    },
    toolbar: () => (attachment ? <Bar mode={pageHasTables ? 'compare' : 'in-attachment'} /> : null),
    pillMarks: () =>
      attachment && !pageHasTables && state.status !== 'read'
        ? [{ text: i18n.t('viewer.attachment.pill'), name: i18n.t('viewer.attachment.pillName', [attachment.name]) }]
        : [],
    expanded() {
      // The pill said the report is in the attachment: opening the panel is the reader's request to read it.
      if (attachment && !pageHasTables && state.status === 'idle') void readFile();
    },
  };

  return {
    extension,
    connect(handle) {
      analyzer = handle;
    },
    read(pageAnalysis, previous) {
      // The page may have changed since (its body loaded late): look again until a file is being read.
      if (state.status === 'idle') attachment = reportAttachment(doc);
      lastPage = pageAnalysis;
      pageHasTables = pageAnalysis.extraction.tablesFound.size > 0;
      if (state.status !== 'read' || !attachment) return pageAnalysis;
      fileAnalysis = analyzePage(state.page, { source: attachment.url, previous });
      return pageHasTables ? pageAnalysis : fileAnalysis;
    },
  };
}
