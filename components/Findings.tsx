// The panel's list: findings and items added by other parts of the extension (the reader's flags),
// grouped by the table they are about (表二, 表三, 表四, then the text and the format), each group
// in order of severity. A finding is one entry however many cells it covers: the count, and the
// cells listed on demand. The rule id is on hover, not in the text. The report's own note (注：…)
// heads the run of items it explains, once.
import { i18n } from '#i18n';
import { groupItems, type ItemGroup, type Lang, type PanelAction, type PanelItem } from './model';
import type { MarkKind } from '../utils/marks';
import { num, tableName } from '../lib/checks/message';
import { cellLabel } from '../lib/formats/labels';

const KIND_LABEL: Record<MarkKind, () => string> = {
  error: () => i18n.t('panel.findings.kind.error'),
  warning: () => i18n.t('panel.findings.kind.warning'),
  info: () => i18n.t('panel.findings.kind.info'),
  flag: () => i18n.t('panel.findings.kind.flag'),
};

export const itemButtonId = (id: string) => `gkl-item-${id.replace(/[^\w-]/g, '_')}`;

/** "表三" / "Table 3"; the text and format findings: "正文与格式". */
export function groupName(group: ItemGroup, lang: Lang): string {
  return group === 'other' ? i18n.t('ux.findings.other') : tableName(group)[lang];
}

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

/** "表中 0 → 应为 3" where the rule's equation gives the value; "表中 2，上年 0" against last year (either side may be wrong). */
function Fix({ item }: { item: PanelItem }) {
  if (item.expected === undefined) return null;
  const actual = item.actual == null ? i18n.t('panel.findings.blank') : num(item.actual);
  const text = item.against
    ? i18n.t('ux.findings.lastYear', [actual, num(item.expected)])
    : i18n.t('panel.findings.expected', [actual, num(item.expected)]);
  return <span class="fix">{text}</span>;
}

/** A finding over several cells: how many, and which, on demand. */
function Cells({ item, lang }: { item: PanelItem; lang: Lang }) {
  if (item.marked.length < 2) return null;
  return (
    <details class="cells">
      <summary>{i18n.t('ux.findings.cells', item.marked.length)}</summary>
      <ul>
        {item.marked.map((key) => (
          <li key={key}>{cellLabel(key, lang)}</li>
        ))}
      </ul>
    </details>
  );
}

interface FindingsProps {
  items: readonly PanelItem[];
  lang: Lang;
  selected: string | null;
  onSelect(id: string): void;
  /** Commands other parts offer beside an item (buttons after it, not inside: no nested buttons). */
  actions?(item: PanelItem): PanelAction[];
}

export function Findings({ items, lang, selected, onSelect, actions }: FindingsProps) {
  if (!items.length) return <p class="none">{i18n.t('panel.findings.none')}</p>;
  return (
    <div class="findings">
      {groupItems(items).map(({ group, items: inGroup }) => (
        <section class={`table-group group-${group}`} key={group} aria-labelledby={`gkl-group-${group}`}>
          <h4 id={`gkl-group-${group}`}>
            {groupName(group, lang)} <span class="count">{inGroup.length}</span>
          </h4>
          {groupByNote(inGroup).map((run) => (
            <div class={run.note ? 'group with-note' : 'group'} key={run.items[0]!.id}>
              {run.note && (
                <aside class="note">
                  <strong>{i18n.t('panel.findings.note')}</strong>
                  <span>{run.note}</span>
                </aside>
              )}
              <ol class="items">
                {run.items.map((item) => (
                  <li key={item.id} class={`item kind-${item.kind}`} data-rule={item.rule}>
                    <button
                      type="button"
                      id={itemButtonId(item.id)}
                      class="item-button"
                      aria-current={item.id === selected ? 'true' : undefined}
                      title={item.kind === 'flag' ? undefined : item.rule}
                      onClick={() => onSelect(item.id)}
                    >
                      <span class="kind">{KIND_LABEL[item.kind]()}</span>
                      {/* A flag's "rule" is its kind in words (错误/存疑); a finding's is an id, kept for the hover. */}
                      {item.kind === 'flag' && <span class="rule">{item.rule}</span>}
                      <span class="message">{item.message}</span>
                      <Fix item={item} />
                      {item.against && <span class="against">{i18n.t('panel.findings.against', [item.against])}</span>}
                    </button>
                    <Cells item={item} lang={lang} />
                    <ItemActions actions={actions?.(item) ?? []} />
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
