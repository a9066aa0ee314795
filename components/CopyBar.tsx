// One click each: the engine's JSON exactly, a tab-separated table for Excel/WPS, an HTML table for
// Word (with a plain-text fallback); and two files: the report as an .xlsx workbook, the findings as
// a report a reviewer can send (Markdown). The confirmation is visible and announced (aria-live);
// nothing to copy is said as such, never as "copied".
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { Report } from '../lib/report/schema';
import { toHtmlTable, toTsv } from '../lib/export';
import { findingsMarkdown, type ReaderFlag } from '../lib/export/findings';
import { exportFileName, reportXlsx } from '../lib/export/xlsx';
import { copyToClipboard, type ClipboardPayload } from '../utils/clipboard';
import type { Lang, PanelItem } from './model';

interface CopyFormat {
  label: () => string;
  done: () => string;
  payload(report: Report, lang: Lang): ClipboardPayload;
}

const FORMATS: Record<'json' | 'tsv' | 'html', CopyFormat> = {
  json: {
    label: () => i18n.t('panel.copy.json'),
    done: () => i18n.t('panel.copy.doneJson'),
    payload: (report) => ({ text: JSON.stringify(report, null, 2) }),
  },
  tsv: {
    label: () => i18n.t('panel.copy.tsv'),
    done: () => i18n.t('panel.copy.doneTsv'),
    payload: (report, lang) => ({ text: toTsv(report, lang) }),
  },
  html: {
    label: () => i18n.t('panel.copy.html'),
    done: () => i18n.t('panel.copy.doneHtml'),
    payload: (report, lang) => ({ text: toTsv(report, lang), html: toHtmlTable(report, lang) }),
  },
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The reader's flags among the panel's items, as the findings report lists them. */
export const readerFlags = (items: readonly PanelItem[]): ReaderFlag[] =>
  items.filter((i) => i.kind === 'flag').map((i) => ({ kind: i.rule, text: i.message }));

/** "2026-12-06 20:51" on the reader's clock (Sweden's format is ISO). */
const now = () => new Date().toLocaleString('sv-SE').slice(0, 16);

interface CopyBarProps {
  report: Report;
  lang: Lang;
  /** The panel's list: the reader's flags among it go into the findings report and the workbook. */
  items?: readonly PanelItem[];
  /** Extension point: more buttons after the copy buttons (e.g. the snapshots' "Save"). */
  children?: ComponentChildren;
}

/**
 * The file as a data: URL. Chromium keeps the link's `download` name for it (and for a blob: URL)
 * made here in the content script, in the panel's shadow root; it falls back to "download" only
 * when the browser's locale cannot write a non-ASCII file name (LANG/LC_ALL naming a locale the
 * system does not have), for any site's link alike.
 */
const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

/** The file, made ahead, so the download is a plain link the reader activates (which keeps its name). */
function useFileUrl(make: () => Promise<Blob> | Blob, deps: unknown[]): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.resolve()
      .then(make)
      .then(dataUrl)
      .then((made) => live && setUrl(made), () => live && setUrl(null));
    return () => {
      live = false;
      setUrl(null);
    };
  }, deps);
  return url;
}

export function CopyBar({ report, lang, items = [], children }: CopyBarProps) {
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const flags = readerFlags(items);
  const flagsKey = JSON.stringify(flags);
  const base = exportFileName(report, lang);
  const xlsxUrl = useFileUrl(async () => new Blob([await reportXlsx(report, lang, flags)], { type: XLSX_TYPE }), [report, lang, flagsKey]);
  const mdUrl = useFileUrl(() => new Blob([findingsMarkdown(report, lang, flags, now())], { type: 'text/markdown;charset=utf-8' }), [report, lang, flagsKey]);

  // Synchronous up to copyToClipboard: its fallback needs the click's user activation.
  const copy = (format: CopyFormat) => {
    setStatus(null);
    const payload = format.payload(report, lang);
    if (!payload.text) return setStatus({ text: i18n.t('ux.copy.nothing'), failed: true });
    copyToClipboard(payload, bar.current!).then(
      () => setStatus({ text: format.done(), failed: false }),
      () => setStatus({ text: i18n.t('panel.copy.failed'), failed: true }),
    );
  };

  const fileLink = (kind: 'xlsx' | 'md', url: string | null, label: string) => {
    const name = `${base}.${kind}`;
    return (
      <a
        class={`download download-${kind}`}
        href={url ?? undefined}
        download={name}
        // Focusable while the file is being made (a link without href is not), said to be unavailable.
        tabIndex={0}
        aria-disabled={url ? undefined : 'true'}
        onClick={() => setStatus({ text: i18n.t('ux.download.done', [name]), failed: false })}
      >
        {label}
      </a>
    );
  };

  return (
    <div class="copybar" ref={bar}>
      <div class="toolbar">
        <div class="buttons" role="group" aria-label={i18n.t('panel.copy.group')}>
          {Object.entries(FORMATS).map(([id, format]) => (
            <button key={id} type="button" class={`copy copy-${id}`} onClick={() => copy(format)}>
              {format.label()}
            </button>
          ))}
        </div>
        <div class="buttons" role="group" aria-label={i18n.t('ux.download.group')}>
          {fileLink('xlsx', xlsxUrl, i18n.t('ux.download.xlsx'))}
          {fileLink('md', mdUrl, i18n.t('ux.download.md'))}
        </div>
        {children}
      </div>
      <p class={status?.failed ? 'status failed' : 'status'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
