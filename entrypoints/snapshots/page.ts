// The Snapshots page's own plumbing: which view it shows, kept in the URL's #fragment so the popup
// and the panel can link straight to a snapshot (`snapshots.html#snapshot=<id>`) and Back works.
import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import type { Lang } from '../../components/model';
import type { Report } from '../../lib/report/schema';
import type { SnapshotSummary } from '../../utils/snapshots';

export type View =
  | { kind: 'list' }
  | { kind: 'snapshot'; id: string }
  | { kind: 'compare'; url: string }
  /** One agency's reports of two years (the latest saved of each year). */
  | { kind: 'compareYears'; agency: string }
  | { kind: 'agency'; agency: string };

export function parseHash(hash: string): View {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('snapshot');
  if (id) return { kind: 'snapshot', id };
  const url = params.get('compare');
  if (url) return { kind: 'compare', url };
  const years = params.get('years');
  if (years) return { kind: 'compareYears', agency: years };
  const agency = params.get('agency');
  if (agency) return { kind: 'agency', agency };
  return { kind: 'list' };
}

export function toHash(view: View): string {
  if (view.kind === 'list') return '';
  const [name, value] =
    view.kind === 'snapshot' ? ['snapshot', view.id]
    : view.kind === 'compare' ? ['compare', view.url]
    : view.kind === 'compareYears' ? ['years', view.agency]
    : ['agency', view.agency];
  return `#${new URLSearchParams({ [name]: value })}`;
}

/** The language of the messages in force, for labels the engine gives in zh and en. */
export const uiLang = (): Lang => (i18n.t('snapshots.lang') === 'en' ? 'en' : 'zh');

/** Saves text as a file through a Blob URL (nothing leaves the machine). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel a download that has not started yet.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "2026-12-06 20:51:07" on the reader's clock: versions saved within a minute stay apart. */
export const savedTime = (iso: string) => new Date(iso).toLocaleString('sv-SE');

/** The first 7 hex digits of the tables' content hash: two versions with the same are the same content. */
export const shortHash = (s: Pick<SnapshotSummary, 'hash'>) => s.hash.slice(0, 7);

/** "2026-12-06 20:51:07 · #3fa9c01": how a version is told apart from its neighbours. */
export const versionLabel = (s: Pick<SnapshotSummary, 'hash' | 'savedAt'>) => `${savedTime(s.savedAt)} · #${shortHash(s)}`;

/** Moves keyboard focus to a view's heading when the view opens (a screen reader reads it out). */
export function useFocusOnMount<T extends HTMLElement>(when = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, []);
  return ref;
}

const TEMPLATE_NAME: Record<Report['template'], () => string> = {
  '2021': () => i18n.t('snapshots.template.t2021'),
  '2019': () => i18n.t('snapshots.template.t2019'),
  legacy: () => i18n.t('snapshots.template.legacy'),
  unknown: () => i18n.t('snapshots.template.unknown'),
};
export const templateName = (t: Report['template']) => TEMPLATE_NAME[t]();

/** A report's name in lists and messages: its agency and year, else its title, else the URL. */
/** What a report is named by: a snapshot or its summary. */
export type Named = Pick<SnapshotSummary, 'url' | 'title'> & { report: Pick<SnapshotSummary['report'], 'agency' | 'year' | 'title'> };

export function snapshotName(s: Named): string {
  const { agency, year } = s.report;
  if (agency && year) return `${agency} ${year}`;
  return s.report.title ?? s.title ?? s.url;
}
