// One agency's saved reports side by side by year: the totals an assessor compares first.
import { i18n } from '#i18n';
import type { Lang } from '../../components/model';
import { cellName } from '../../lib/checks/message';
import { agencyYears, KEY_TOTALS, type Snapshot } from '../../utils/snapshots';
import { useFocusOnMount, type View } from './page';

interface AgencyViewProps {
  snapshots: Snapshot[];
  agency: string;
  lang: Lang;
  go(view: View): void;
}

export function AgencyView({ snapshots, agency, lang, go }: AgencyViewProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const years = agencyYears(snapshots, agency);
  return (
    <article class="agency" aria-labelledby="agency-heading">
      <h2 id="agency-heading" ref={heading} tabIndex={-1}>{i18n.t('snapshots.agency.heading', [agency])}</h2>
      <div class="buttons">
        <button type="button" onClick={() => go({ kind: 'list' })}>{i18n.t('snapshots.view.back')}</button>
        {years.length > 1 && (
          <button type="button" class="compare-years" onClick={() => go({ kind: 'compareYears', agency })}>{i18n.t('ux.snapshots.compareYears')}</button>
        )}
      </div>
      <table class="years">
        <caption>{i18n.t('snapshots.agency.caption', [agency])}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('snapshots.agency.item')}</th>
            {years.map((y) => (
              <th scope="col" key={y.year}>
                <button type="button" class="link" onClick={() => go({ kind: 'snapshot', id: y.snapshot.id })}>
                  {i18n.t('snapshots.agency.yearColumn', [String(y.year)])}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KEY_TOTALS.map((key) => (
            <tr key={key} data-key={key}>
              <th scope="row">{cellName(key)[lang]}</th>
              {years.map((y) => (
                <td key={y.year} class={y.totals[key] === null ? 'blank' : undefined}>
                  {y.totals[key] === null ? i18n.t('snapshots.view.blank') : y.totals[key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
