// YOY-STOCK (T2021 both years): documents in force now = in force last year + issued − repealed.
import { balance, fails, reportValue, termAt, type Term } from './figures';
import { balanceIssue, cellName, num, printed, text } from './message';
import { defineRule } from './rule';
import { STOCK_ROWS } from './t2-stock';

export const yoyStock = defineRule('YOY-STOCK', 'info', ['2021'], ({ extraction: { figures }, previous }) => {
  if (!previous || previous.report.template !== '2021') return [];
  return STOCK_ROWS.flatMap((row) => {
    const last = reportValue(previous.report, `active.${row}.inForce`);
    if (last === undefined) return [];
    const lastYear: Term = { value: last, bad: false };
    const issued = termAt(figures, `active.${row}.issued`);
    const repealed = termAt(figures, `active.${row}.repealed`);
    const b = balance(termAt(figures, `active.${row}.inForce`), [lastYear, issued], [repealed]);
    if (!fails(b)) return [];
    const cell = cellName(b.cells[0]!);
    const shown = printed(b.actual);
    const [l, i, r] = [last, issued?.value, repealed?.value].map((v) => num(v ?? 0));
    return [{
      ...balanceIssue(b, text(
        `${cell.zh}：上年报告（${previous.label}）现行有效 ${l} 件，加本年制发 ${i} 件、减本年废止 ${r} 件，应为 ${num(b.expected)}，${shown.zh}。`,
        `${cell.en}: last year's report (${previous.label}) had ${l} in force; plus ${i} issued, minus ${r} repealed makes ${num(b.expected)}; ${shown.en}.`,
      )),
      against: previous.label,
    }];
  });
});
