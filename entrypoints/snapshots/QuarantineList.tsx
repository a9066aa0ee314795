// Stored records that failed validation: kept in quarantine, listed here, exportable as raw JSON.
import { i18n } from '#i18n';
import { localDateTime, type Quarantined } from '../../utils/snapshots';

export function QuarantineList({ entries, onExport }: { entries: Quarantined[]; onExport(): void }) {
  return (
    <section class="quarantine" aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">{i18n.t('snapshots.quarantine.heading')}</h2>
      <p>{i18n.t('snapshots.quarantine.intro')}</p>
      <button type="button" onClick={onExport}>{i18n.t('snapshots.quarantine.export')}</button>
      <table>
        <caption class="sr-only">{i18n.t('snapshots.quarantine.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('snapshots.quarantine.key')}</th>
            <th scope="col">{i18n.t('snapshots.quarantine.reason')}</th>
            <th scope="col">{i18n.t('snapshots.quarantine.at')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((q) => (
            <tr key={`${q.key}@${q.at}`}>
              <th scope="row"><code>{q.key}</code></th>
              <td class="reason">{q.reason}</td>
              <td>{q.at ? localDateTime(q.at) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
