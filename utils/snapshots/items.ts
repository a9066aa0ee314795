// The reader's flags as items of the panel's list (and of a snapshot's view): anchored flags
// outline their cell; orphaned ones (the page no longer has that cell) stay listed, outlining none.
import { i18n } from '#i18n';
import { cellLabel } from '../../lib/formats/labels';
import type { Lang, PanelItem } from '../../components/model';
import { resolveFlags } from './flags';
import type { Flag } from './schema';

export const flagItemId = (flag: Flag) => `flag:${flag.id}`;

export function flagItems(flags: readonly Flag[], presentKeys: Iterable<string>, lang: Lang): PanelItem[] {
  const { orphaned } = resolveFlags(flags, presentKeys);
  const lost = new Set(orphaned);
  return flags.map((flag) => {
    const cell = cellLabel(flag.key, lang);
    const text = flag.note ? i18n.t('flags.item', [cell, flag.note]) : cell;
    return {
      id: flagItemId(flag),
      kind: 'flag',
      rule: i18n.t(flag.kind === 'wrong' ? 'flags.wrong' : 'flags.doubtful'),
      message: lost.has(flag) ? i18n.t('flags.orphaned', [text]) : text,
      cells: [flag.key],
      marked: lost.has(flag) ? [] : [flag.key],
    };
  });
}
