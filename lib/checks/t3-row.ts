// T3-ROW: every 表三 row's 总计 is the sum of its six applicant columns.
import { APPLICANT_PARTS, REQUEST_ROWS } from '../report/keys';
import { balance, fails, termAt } from './figures';
import { sumIssue } from './message';
import { defineRule, NATIONAL } from './rule';

const PARTS = { zh: '六类申请人（自然人至其他）', en: 'the six applicant columns' };

export const t3Row = defineRule('T3-ROW', 'error', NATIONAL, ({ extraction: { figures } }) =>
  REQUEST_ROWS.flatMap((row) => {
    const b = balance(
      termAt(figures, `requests.${row}.total`),
      APPLICANT_PARTS.map((column) => termAt(figures, `requests.${row}.${column}`)),
    );
    return fails(b) ? [sumIssue(b, PARTS)] : [];
  }),
);
