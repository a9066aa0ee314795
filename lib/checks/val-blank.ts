// VAL-BLANK: cells left blank ("", "/", "—", "无" …) where a number belongs. The figures keep them
// as null and the sums read them as 0; one finding per table says which cells, compactly.
import { rowLabel, TABLE_LABELS } from '../formats/labels';
import { tableOf, type TableId } from '../report/keys';
import type { FigureMap } from '../types';
import { inTableOrder } from './figures';
import { columnName, list, text, type Label } from './message';
import { defineRule, NATIONAL } from './rule';

const TABLES: TableId[] = ['active', 'requests', 'appeals'];
const rowOf = (key: string) => key.slice(0, key.lastIndexOf('.'));
const FEW_ROWS = 3;

function groupBy(keys: string[], by: (key: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const group = groups.get(by(key));
    if (group) group.push(key);
    else groups.set(by(key), [key]);
  }
  return groups;
}

/** "（一）予以公开：自然人、总计" or "商业企业、…、其他（25 行）"; rows left wholly blank say 整行. */
function describe(blanks: string[], figures: FigureMap): Label[] {
  const byRow = groupBy(blanks, rowOf);
  const rowsOnPage = groupBy([...figures.keys()], rowOf);

  // Rows with the same blank columns are told together; `rows` holds one key of each row.
  const groups = new Map<string, { rows: string[]; columns: Label }>();
  for (const [row, keys] of byRow) {
    const whole = keys.length === rowsOnPage.get(row)?.length;
    const columns: Label = whole ? { zh: '整行', en: 'the whole row' } : list(keys.map(columnName));
    const signature = whole ? '*' : columns.zh;
    const group = groups.get(signature) ?? { rows: [], columns };
    group.rows.push(keys[0]!);
    groups.set(signature, group);
  }
  return [...groups.values()].map(({ rows, columns }) =>
    rows.length <= FEW_ROWS
      ? {
          zh: `${rows.map((key) => rowLabel(key)).join('、')}：${columns.zh}`,
          en: `${rows.map((key) => rowLabel(key, 'en')).join(', ')}: ${columns.en}`,
        }
      : { zh: `${columns.zh}（${rows.length} 行）`, en: `${columns.en} (${rows.length} rows)` },
  );
}

export const valBlank = defineRule('VAL-BLANK', 'warning', NATIONAL, ({ extraction: { figures, template } }) => {
  const blank = [...figures.values()].filter((f) => f.value === null && !f.bad).map((f) => f.key);
  if (blank.length === 0) return [];
  const blanks = inTableOrder(blank, template);
  return TABLES.flatMap((table) => {
    const cells = blanks.filter((key) => tableOf(key) === table);
    if (cells.length === 0) return [];
    const where = describe(cells, figures);
    const name = TABLE_LABELS[table];
    return [{
      ...text(
        `${name.zh}有 ${cells.length} 个单元格留空：${where.map((w) => w.zh).join('；')}。核对时按 0 计。`,
        `${name.en} has ${cells.length} blank cells: ${where.map((w) => w.en).join('; ')}. The checks read them as 0.`,
      ),
      cells,
    }];
  });
});
