// Two saved versions of one page side by side: the figures that changed, and the findings that
// appeared or went away.
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Lang } from '../../components/model';
import type { Finding } from '../../lib/report/schema';
import { compareSnapshots, localDateTime, type Snapshot } from '../../utils/snapshots';
import { useFocusOnMount, type View } from './page';

interface CompareViewProps {
  /** Oldest first. */
  versions: Snapshot[];
  url: string;
  lang: Lang;
  go(view: View): void;
}

const figure = (v: number | null) => (v === null ? i18n.t('snapshots.view.blank') : String(v));

function VersionSelect({ label, versions, value, onChange }: { label: string; versions: Snapshot[]; value: string; onChange(id: string): void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {versions.map((v) => <option key={v.id} value={v.id}>{localDateTime(v.savedAt)}</option>)}
      </select>
    </label>
  );
}

function FindingList({ title, findings, lang }: { title: string; findings: Finding[]; lang: Lang }) {
  if (!findings.length) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul>
        {findings.map((f, i) => <li key={i}><span class="rule">{f.rule}</span> {lang === 'en' ? f.messageEn : f.message}</li>)}
      </ul>
    </section>
  );
}

export function CompareView({ versions, url, lang, go }: CompareViewProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [beforeId, setBefore] = useState(versions.at(-2)?.id ?? '');
  const [afterId, setAfter] = useState(versions.at(-1)?.id ?? '');
  const before = versions.find((v) => v.id === beforeId);
  const after = versions.find((v) => v.id === afterId);
  const diff = before && after && versions.length > 1 ? compareSnapshots(before, after) : null;

  return (
    <article class="compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading" ref={heading} tabIndex={-1}>{i18n.t('snapshots.compare.heading')}</h2>
      <p>{i18n.t('snapshots.compare.url', [url])}</p>
      <div class="buttons">
        <button type="button" onClick={() => go({ kind: 'list' })}>{i18n.t('snapshots.view.back')}</button>
      </div>
      {!diff ? (
        <p>{i18n.t('snapshots.compare.onlyOne')}</p>
      ) : (
        <>
          <div class="choose">
            <VersionSelect label={i18n.t('snapshots.compare.before')} versions={versions} value={beforeId} onChange={setBefore} />
            <VersionSelect label={i18n.t('snapshots.compare.after')} versions={versions} value={afterId} onChange={setAfter} />
          </div>
          {diff.figures.length === 0 ? (
            <p>{i18n.t('snapshots.compare.noChanges')}</p>
          ) : (
            <table class="changes">
              <caption>{i18n.t('snapshots.compare.figures', [String(diff.figures.length)])}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('snapshots.compare.cell')}</th>
                  <th scope="col">{i18n.t('snapshots.compare.before')}</th>
                  <th scope="col">{i18n.t('snapshots.compare.after')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.figures.map((c) => (
                  <tr key={c.key} data-key={c.key}>
                    <th scope="row">{lang === 'en' ? c.labelEn : c.label}</th>
                    <td>{figure(c.before)}</td>
                    <td>{figure(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FindingList title={i18n.t('snapshots.compare.added', [String(diff.findingsAdded.length)])} findings={diff.findingsAdded} lang={lang} />
          <FindingList title={i18n.t('snapshots.compare.removed', [String(diff.findingsRemoved.length)])} findings={diff.findingsRemoved} lang={lang} />
        </>
      )}
    </article>
  );
}
