import { describe, expect, it } from 'vitest';
import { checkContext, savedReport } from '../../test/helpers/context';
import { yoyStock } from './yoy-stock';

const LABEL = '平潭综合实验区 2023年度报告';
const previous = (template: '2021' | '2019', inForce: number | null) => ({
  report: savedReport(template, { active: { normativeDocs: { issued: 30, repealed: 2, inForce } } }, 2023),
  label: LABEL,
});
const thisYear = (inForce: number) => ({ active: { normativeDocs: { issued: 62, repealed: 33, inForce } } });

describe('YOY-STOCK', () => {
  it("passes when last year's stock + issued − repealed is this year's", () => {
    expect(yoyStock.run(checkContext({ figures: thisYear(440), previous: previous('2021', 411) }))).toEqual([]);
  });

  it('notes a stock that does not follow from last year', () => {
    expect(yoyStock.run(checkContext({ figures: thisYear(450), previous: previous('2021', 411) }))).toEqual([{
      rule: 'YOY-STOCK',
      severity: 'info',
      message: '表二 行政规范性文件 · 现行有效件数：上年报告（平潭综合实验区 2023年度报告）现行有效 411 件，加本年制发 62 件、减本年废止 33 件，应为 440，表中填报 450。',
      messageEn: "Table 2, Normative documents · In force: last year's report (平潭综合实验区 2023年度报告) had 411 in force; plus 62 issued, minus 33 repealed makes 440; the table reads 450.",
      cells: ['active.normativeDocs.inForce', 'active.normativeDocs.issued', 'active.normativeDocs.repealed'],
      expected: 440,
      actual: 450,
      against: LABEL,
    }]);
  });

  it("reads last year's blank stock as 0", () => {
    expect(yoyStock.run(checkContext({ figures: thisYear(29), previous: previous('2021', null) }))).toEqual([]);
  });

  it('needs T2021 in both years and a snapshot', () => {
    expect(yoyStock.run(checkContext({ figures: thisYear(450), previous: previous('2019', 411) }))).toEqual([]);
    expect(yoyStock.run(checkContext({ figures: thisYear(450) }))).toEqual([]);
  });
});
