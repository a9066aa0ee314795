// T3-SUM: per column, （七）总计 is the sum of the results （一）–（六）. The rows are mutually
// exclusive (the 部分公开 row says so), so the sum must match exactly.
import { APPLICANT_COLUMNS, RESULT_ROWS } from '../report/keys';
import type { FigureMap } from '../types';
import { balance, fails, termAt } from './figures';
import { sumIssue } from './message';
import { defineRule, NATIONAL } from './rule';

const OTHER_HANDLING_PARTS = ['otherHandling.overdueCorrection', 'otherHandling.overdueFee', 'otherHandling.other'];
const PARTS = { zh: '各项办理结果', en: 'the results (1)–(6)' };

/** （六）其他处理: the three T2021 sub-rows when the page has any, else the T2019 single row. */
function resultRows(figures: FigureMap, column: string): readonly string[] {
  const hasParts = OTHER_HANDLING_PARTS.some((row) => figures.has(`requests.${row}.${column}`));
  return RESULT_ROWS.filter((row) => row !== 'otherHandling.total' || !hasParts);
}

export const t3Sum = defineRule('T3-SUM', 'error', NATIONAL, ({ extraction: { figures } }) =>
  APPLICANT_COLUMNS.flatMap((column) => {
    const b = balance(
      termAt(figures, `requests.totalProcessed.${column}`),
      resultRows(figures, column).map((row) => termAt(figures, `requests.${row}.${column}`)),
    );
    return fails(b) ? [sumIssue(b, PARTS)] : [];
  }),
);
