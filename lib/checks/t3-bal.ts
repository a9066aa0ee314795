// T3-BAL: per column, 一 + 二 = （七）总计 + 四 — the 勾稽关系 printed in 表三's own header.
import { APPLICANT_COLUMNS } from '../report/keys';
import { balance, fails, readAsSum, termAt } from './figures';
import { add } from '../normalize/decimal';
import { balanceIssue, cellName, num, printed, text } from './message';
import { defineRule, NATIONAL } from './rule';

export const t3Bal = defineRule('T3-BAL', 'error', NATIONAL, ({ extraction: { figures } }) =>
  APPLICANT_COLUMNS.flatMap((column) => {
    const b = balance(
      termAt(figures, `requests.totalProcessed.${column}`),
      [termAt(figures, `requests.newReceived.${column}`), termAt(figures, `requests.carriedOver.${column}`)],
      [termAt(figures, `requests.carriedForward.${column}`)],
    );
    if (!fails(b)) return [];
    const cell = cellName(b.cells[0]!);
    const shown = printed(b.actual);
    const left = num(b.plus);
    const right = num(add(readAsSum(b), b.minus));
    return [balanceIssue(b, text(
      `${cell.zh}：一 + 二 = ${left}，（七）总计 + 四 = ${right}（${left} ≠ ${right}）；（七）总计应为 ${num(b.expected)}，${shown.zh}。`,
      `${cell.en}: I + II = ${left} but (7) + IV = ${right} (${left} ≠ ${right}); (7) would have to read ${num(b.expected)}; ${shown.en}.`,
    ))];
  }),
);
