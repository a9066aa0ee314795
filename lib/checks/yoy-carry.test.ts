import { describe, expect, it } from 'vitest';
import { applicants, checkContext, savedReport } from '../../test/helpers/context';
import { yoyCarry } from './yoy-carry';

const LABEL = '某某市某某局 2022年度报告（2023-01-20 保存）';
const lastYear = savedReport('2021', { requests: { carriedForward: applicants(3, 0, 0, null, 0, 0, 3) } }, 2022);

describe('YOY-CARRY', () => {
  it("passes when this year's 上年结转 is last year's 结转下年度", () => {
    const ctx = checkContext({ figures: { requests: { carriedOver: applicants(3, 0, 0, 0, 0, 0, 3) } }, previous: { report: lastYear, label: LABEL } });
    expect(yoyCarry.run(ctx)).toEqual([]);
  });

  it('warns per column that differs, where both reports print a number', () => {
    const ctx = checkContext({ figures: { requests: { carriedOver: applicants(5, 0, 0, 2, 0, null, 5) } }, previous: { report: lastYear, label: LABEL } });
    expect(yoyCarry.run(ctx)).toEqual([
      {
        rule: 'YOY-CARRY',
        severity: 'warning',
        message: '表三 二、上年结转政府信息公开申请数量 · 自然人：表中填报 5，而上年报告（某某市某某局 2022年度报告（2023-01-20 保存））四、结转下年度继续办理为 3。',
        messageEn: "Table 3, II. Carried over from last year · Natural persons: reads 5, but last year's report (某某市某某局 2022年度报告（2023-01-20 保存）) carried forward 3.",
        cells: ['requests.carriedOver.natural'],
        expected: 3,
        actual: 5,
        against: LABEL,
      },
      {
        rule: 'YOY-CARRY',
        severity: 'warning',
        message: '表三 二、上年结转政府信息公开申请数量 · 总计：表中填报 5，而上年报告（某某市某某局 2022年度报告（2023-01-20 保存））四、结转下年度继续办理为 3。',
        messageEn: "Table 3, II. Carried over from last year · Total: reads 5, but last year's report (某某市某某局 2022年度报告（2023-01-20 保存）) carried forward 3.",
        cells: ['requests.carriedOver.total'],
        expected: 3,
        actual: 5,
        against: LABEL,
      },
    ]);
  });

  it('says nothing without a saved report of last year', () => {
    expect(yoyCarry.run(checkContext({ figures: { requests: { carriedOver: applicants(5, 0, 0, 0, 0, 0, 5) } } }))).toEqual([]);
  });
});
