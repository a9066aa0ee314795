import { describe, expect, it } from 'vitest';
import { appealGroup, checkContext } from '../../test/helpers/context';
import { t4Sum } from './t4-sum';

const parts = (g: string) => ['upheld', 'corrected', 'other', 'pending'].map((c) => `appeals.${g}.${c}`);

describe('T4-SUM', () => {
  it('passes groups whose 总计 is the sum of their four outcomes (seed 003)', () => {
    const ctx = checkContext({ template: '2019', figures: { appeals: { review: appealGroup(0, 1, 2, 0, 3), suitDirect: appealGroup(0, 1, 0, 0, 1), suitAfterReview: appealGroup(0, 0, 0, 0, 0) } } });
    expect(t4Sum.run(ctx)).toEqual([]);
  });

  it('flags each group that does not add up', () => {
    const ctx = checkContext({ figures: { appeals: { review: appealGroup(0, 1, 2, 0, 4), suitDirect: appealGroup(0, 1, 0, 0, 1), suitAfterReview: appealGroup(13, 2, 4, 0, null) } } });
    expect(t4Sum.run(ctx)).toEqual([
      {
        rule: 'T4-SUM',
        severity: 'error',
        message: '表四 行政复议 · 总计：结果维持、结果纠正、其他结果、尚未审结之和为 3，表中填报 4。',
        messageEn: 'Table 4, Administrative review · Total: Upheld, Corrected, Other outcome, Pending add up to 3; the table reads 4.',
        cells: ['appeals.review.total', ...parts('review')],
        expected: 3,
        actual: 4,
      },
      {
        rule: 'T4-SUM',
        severity: 'error',
        message: '表四 行政诉讼 复议后起诉 · 总计：结果维持、结果纠正、其他结果、尚未审结之和为 19，表中留空。',
        messageEn: 'Table 4, Lawsuit after review · Total: Upheld, Corrected, Other outcome, Pending add up to 19; the table leaves it blank.',
        cells: ['appeals.suitAfterReview.total', ...parts('suitAfterReview')],
        expected: 19,
        actual: null,
      },
    ]);
  });
});
