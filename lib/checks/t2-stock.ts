// T2-STOCK (T2021): documents in force cannot be fewer than those issued this year and not repealed.
import { balance, readAsSum, termAt } from './figures';
import { compare } from '../normalize/decimal';
import { balanceIssue, cellName, num, printed, text } from './message';
import { defineRule } from './rule';

export const STOCK_ROWS = ['rules', 'normativeDocs'] as const;

export const t2Stock = defineRule('T2-STOCK', 'warning', ['2021'], ({ extraction: { figures } }) =>
  STOCK_ROWS.flatMap((row) => {
    const b = balance(termAt(figures, `active.${row}.inForce`), [termAt(figures, `active.${row}.issued`)], [termAt(figures, `active.${row}.repealed`)]);
    if (!b || compare(readAsSum(b), b.expected) >= 0) return [];
    const cell = cellName(b.cells[0]!);
    const shown = printed(b.actual);
    return [balanceIssue(b, text(
      `${cell.zh}：本年制发 ${num(b.plus)} 件、废止 ${num(b.minus)} 件，现行有效件数至少应为 ${num(b.expected)}，${shown.zh}。`,
      `${cell.en}: ${num(b.plus)} issued and ${num(b.minus)} repealed this year, so at least ${num(b.expected)} must be in force; ${shown.en}.`,
    ))];
  }),
);
