import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import { t2Stock } from './t2-stock';

const stock = (issued: number | null, repealed: number | null, inForce: number | null) => ({ issued, repealed, inForce });

describe('T2-STOCK', () => {
  it('passes when at least the documents issued and kept this year are in force', () => {
    const ctx = checkContext({ figures: { active: { rules: stock(0, 0, 0), normativeDocs: stock(4, 3, 109) } } });
    expect(t2Stock.run(ctx)).toEqual([]);
    expect(t2Stock.run(checkContext({ figures: { active: { normativeDocs: stock(2, 1, 1) } } }))).toEqual([]);
  });

  it('warns when fewer are in force than were issued and kept (seed 001: 2 issued, 1 repealed, 0 in force)', () => {
    const ctx = checkContext({ figures: { active: { rules: stock(0, 0, 0), normativeDocs: stock(2, 1, 0) } } });
    expect(t2Stock.run(ctx)).toEqual([{
      rule: 'T2-STOCK',
      severity: 'warning',
      message: '表二 行政规范性文件 · 现行有效件数：本年制发 2 件、废止 1 件，现行有效件数至少应为 1，表中填报 0。',
      messageEn: 'Table 2, Normative documents · In force: 2 issued and 1 repealed this year, so at least 1 must be in force; the table reads 0.',
      cells: ['active.normativeDocs.inForce', 'active.normativeDocs.issued', 'active.normativeDocs.repealed'],
      expected: 1,
      actual: 0,
    }]);
  });

  it('reads a blank in-force count as 0', () => {
    const ctx = checkContext({ figures: { active: { rules: stock(3, null, null) } } });
    expect(t2Stock.run(ctx)).toMatchObject([{ cells: ['active.rules.inForce', 'active.rules.issued', 'active.rules.repealed'], expected: 3, actual: null }]);
  });
});
