// What an import would do, before it does it: counts of new, identical and merged snapshots, the
// entries of the file that were skipped and why, and each conflict with its own "replace" choice
// (unticked by default: nothing stored is overwritten without asking).
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ImportPlan } from '../../utils/snapshots';
import { snapshotName, useFocusOnMount } from './page';

/** An import read and planned, waiting for the reader's confirmation. */
export interface PendingImport {
  plan: ImportPlan;
  rejected: { index: number; reason: string }[];
}

interface ImportPlanViewProps {
  pending: PendingImport;
  onConfirm(overwrite: Set<string>): void;
  onCancel(): void;
}

export function ImportPlanView({ pending: { plan, rejected }, onConfirm, onCancel }: ImportPlanViewProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [overwrite, setOverwrite] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setOverwrite((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <section class="import-plan" aria-labelledby="import-heading">
      <h2 id="import-heading" ref={heading} tabIndex={-1}>{i18n.t('snapshots.import.planHeading')}</h2>
      <ul>
        <li>{i18n.t('snapshots.import.added', [String(plan.added.length)])}</li>
        <li>{i18n.t('snapshots.import.identical', [String(plan.identical.length)])}</li>
        <li>{i18n.t('snapshots.import.merged', [String(plan.merged.length)])}</li>
      </ul>
      {plan.conflicts.length > 0 && (
        <fieldset>
          <legend>{i18n.t('snapshots.import.conflicts', [String(plan.conflicts.length)])}</legend>
          {plan.conflicts.map(({ incoming }) => (
            <label key={incoming.id} class="choice">
              <input type="checkbox" checked={overwrite.has(incoming.id)} onChange={(e) => toggle(incoming.id, e.currentTarget.checked)} />
              {i18n.t('snapshots.import.overwrite', [snapshotName(incoming)])}
            </label>
          ))}
        </fieldset>
      )}
      {rejected.length > 0 && (
        <details>
          <summary>{i18n.t('snapshots.import.rejected', [String(rejected.length)])}</summary>
          <ul>
            {rejected.map((r) => <li key={r.index}>{i18n.t('snapshots.import.rejectedItem', [String(r.index), r.reason])}</li>)}
          </ul>
        </details>
      )}
      <div class="buttons">
        <button type="button" class="primary" onClick={() => onConfirm(overwrite)}>{i18n.t('snapshots.import.confirm')}</button>
        <button type="button" onClick={onCancel}>{i18n.t('snapshots.import.cancel')}</button>
      </div>
    </section>
  );
}
