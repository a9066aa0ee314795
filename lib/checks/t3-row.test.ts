import { describe, expect, it } from 'vitest';
import { applicants, checkContext } from '../../test/helpers/context';
import { t3Row } from './t3-row';

const parts = (row: string) => ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'].map((c) => `requests.${row}.${c}`);

describe('T3-ROW', () => {
  it('passes rows whose total is the sum of the six applicant columns', () => {
    const ctx = checkContext({ figures: { requests: { newReceived: applicants(3, 3, 0, 0, 0, 0, 6), granted: applicants(7, 0, 0, 0, 0, 0, 7) } } });
    expect(t3Row.run(ctx)).toEqual([]);
  });

  it('flags a row whose total differs (seed 003: 49+42+3+0+0+4 = 98, printed 49)', () => {
    const ctx = checkContext({ template: '2019', figures: { requests: { newReceived: applicants(49, 42, 3, 0, 0, 4, 49) } } });
    expect(t3Row.run(ctx)).toEqual([{
      rule: 'T3-ROW',
      severity: 'error',
      message: '表三 一、本年新收政府信息公开申请数量 · 总计：六类申请人（自然人至其他）之和为 98，表中填报 49。',
      messageEn: 'Table 3, I. New requests this year · Total: the six applicant columns add up to 98; the table reads 49.',
      cells: ['requests.newReceived.total', ...parts('newReceived')],
      expected: 98,
      actual: 49,
    }]);
  });

  it('gives one finding per failing row, in table order', () => {
    const ctx = checkContext({
      figures: {
        requests: {
          totalProcessed: applicants(46, 1, 0, 0, 0, 2, 49),
          newReceived: applicants(1, 0, 0, 0, 0, 0, 2),
          granted: applicants(1, 0, 0, 0, 0, 0, 1),
          denied: { stateSecret: applicants(0, 0, 0, 0, 0, 0, 1) },
        },
      },
    });
    // totalProcessed (46+1+2 = 49) and granted hold; the map was filled out of table order.
    expect(t3Row.run(ctx).map((f) => [f.cells[0], f.expected, f.actual])).toEqual([
      ['requests.newReceived.total', 1, 2],
      ['requests.denied.stateSecret.total', 0, 1],
    ]);
  });

  it('reads a blank as 0 and reports a blank total as blank', () => {
    const blankPart = checkContext({ figures: { requests: { granted: applicants(2, null, 0, 0, 0, 1, 3) } } });
    expect(t3Row.run(blankPart)).toEqual([]);

    const blankTotal = checkContext({ figures: { requests: { granted: applicants(2, 0, 0, 0, 0, 1, null) } } });
    const [finding] = t3Row.run(blankTotal);
    expect(finding).toMatchObject({ cells: ['requests.granted.total', ...parts('granted')], expected: 3, actual: null });
    expect(finding!.message).toBe('表三 （一）予以公开 · 总计：六类申请人（自然人至其他）之和为 3，表中留空。');
    expect(finding!.messageEn).toBe('Table 3, (1) Disclosed · Total: the six applicant columns add up to 3; the table leaves it blank.');
  });

  it('skips columns the page does not have, and names only the cells it has', () => {
    const ctx = checkContext({ figures: { requests: { granted: { natural: 2, commercial: 1, total: 4 }, partlyGranted: { natural: 2, total: 2 } } } });
    expect(t3Row.run(ctx)).toMatchObject([
      { cells: ['requests.granted.total', 'requests.granted.natural', 'requests.granted.commercial'], expected: 3, actual: 4 },
    ]);
  });

  it('does not check a row with an unreadable cell, nor a total without any part', () => {
    const ctx = checkContext({ figures: { requests: { granted: applicants(2, 'x', 0, 0, 0, 0, 9), carriedForward: { total: 5 } } } });
    expect(t3Row.run(ctx)).toEqual([]);
  });
});
