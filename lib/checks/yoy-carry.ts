// YOY-CARRY: this year's 二、上年结转 must equal last year's 四、结转下年度继续办理 (same agency,
// from a saved snapshot), per column where both reports print a number.
import { APPLICANT_COLUMNS } from '../report/keys';
import { reportValue, termAt } from './figures';
import { cellName, num, text } from './message';
import { defineRule, NATIONAL } from './rule';

export const yoyCarry = defineRule('YOY-CARRY', 'warning', NATIONAL, ({ extraction: { figures }, previous }) => {
  if (!previous) return [];
  return APPLICANT_COLUMNS.flatMap((column) => {
    const key = `requests.carriedOver.${column}`;
    const now = termAt(figures, key);
    const before = reportValue(previous.report, `requests.carriedForward.${column}`);
    if (!now || now.bad || now.value === null || before === undefined || before === null || now.value === before) return [];
    const cell = cellName(key);
    return [{
      ...text(
        `${cell.zh}：表中填报 ${num(now.value)}，而上年报告（${previous.label}）四、结转下年度继续办理为 ${num(before)}。`,
        `${cell.en}: reads ${num(now.value)}, but last year's report (${previous.label}) carried forward ${num(before)}.`,
      ),
      cells: [key],
      expected: before,
      actual: now.value,
      against: previous.label,
    }];
  });
});
