// One saved report as the panel shows it: its facts, its findings and the reader's flags (the
// panel's list), and the three tables with the cells of the selected item outlined.
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { figureKeys } from '../../lib/report/keys';
import { reportValue } from '../../lib/checks/figures';
import { Findings } from '../../components/Findings';
import { ReportTables } from '../../components/ReportTables';
import { findingItems, markedKeys, type Lang } from '../../components/model';
import { flagItems, localDateTime, type Snapshot, type SnapshotSummary } from '../../utils/snapshots';
import { snapshotName, templateName, useFocusOnMount, type View } from './page';

interface SnapshotViewProps {
  snapshot: Snapshot;
  /** Every saved snapshot's summary (to count this page's versions). */
  all: SnapshotSummary[];
  lang: Lang;
  go(view: View): void;
  onDelete(s: Snapshot): void;
}

export function SnapshotView({ snapshot: s, all, lang, go, onDelete }: SnapshotViewProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [selected, setSelected] = useState<string | null>(null);
  const { report } = s;
  // Keys whose cell the saved tables have: flags on other keys are orphaned.
  const present = useMemo(() => figureKeys(report.template).filter((k) => reportValue(report, k) !== undefined), [report]);
  const items = useMemo(() => [...findingItems(report, lang), ...flagItems(s.flags, present, lang)], [report, s.flags, present, lang]);
  // Every saved cell as "printed" with no text: a null is a blank cell, not one that was not read.
  const printed = useMemo(() => new Map(present.map((k) => [k, ''])), [present]);
  const focused = useMemo(() => new Set(items.find((i) => i.id === selected)?.cells ?? []), [items, selected]);
  const versions = all.filter((x) => x.url === s.url).length;

  const facts: [string, string | null][] = [
    [i18n.t('snapshots.view.savedAt'), localDateTime(s.savedAt)],
    [i18n.t('snapshots.view.updatedAt'), s.updatedAt ? localDateTime(s.updatedAt) : null],
    [i18n.t('snapshots.view.template'), templateName(report.template)],
    [i18n.t('snapshots.view.publishedAt'), report.publishedAt],
    [i18n.t('snapshots.view.deadline'), report.deadline],
  ];

  return (
    <article class="snapshot" aria-labelledby="snapshot-heading">
      <h2 id="snapshot-heading" ref={heading} tabIndex={-1}>{report.title ?? snapshotName(s)}</h2>
      <div class="buttons">
        <button type="button" onClick={() => go({ kind: 'list' })}>{i18n.t('snapshots.view.back')}</button>
        {versions > 1 && <button type="button" onClick={() => go({ kind: 'compare', url: s.url })}>{i18n.t('snapshots.list.versions', [String(versions)])}</button>}
        {report.agency && <button type="button" onClick={() => go({ kind: 'agency', agency: report.agency! })}>{i18n.t('snapshots.list.agencyYears')}</button>}
        <button type="button" onClick={() => onDelete(s)}>{i18n.t('snapshots.list.delete')}</button>
      </div>
      <dl class="facts">
        <dt>{i18n.t('snapshots.view.url')}</dt>
        <dd><a href={s.url} target="_blank" rel="noreferrer">{s.url}</a></dd>
        {facts.filter(([, v]) => v).map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <section aria-labelledby="findings-heading">
        <h3 id="findings-heading">{i18n.t('snapshots.view.findings', [String(items.length)])}</h3>
        <Findings items={items} lang={lang} selected={selected} onSelect={(id) => setSelected((old) => (old === id ? null : id))} />
      </section>
      <section class="gkl-tables">
        <ReportTables report={report} lang={lang} printed={printed} marked={markedKeys(items)} focused={focused} />
      </section>
    </article>
  );
}
