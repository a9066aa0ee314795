import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import { valBad } from './val-bad';

describe('VAL-BAD', () => {
  it('accepts counts, a signed T2019 本年增/减 and decimal money amounts', () => {
    const ctx = checkContext({
      template: '2019',
      figures: { active: { licensing: { previous: 20, change: -18, decisions: 0 }, procurement: { projects: 11, amount: 297.17 }, fees: { previous: 0, change: 0 } } },
    });
    expect(valBad.run(ctx)).toEqual([]);
    expect(valBad.run(checkContext({ figures: { active: { fees: { amount: 1184.92 } } } }))).toEqual([]);
  });

  it('flags an unreadable cell', () => {
    const ctx = checkContext({ figures: { requests: { granted: { natural: '3件（含2件）' } } } });
    expect(valBad.run(ctx)).toEqual([{
      rule: 'VAL-BAD',
      severity: 'error',
      message: '表三 （一）予以公开 · 自然人：“3件（含2件）”无法读作数字。',
      messageEn: 'Table 3, (1) Disclosed · Natural persons: "3件（含2件）" cannot be read as a number.',
      cells: ['requests.granted.natural'],
      actual: null,
    }]);
  });

  it('flags negative and fractional counts, one finding per cell in table order', () => {
    const ctx = checkContext({
      figures: { appeals: { review: { upheld: 1.5 } }, requests: { newReceived: { total: -2 } }, active: { normativeDocs: { issued: 2, repealed: -1 } } },
    });
    expect(valBad.run(ctx)).toEqual([
      {
        rule: 'VAL-BAD',
        severity: 'error',
        message: '表二 行政规范性文件 · 本年废止件数：填报 -1，数量不能为负。',
        messageEn: 'Table 2, Normative documents · Repealed this year: reads -1; a count cannot be negative.',
        cells: ['active.normativeDocs.repealed'],
        actual: -1,
      },
      {
        rule: 'VAL-BAD',
        severity: 'error',
        message: '表三 一、本年新收政府信息公开申请数量 · 总计：填报 -2，数量不能为负。',
        messageEn: 'Table 3, I. New requests this year · Total: reads -2; a count cannot be negative.',
        cells: ['requests.newReceived.total'],
        actual: -2,
      },
      {
        rule: 'VAL-BAD',
        severity: 'error',
        message: '表四 行政复议 · 结果维持：填报 1.5，件数应为整数。',
        messageEn: 'Table 4, Administrative review · Upheld: reads 1.5; a count must be a whole number.',
        cells: ['appeals.review.upheld'],
        actual: 1.5,
      },
    ]);
  });

  it('does not take a blank for a bad cell', () => {
    expect(valBad.run(checkContext({ figures: { requests: { granted: { natural: null } } } }))).toEqual([]);
  });
});
