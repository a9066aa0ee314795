import { describe, expect, it } from 'vitest';
import { applicants, checkContext } from '../../test/helpers/context';
import { t3Bal } from './t3-bal';

describe('T3-BAL', () => {
  it('passes columns where 一 + 二 = （七）总计 + 四', () => {
    const ctx = checkContext({
      figures: {
        requests: {
          newReceived: applicants(10, 1, 3, 0, 24, 0, 38),
          carriedOver: applicants(1, 0, 0, 0, 0, 0, 1),
          totalProcessed: applicants(11, 1, 3, 0, 22, 0, 37),
          carriedForward: applicants(0, 0, 0, 0, 2, 0, 2),
        },
      },
    });
    expect(t3Bal.run(ctx)).toEqual([]);
  });

  it('flags a column that does not balance, showing both sides (seed 003 自然人: 54 ≠ 46)', () => {
    const ctx = checkContext({
      template: '2019',
      figures: { 'requests.newReceived.natural': 49, 'requests.carriedOver.natural': 5, 'requests.totalProcessed.natural': 46, 'requests.carriedForward.natural': 0 },
    });
    expect(t3Bal.run(ctx)).toEqual([{
      rule: 'T3-BAL',
      severity: 'error',
      message: '表三 （七）总计 · 自然人：一 + 二 = 54，（七）总计 + 四 = 46（54 ≠ 46）；（七）总计应为 54，表中填报 46。',
      messageEn: 'Table 3, (7) Total handled · Natural persons: I + II = 54 but (7) + IV = 46 (54 ≠ 46); (7) would have to read 54; the table reads 46.',
      cells: ['requests.totalProcessed.natural', 'requests.newReceived.natural', 'requests.carriedOver.natural', 'requests.carriedForward.natural'],
      expected: 54,
      actual: 46,
    }]);
  });

  it('subtracts what is carried forward from what （七）总计 should read', () => {
    const ctx = checkContext({
      figures: { 'requests.newReceived.total': 10, 'requests.carriedOver.total': 2, 'requests.totalProcessed.total': 9, 'requests.carriedForward.total': 2 },
    });
    const [finding] = t3Bal.run(ctx);
    expect(finding).toMatchObject({ cells: ['requests.totalProcessed.total', 'requests.newReceived.total', 'requests.carriedOver.total', 'requests.carriedForward.total'], expected: 10, actual: 9 });
    expect(finding!.message).toBe('表三 （七）总计 · 总计：一 + 二 = 12，（七）总计 + 四 = 11（12 ≠ 11）；（七）总计应为 10，表中填报 9。');
  });

  it('reads blanks as 0 and skips rows the page does not have', () => {
    const ctx = checkContext({ figures: { 'requests.newReceived.legal': 4, 'requests.carriedOver.legal': null, 'requests.totalProcessed.legal': 4 } });
    expect(t3Bal.run(ctx)).toEqual([]);
    const blankTotal = checkContext({ figures: { 'requests.newReceived.legal': 4, 'requests.totalProcessed.legal': null } });
    expect(t3Bal.run(blankTotal)).toMatchObject([{ cells: ['requests.totalProcessed.legal', 'requests.newReceived.legal'], expected: 4, actual: null }]);
  });
});
