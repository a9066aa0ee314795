// One click each: the engine's JSON exactly, a tab-separated table for Excel/WPS, an HTML table for
// Word (with a plain-text fallback). The confirmation is visible and announced (aria-live).
import { useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { Report } from '../lib/report/schema';
import { toHtmlTable, toTsv } from '../lib/export';
import { copyToClipboard, type ClipboardPayload } from '../utils/clipboard';
import type { Lang } from './model';

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

interface CopyBarProps {
  report: Report;
  lang: Lang;
  /** Extension point: more buttons after the copy buttons (e.g. the snapshots' "Save"). */
  children?: ComponentChildren;
}

export function CopyBar({ report, lang, children }: CopyBarProps) {
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const bar = useRef<HTMLDivElement>(null);

  // Synchronous up to copyToClipboard: its fallback needs the click's user activation.
  const copy = (format: CopyFormat) => {
    setStatus(null);
    copyToClipboard(format.payload(report, lang), bar.current!).then(
      () => setStatus({ text: format.done(), failed: false }),
      () => setStatus({ text: i18n.t('panel.copy.failed'), failed: true }),
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
        {children}
      </div>
      <p class={status?.failed ? 'status failed' : 'status'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
