// TXT-T4: 行政复议 / 行政诉讼 counts stated in the text that 表四 does not bear out (复议 vs the review
// total; 诉讼 vs both lawsuit groups together). Like TXT-T3, no side is taken: no expected/actual.
import { valueAt } from './figures';
import { num, text, type Label } from './message';
import { compare, decimalOf, sumOf } from '../normalize/decimal';
import { defineRule, NATIONAL } from './rule';

const COMPARED = {
  reviews: { cells: ['appeals.review.total'], what: { zh: '行政复议', en: 'administrative reviews' } },
  suits: { cells: ['appeals.suitDirect.total', 'appeals.suitAfterReview.total'], what: { zh: '行政诉讼', en: 'lawsuits' } },
} satisfies Record<string, { cells: string[]; what: Label }>;

export const txtT4 = defineRule('TXT-T4', 'warning', NATIONAL, ({ extraction }) => {
  const { figures, narrative, tablesFound } = extraction;
  if (!tablesFound.has('appeals')) return [];
  return narrative.flatMap((item) => {
    if (item.kind !== 'reviews' && item.kind !== 'suits') return [];
    const { cells, what } = COMPARED[item.kind];
    const values = cells.map((key) => valueAt(figures, key));
    if (values.some((v) => v === undefined)) return [];
    const table = sumOf(values as number[]);
    if (compare(table, decimalOf(item.value)) === 0) return [];
    return [{
      ...text(
        `正文称${what.zh} ${num(item.value)} 件（“${item.text}”），表四${what.zh}总计为 ${num(table)}。`,
        `The text states ${num(item.value)} ${what.en} ("${item.text}"); Table 4 totals ${num(table)}.`,
      ),
      cells,
    }];
  });
});
