// The panel's list: findings (errors first) and items added by other parts of the extension, each
// a button that shows its cells in the page. The report's own note (注：…) heads the run of items
// it explains, once, not under every item.
import { i18n } from '#i18n';
import type { PanelAction, PanelItem } from './model';
import type { MarkKind } from '../utils/marks';
import { num } from '../lib/checks/message';

const KIND_LABEL: Record<MarkKind, () => string> = {
  error: () => i18n.t('panel.findings.kind.error'),
  warning: () => i18n.t('panel.findings.kind.warning'),
  info: () => i18n.t('panel.findings.kind.info'),
  flag: () => i18n.t('panel.findings.kind.flag'),
};

export const itemButtonId = (id: string) => `gkl-item-${id.replace(/[^\w-]/g, '_')}`;

/** Consecutive items sharing a note, so the note is shown once beside them. */
function groupByNote(items: readonly PanelItem[]): { note?: string; items: PanelItem[] }[] {
  const groups: { note?: string; items: PanelItem[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.note === item.note) last.items.push(item);
    else groups.push({ note: item.note, items: [item] });
  }
  return groups;
}

function ItemActions({ actions }: { actions: PanelAction[] }) {
  if (!actions.length) return null;
  return (
    <div class="item-actions">
      {actions.map((a) => (
        <button key={a.name} type="button" aria-label={a.name} title={a.name} onClick={a.run}>
          {a.label}
        </button>
      ))}
    </div>
  );
}

interface FindingsProps {
  items: readonly PanelItem[];
  selected: string | null;
  onSelect(id: string): void;
  /** Commands other parts offer beside an item (buttons after it, not inside: no nested buttons). */
  actions?(item: PanelItem): PanelAction[];
}

export function Findings({ items, selected, onSelect, actions }: FindingsProps) {
  if (!items.length) return <p class="none">{i18n.t('panel.findings.none')}</p>;
  return (
    <div class="findings">
      {groupByNote(items).map((group) => (
        <div class={group.note ? 'group with-note' : 'group'} key={group.items[0]!.id}>
          {group.note && (
            <aside class="note">
              <strong>{i18n.t('panel.findings.note')}</strong>
              <span>{group.note}</span>
            </aside>
          )}
          <ol class="items">
            {group.items.map((item) => (
              <li key={item.id} class={`item kind-${item.kind}`}>
                <button
                  type="button"
                  id={itemButtonId(item.id)}
                  class="item-button"
                  aria-current={item.id === selected ? 'true' : undefined}
                  onClick={() => onSelect(item.id)}
                >
                  <span class="kind">{KIND_LABEL[item.kind]()}</span>
                  <span class="rule">{item.rule}</span>
                  <span class="message">{item.message}</span>
                  {item.expected !== undefined && (
                    <span class="fix">
                      {i18n.t('panel.findings.expected', [
                        item.actual == null ? i18n.t('panel.findings.blank') : num(item.actual),
                        num(item.expected),
                      ])}
                    </span>
                  )}
                  {item.against && <span class="against">{i18n.t('panel.findings.against', [item.against])}</span>}
                </button>
                <ItemActions actions={actions?.(item) ?? []} />
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
