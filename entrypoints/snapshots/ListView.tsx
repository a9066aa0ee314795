// The list of saved reports: filters, export/import, and a real table (caption, column and row
// headers) with one row per snapshot, drawn PAGE rows at a time ("Show more" draws the next PAGE).
// Everything here reads the index's summaries, never a whole snapshot.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { countOf, facets, filterSnapshots, verdictOf, VERDICTS, type SnapshotFilter, type SnapshotSummary, type Verdict } from '../../utils/snapshots';
import type { Lang } from '../../components/model';
import { savedTime, shortHash, snapshotName, templateName, useFocusOnMount, type View } from './page';
import { CoverageView } from './CoverageView';
import type { VersionChange } from './load';

type Snapshot = SnapshotSummary;

/** How the list is ordered: newest saved first (default), or by agency, year, errors. */
const SORTS = ['date', 'agency', 'year', 'errors'] as const;
type Sort = (typeof SORTS)[number];
const SORT_LABEL: Record<Sort, () => string> = {
  date: () => i18n.t('ux.snapshots.sort.date'),
  agency: () => i18n.t('ux.snapshots.sort.agency'),
  year: () => i18n.t('ux.snapshots.sort.year'),
  errors: () => i18n.t('ux.snapshots.sort.errors'),
};
/** Rows drawn at first, and added by each "Show more": drawing 1,000 rows was most of the page's open. */
export const PAGE = 100;

const byDate = (a: Snapshot, b: Snapshot) => b.savedAt.localeCompare(a.savedAt);
const COMPARE: Record<Sort, (a: Snapshot, b: Snapshot) => number> = {
  date: byDate,
  agency: (a, b) => (a.report.agency ?? '').localeCompare(b.report.agency ?? '', 'zh-CN') || (b.report.year ?? 0) - (a.report.year ?? 0) || byDate(a, b),
  year: (a, b) => (b.report.year ?? 0) - (a.report.year ?? 0) || byDate(a, b),
  errors: (a, b) => countOf(b.report, 'error') - countOf(a.report, 'error') || countOf(b.report, 'warning') - countOf(a.report, 'warning') || byDate(a, b),
};

/** "3 处错误 · 1 处提醒", or the verdict alone when there is nothing. */
function verdictText(s: Snapshot): string {
  const errors = countOf(s.report, 'error');
  const warnings = countOf(s.report, 'warning');
  if (!errors && !warnings) return VERDICT_LABEL.ok();
  return [errors ? i18n.t('panel.pill.errors', errors) : '', warnings ? i18n.t('panel.pill.warnings', warnings) : ''].filter(Boolean).join(' · ');
}

interface ListViewProps {
  snapshots: Snapshot[];
  /** What changed since each snapshot's previous version (./load.ts: versionChanges). */
  changes: ReadonlyMap<string, VersionChange>;
  lang: Lang;
  /** Focus the heading (when coming back from another view). */
  focus: boolean;
  go(view: View): void;
  onDelete(s: Snapshot): void;
  onExport(format: 'json' | 'csv', chosen: Snapshot[]): void;
  onImportFile(file: File): void;
}

const VERDICT_LABEL: Record<Verdict, () => string> = {
  errors: () => i18n.t('snapshots.verdict.errors'),
  warnings: () => i18n.t('snapshots.verdict.warnings'),
  ok: () => i18n.t('snapshots.verdict.ok'),
};

export function ListView({ snapshots, changes, focus, go, onDelete, onExport, onImportFile }: ListViewProps) {
  const [filter, setFilter] = useState<SnapshotFilter>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const heading = useFocusOnMount<HTMLHeadingElement>(focus);
  const options = useMemo(() => facets(snapshots), [snapshots]);
  const [sort, setSort] = useState<Sort>('date');
  // Every snapshot the filters match, sorted: what the caption counts and "select all" selects.
  const shown = useMemo(() => filterSnapshots(snapshots, filter).sort(COMPARE[sort]), [snapshots, filter, sort]);
  // How many of them are drawn: the first PAGE, PAGE more each "Show more"; a new filter or sort starts again at the first PAGE.
  const [limit, setLimit] = useState(PAGE);
  const drawn = shown.length > limit ? shown.slice(0, limit) : shown;
  const body = useRef<HTMLTableSectionElement>(null);
  // The first row a "Show more" drew, focused once it is on screen.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    body.current?.querySelectorAll<HTMLElement>(':scope > tr')[focusRow.current]?.focus();
    focusRow.current = null;
  }, [limit]);
  const showMore = () => {
    focusRow.current = drawn.length;
    setLimit(drawn.length + PAGE);
  };
  // The agency × year table is drawn once the list is on screen, not with it.
  const [coverage, setCoverage] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setCoverage(true));
    return () => clearTimeout(t);
  }, []);
  const chosen = snapshots.filter((s) => selected.has(s.id));
  const versions = useMemo(() => {
    const count = new Map<string, number>();
    for (const s of snapshots) count.set(s.url, (count.get(s.url) ?? 0) + 1);
    return count;
  }, [snapshots]);

  const set = (change: Partial<SnapshotFilter>) => {
    setLimit(PAGE);
    setFilter((f) => ({ ...f, ...change }));
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allShown = shown.length > 0 && shown.every((s) => selected.has(s.id));

  return (
    <>
      <section class="filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading" ref={heading} tabIndex={-1}>{i18n.t('snapshots.filter.heading')}</h2>
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <label>
            {i18n.t('snapshots.filter.text')}
            <input type="search" value={filter.text ?? ''} onInput={(e) => set({ text: e.currentTarget.value })} />
          </label>
          <label>
            {i18n.t('snapshots.filter.agency')}
            <select value={filter.agency ?? ''} onChange={(e) => set({ agency: e.currentTarget.value || undefined })}>
              <option value="">{i18n.t('snapshots.filter.any')}</option>
              {options.agencies.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
          <label>
            {i18n.t('snapshots.filter.year')}
            <select value={filter.year ?? ''} onChange={(e) => set({ year: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}>
              <option value="">{i18n.t('snapshots.filter.any')}</option>
              {options.years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
          <label>
            {i18n.t('snapshots.filter.host')}
            <select value={filter.host ?? ''} onChange={(e) => set({ host: e.currentTarget.value || undefined })}>
              <option value="">{i18n.t('snapshots.filter.any')}</option>
              {options.hosts.map((h) => <option key={h} value={h}>{h}</option>)}
            </select>
          </label>
          <label>
            {i18n.t('snapshots.filter.verdict')}
            <select value={filter.verdict ?? ''} onChange={(e) => set({ verdict: (e.currentTarget.value || undefined) as Verdict | undefined })}>
              <option value="">{i18n.t('snapshots.filter.any')}</option>
              {VERDICTS.map((v) => <option key={v} value={v}>{VERDICT_LABEL[v]()}</option>)}
            </select>
          </label>
          <label>
            {i18n.t('ux.snapshots.sort.label')}
            <select class="sort" value={sort} onChange={(e) => {
              setLimit(PAGE);
              setSort(e.currentTarget.value as Sort);
            }}>
              {SORTS.map((s) => <option key={s} value={s}>{SORT_LABEL[s]()}</option>)}
            </select>
          </label>
          <button type="button" onClick={() => {
            setLimit(PAGE);
            setFilter({});
          }}>{i18n.t('snapshots.filter.clear')}</button>
        </form>
      </section>

      <section class="transfer" aria-labelledby="transfer-heading">
        <h2 id="transfer-heading">{i18n.t('snapshots.export.heading')}</h2>
        <div class="buttons">
          <button type="button" disabled={!snapshots.length} onClick={() => onExport('json', snapshots)}>{i18n.t('snapshots.export.jsonAll')}</button>
          <button type="button" disabled={!snapshots.length} onClick={() => onExport('csv', snapshots)}>{i18n.t('snapshots.export.csvAll')}</button>
          <button type="button" disabled={!chosen.length} onClick={() => onExport('json', chosen)}>{i18n.t('snapshots.export.jsonSelected', [String(chosen.length)])}</button>
          <button type="button" disabled={!chosen.length} onClick={() => onExport('csv', chosen)}>{i18n.t('snapshots.export.csvSelected', [String(chosen.length)])}</button>
          <label class="file">
            {i18n.t('snapshots.import.choose')}
            <input
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) onImportFile(file);
              }}
            />
          </label>
        </div>
      </section>

      {snapshots.length === 0 ? (
        <p class="empty">{i18n.t('snapshots.list.empty')}</p>
      ) : (
        <table class="list">
          <caption>{i18n.t('snapshots.list.caption', snapshots.length, [String(snapshots.length), String(shown.length)])}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={i18n.t('snapshots.list.selectAll')}
                  checked={allShown}
                  disabled={!shown.length}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setSelected((old) => {
                      const next = new Set(old);
                      for (const s of shown) on ? next.add(s.id) : next.delete(s.id);
                      return next;
                    });
                  }}
                />
              </th>
              <th scope="col">{i18n.t('snapshots.list.agency')}</th>
              <th scope="col">{i18n.t('snapshots.list.year')}</th>
              <th scope="col">{i18n.t('snapshots.list.title')}</th>
              <th scope="col">{i18n.t('snapshots.list.template')}</th>
              <th scope="col">{i18n.t('snapshots.list.verdict')}</th>
              <th scope="col">{i18n.t('snapshots.list.savedAt')}</th>
              <th scope="col">{i18n.t('ux.snapshots.version')}</th>
              <th scope="col">{i18n.t('snapshots.list.actions')}</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {drawn.map((s) => {
              const name = snapshotName(s);
              const count = versions.get(s.url) ?? 1;
              const verdict = verdictOf(s.report);
              return (
                <tr key={s.id} tabIndex={-1}>
                  <td>
                    <input type="checkbox" aria-label={i18n.t('snapshots.list.select', [name])} checked={selected.has(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} />
                  </td>
                  <th scope="row">{s.report.agency ?? i18n.t('snapshots.list.unknown')}</th>
                  <td>{s.report.year ?? ''}</td>
                  <td>
                    <a href={s.url} target="_blank" rel="noreferrer">{s.report.title ?? s.title ?? s.url}</a>
                  </td>
                  <td>{templateName(s.report.template)}</td>
                  <td class={`verdict ${verdict}`}>{verdictText(s)}</td>
                  <td>{savedTime(s.savedAt)}</td>
                  <td class="version">
                    <code title={i18n.t('ux.snapshots.hashTitle')}>#{shortHash(s)}</code>{' '}
                    <Changes change={changes.get(s.id)} />
                  </td>
                  <td class="actions">
                    <button type="button" aria-label={i18n.t('snapshots.list.openLabel', [name])} onClick={() => go({ kind: 'snapshot', id: s.id })}>{i18n.t('snapshots.list.open')}</button>
                    {count > 1 && (
                      <button type="button" aria-label={i18n.t('snapshots.list.versionsLabel', [name, String(count)])} onClick={() => go({ kind: 'compare', url: s.url })}>
                        {i18n.t('snapshots.list.versions', [String(count)])}
                      </button>
                    )}
                    {s.report.agency && (
                      <button type="button" aria-label={i18n.t('snapshots.list.agencyYearsLabel', [s.report.agency])} onClick={() => go({ kind: 'agency', agency: s.report.agency! })}>
                        {i18n.t('snapshots.list.agencyYears')}
                      </button>
                    )}
                    <button type="button" aria-label={i18n.t('snapshots.list.deleteLabel', [name])} onClick={() => onDelete(s)}>{i18n.t('snapshots.list.delete')}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {drawn.length < shown.length && (
        <button type="button" class="more" onClick={showMore}>{i18n.t('snapshotsList.more', [String(shown.length - drawn.length)])}</button>
      )}
      {snapshots.length > 0 && shown.length === 0 && <p class="empty">{i18n.t('snapshots.list.noMatch')}</p>}
      {snapshots.length > 0 && coverage && <CoverageView snapshots={snapshots} go={go} />}
    </>
  );
}

/** What changed since the page's previous saved version: "首个版本" or "较上一版 3 个数字不同" (nothing while a version cannot be read). */
function Changes({ change }: { change?: VersionChange }) {
  if (!change) return <span class="changes" />;
  const text =
    change.kind === 'first' ? i18n.t('ux.snapshots.firstVersion')
    : change.kind === 'figures' ? i18n.t('ux.snapshots.changedFigures', change.count)
    : change.kind === 'findings' ? i18n.t('ux.snapshots.changedFindings')
    : i18n.t('ux.snapshots.changedOther');
  return <span class="changes">{text}</span>;
}
