import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import { t3Sum } from './t3-sum';

// One column at a time: the other columns are absent, so the rule skips them.
const naturalColumn = (rows: Record<string, number | null | string>) =>
  Object.fromEntries(Object.entries(rows).map(([row, v]) => [`requests.${row}.natural`, v]));

// Seed 003 (T2019, 自然人): the results add up to 48, （七）总计 reads 46.
const SEED_003_NATURAL = {
  granted: 38, partlyGranted: 2, 'denied.enforcementFile': 1, 'unavailable.notHeld': 2,
  'unavailable.needsCreation': 2, 'unavailable.unclear': 1, 'notProcessed.repeated': 1, 'otherHandling.total': 1,
};

describe('T3-SUM', () => {
  it('flags a column whose （七）总计 is not the sum of （一）–（六） (seed 003, T2019 single （六） row)', () => {
    const ctx = checkContext({ template: '2019', figures: naturalColumn({ ...SEED_003_NATURAL, totalProcessed: 46 }) });
    expect(t3Sum.run(ctx)).toEqual([{
      rule: 'T3-SUM',
      severity: 'error',
      message: '表三 （七）总计 · 自然人：各项办理结果之和为 48，表中填报 46。',
      messageEn: 'Table 3, (7) Total handled · Natural persons: the results (1)–(6) add up to 48; the table reads 46.',
      cells: ['requests.totalProcessed.natural', ...Object.keys(SEED_003_NATURAL).map((r) => `requests.${r}.natural`)],
      expected: 48,
      actual: 46,
    }]);
  });

  it('passes a column that adds up', () => {
    const ctx = checkContext({ template: '2019', figures: naturalColumn({ ...SEED_003_NATURAL, totalProcessed: 48 }) });
    expect(t3Sum.run(ctx)).toEqual([]);
  });

  it('adds the three T2021 （六） sub-rows, and ignores a single （六） row beside them', () => {
    const rows = { granted: 5, 'otherHandling.overdueCorrection': 1, 'otherHandling.overdueFee': 2, 'otherHandling.other': null, 'otherHandling.total': 3 };
    expect(t3Sum.run(checkContext({ figures: naturalColumn({ ...rows, totalProcessed: 8 }) }))).toEqual([]);
    const [finding] = t3Sum.run(checkContext({ figures: naturalColumn({ ...rows, totalProcessed: 11 }) }));
    expect(finding).toMatchObject({
      cells: ['requests.totalProcessed.natural', 'requests.granted.natural', 'requests.otherHandling.overdueCorrection.natural',
        'requests.otherHandling.overdueFee.natural', 'requests.otherHandling.other.natural'],
      expected: 8,
      actual: 11,
    });
  });

  it('checks every column, totals included, in column order', () => {
    const ctx = checkContext({
      figures: {
        'requests.granted.commercial': 2, 'requests.totalProcessed.commercial': 1,
        'requests.granted.total': 4, 'requests.totalProcessed.total': 4,
        'requests.granted.natural': 2, 'requests.totalProcessed.natural': 3,
      },
    });
    expect(t3Sum.run(ctx).map((f) => [f.cells[0], f.expected, f.actual])).toEqual([
      ['requests.totalProcessed.natural', 2, 3],
      ['requests.totalProcessed.commercial', 2, 1],
    ]);
  });

  it('does not check a column with an unreadable cell', () => {
    const ctx = checkContext({ figures: naturalColumn({ granted: '3件?', totalProcessed: 1 }) });
    expect(t3Sum.run(ctx)).toEqual([]);
  });
});
