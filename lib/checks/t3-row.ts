// T3-ROW: every 表三 row's 总计 is the sum of its six applicant columns.
import { APPLICANT_PARTS, REQUEST_ROWS } from '../report/keys';
import { balance, fails, termAt } from './figures';
import { sumIssue } from './message';
import { defineRule, NATIONAL } from './rule';

const PARTS = { zh: '六类申请人（自然人至其他）', en: 'the six applicant columns' };

export const t3Row = defineRule('T3-ROW', 'error', NATIONAL, ({ extraction: { figures } }) =>
  REQUEST_ROWS.flatMap((row) => {
    const at = (column: string) => termAt(figures, `requests.${row}.${column}`);
    const b = balance(at('total'), APPLICANT_PARTS.map(at));
    return fails(b) ? [sumIssue(b, PARTS)] : [];
  }),
);
