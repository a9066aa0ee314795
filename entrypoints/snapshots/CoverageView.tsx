// Agency × year: which reports are saved, their verdict, and which years are missing between an
// agency's first and last saved year (a gap an assessor asks about first).
import { i18n } from '#i18n';
import { countOf, type SnapshotSummary } from '../../utils/snapshots';
import type { View } from './page';
import { latestByYear } from './load';

export function CoverageView({ snapshots, go }: { snapshots: SnapshotSummary[]; go(view: View): void }) {
  const agencies = [...new Set(snapshots.flatMap((s) => (s.report.agency && s.report.year !== null ? [s.report.agency] : [])))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  if (!agencies.length) return null;
  const rows = agencies.map((agency) => ({ agency, years: new Map(latestByYear(snapshots, agency).map((y) => [y.year, y.snapshot])) }));
  const all = rows.flatMap((r) => [...r.years.keys()]);
  const first = Math.min(...all);
  const last = Math.max(...all);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <section class="coverage" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{i18n.t('ux.snapshots.coverageHeading')}</h2>
      <table class="coverage-table">
        <caption>{i18n.t('ux.snapshots.coverageCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('snapshots.list.agency')}</th>
            {years.map((y) => <th scope="col" key={y}>{y}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ agency, years: saved }) => {
            const own = [...saved.keys()];
            const [from, to] = [Math.min(...own), Math.max(...own)];
            return (
              <tr key={agency}>
                <th scope="row">{agency}</th>
                {years.map((y) => {
                  const s = saved.get(y);
                  if (!s) {
                    // Only a year between the agency's first and last saved is missing; outside, simply not saved.
                    const gap = y > from && y < to;
                    return <td key={y} class={gap ? 'missing' : 'none'}>{gap ? i18n.t('ux.snapshots.missing') : ''}</td>;
                  }
                  const errors = countOf(s.report, 'error');
                  return (
                    <td key={y} class={errors ? 'has-errors' : 'ok'}>
                      <button type="button" class="link" onClick={() => go({ kind: 'snapshot', id: s.id })}>
                        {errors ? i18n.t('panel.pill.errors', errors) : '✓'}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
