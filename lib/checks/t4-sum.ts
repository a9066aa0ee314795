// T4-SUM: in each 表四 group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
import { APPEAL_COLUMNS, APPEAL_GROUPS } from '../report/keys';
import { balance, fails, termAt } from './figures';
import { columnName, list, sumIssue } from './message';
import { defineRule, NATIONAL } from './rule';

const PARTS = APPEAL_COLUMNS.filter((c) => c !== 'total');

export const t4Sum = defineRule('T4-SUM', 'error', NATIONAL, ({ extraction: { figures } }) =>
  APPEAL_GROUPS.flatMap((group) => {
    const b = balance(termAt(figures, `appeals.${group}.total`), PARTS.map((column) => termAt(figures, `appeals.${group}.${column}`)));
    return fails(b) ? [sumIssue(b, list(PARTS.map((c) => columnName(`appeals.${group}.${c}`))))] : [];
  }),
);
