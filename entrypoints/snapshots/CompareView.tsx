// Two saved reports side by side — two versions of one page, or one agency's reports of two years:
// the figures that differ with their change (+/−, coloured, and said in words), and the findings
// that appeared or went away.
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Lang } from '../../components/model';
import type { Finding } from '../../lib/report/schema';
import { compareSnapshots, type FigureChange, type Snapshot } from '../../utils/snapshots';
import { useFocusOnMount, type View } from './page';

interface CompareViewProps {
  /** Oldest first. */
  versions: Snapshot[];
  heading: string;
  /** What is compared (the page's address, or "the latest saved of each year"). */
  about: string;
  /** How a version is named in the choosers ("2026-12-06 20:51:07 · #3fa9c01", "2024 年报"). */
  label(s: Snapshot): string;
  lang: Lang;
  go(view: View): void;
}

const figure = (v: number | null) => (v === null ? i18n.t('snapshots.view.blank') : String(v));

/** "+3" / "−2" (a real minus sign), and whether it went up or down; a blank filled or emptied in words. */
export function delta(change: Pick<FigureChange, 'before' | 'after'>): { text: string; direction: 'up' | 'down' | 'changed' } {
  const { before, after } = change;
  if (before === null) return { text: i18n.t('ux.snapshots.filled'), direction: 'changed' };
  if (after === null) return { text: i18n.t('ux.snapshots.emptied'), direction: 'changed' };
  const d = Math.round((after - before) * 100) / 100;
  return d > 0 ? { text: `+${d}`, direction: 'up' } : { text: `−${-d}`, direction: 'down' };
}

function VersionSelect({ label, versions, value, name, onChange }: { label: string; versions: Snapshot[]; value: string; name(s: Snapshot): string; onChange(id: string): void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {versions.map((v) => <option key={v.id} value={v.id}>{name(v)}</option>)}
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
        {findings.map((f, i) => <li key={i} title={f.rule}>{lang === 'en' ? f.messageEn : f.message}</li>)}
      </ul>
    </section>
  );
}

export function CompareView({ versions, heading: title, about, label, lang, go }: CompareViewProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [beforeId, setBefore] = useState(versions.at(-2)?.id ?? '');
  const [afterId, setAfter] = useState(versions.at(-1)?.id ?? '');
  const before = versions.find((v) => v.id === beforeId);
  const after = versions.find((v) => v.id === afterId);
  const diff = before && after && versions.length > 1 ? compareSnapshots(before, after) : null;

  return (
    <article class="compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading" ref={heading} tabIndex={-1}>{title}</h2>
      <p>{about}</p>
      <div class="buttons">
        <button type="button" onClick={() => go({ kind: 'list' })}>{i18n.t('snapshots.view.back')}</button>
      </div>
      {!diff ? (
        <p>{i18n.t('snapshots.compare.onlyOne')}</p>
      ) : (
        <>
          <div class="choose">
            <VersionSelect label={i18n.t('snapshots.compare.before')} versions={versions} value={beforeId} name={label} onChange={setBefore} />
            <VersionSelect label={i18n.t('snapshots.compare.after')} versions={versions} value={afterId} name={label} onChange={setAfter} />
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
                  <th scope="col">{i18n.t('ux.snapshots.delta')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.figures.map((c) => {
                  const d = delta(c);
                  return (
                    <tr key={c.key} data-key={c.key}>
                      <th scope="row">{lang === 'en' ? c.labelEn : c.label}</th>
                      <td>{figure(c.before)}</td>
                      <td>{figure(c.after)}</td>
                      <td class={`delta ${d.direction}`}>{d.text}</td>
                    </tr>
                  );
                })}
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
