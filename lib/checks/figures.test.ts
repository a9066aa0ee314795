// The sums of the rules are exact: beyond 2^53, beyond the doubles' range, with decimals. A
// finding never shows a rounded or infinite number, and the report it goes into still validates.
import { describe, expect, it } from 'vitest';
import { applicants, checkContext } from '../../test/helpers/context';
import { FindingSchema } from '../report/schema';
import { t3Row } from './t3-row';
import { t3Bal } from './t3-bal';
import { valBad } from './val-bad';

describe('exact sums in the rules', () => {
  it('states a sum beyond 2^53 in full and leaves out an expected no JSON number holds', () => {
    const ctx = checkContext({ figures: { requests: { newReceived: applicants(9007199254740991, 9007199254740990, 0, 0, 0, 0, 1) } } });
    const [finding] = t3Row.run(ctx);
    expect(finding!.message).toBe('表三 一、本年新收政府信息公开申请数量 · 总计：六类申请人（自然人至其他）之和为 18014398509481981，表中填报 1。');
    expect(finding).not.toHaveProperty('expected');
    expect(finding!.actual).toBe(1);
    expect(FindingSchema.parse(finding)).toEqual(finding);
  });

  it('adds figures near the doubles\' limit without Infinity (the old × 1e6 rounding overflowed above 1.8e302)', () => {
    const ctx = checkContext({ figures: { requests: { newReceived: applicants(1e303, 1e303, 0, 0, 0, 0, 1e303) } } });
    const [finding] = t3Row.run(ctx);
    expect(finding!.expected).toBe(2e303);
    expect(finding!.message).toContain(`之和为 2${'0'.repeat(303)}，表中填报 1${'0'.repeat(303)}。`);
    expect(FindingSchema.parse(finding)).toEqual(finding);
  });

  it('holds a balance whose sides are equal only in exact arithmetic', () => {
    // 2^53 − 1 + 2 ≠ 2^53 + 1 in doubles (both sides round to 2^53 + 2 or 2^53): exact, they balance.
    const ctx = checkContext({
      figures: { requests: { newReceived: { natural: 9007199254740991 }, carriedOver: { natural: 2 }, totalProcessed: { natural: 9007199254740992 }, carriedForward: { natural: 1 } } },
    });
    expect(t3Bal.run(ctx)).toEqual([]);
    const off = checkContext({
      figures: { requests: { newReceived: { natural: 9007199254740991 }, carriedOver: { natural: 2 }, totalProcessed: { natural: 9007199254740992 }, carriedForward: { natural: 0 } } },
    });
    expect(t3Bal.run(off).map((f) => f.message)).toEqual([
      '表三 （七）总计 · 自然人：一 + 二 = 9007199254740993，（七）总计 + 四 = 9007199254740992（9007199254740993 ≠ 9007199254740992）；（七）总计应为 9007199254740993，表中填报 9007199254740992。',
    ]);
  });
});

describe('VAL-BAD says why a cell reads as no number', () => {
  it('names two numbers in one cell', () => {
    const ctx = checkContext({ figures: { requests: { granted: { natural: '3\n5' } } } });
    expect(valBad.run(ctx).map((f) => [f.message, f.messageEn, f.actual])).toEqual([[
      '表三 （一）予以公开 · 自然人：“3 / 5”是一个单元格中的两个数字，无法读作一个数。',
      'Table 3, (1) Disclosed · Natural persons: "3 / 5" is two numbers in one cell, not one figure.',
      null,
    ]]);
  });

  it('names a number too long to be read exactly, quoting its start and length only', () => {
    const ctx = checkContext({ figures: { requests: { granted: { natural: '9'.repeat(400), legal: '9007199254740993' } } } });
    expect(valBad.run(ctx).map((f) => f.message)).toEqual([
      `表三 （一）予以公开 · 自然人：“${'9'.repeat(20)}…”（共 400 个字符）位数过多，无法精确读取。`,
      '表三 （一）予以公开 · 法律服务机构：“9007199254740993”位数过多，无法精确读取。',
    ]);
  });
});
