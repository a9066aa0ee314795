import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import type { Recognition } from '../types';
import { dateLate } from './date-late';

const published = (recognition: Partial<Recognition>) => dateLate.run(checkContext({ recognition }));

describe('DATE-LATE', () => {
  it('notes a department report published after 31 January of Y+1', () => {
    expect(published({ year: 2023, agencyKind: 'department', publishedAt: '2024-02-01' })).toEqual([{
      rule: 'DATE-LATE',
      severity: 'info',
      message: '发布日期 2024-02-01 晚于公布期限 2024-01-31（政府部门应于次年1月31日前公布年度报告）。',
      messageEn: 'Published 2024-02-01, after the deadline 2024-01-31 (a government department publishes its report by 31 January of the following year).',
      cells: [],
    }]);
    expect(published({ year: 2023, agencyKind: 'department', publishedAt: '2024-01-31' })).toEqual([]);
  });

  it("gives a whole government's report until 31 March (pingtan-2024: 10 March is in time)", () => {
    expect(published({ year: 2024, agencyKind: 'government', publishedAt: '2025-03-10' })).toEqual([]);
    expect(published({ year: 2024, agencyKind: 'government', publishedAt: '2025-04-01' })[0]!.message).toBe(
      '发布日期 2025-04-01 晚于公布期限 2025-03-31（本级政府的年度报告应于次年3月31日前公布）。',
    );
  });

  it('applies the old 条例 (31 March for everyone) before 2019', () => {
    expect(published({ year: 2018, template: 'legacy', agencyKind: 'department', publishedAt: '2019-03-30' })).toEqual([]);
    expect(published({ year: 2018, template: 'legacy', agencyKind: null, publishedAt: '2019-04-02' })[0]!.messageEn).toBe(
      'Published 2019-04-02, after the deadline 2019-03-31 (before 2019 every body had until 31 March of the following year).',
    );
  });

  it('says nothing unless both dates are known', () => {
    expect(published({ year: 2023, agencyKind: 'department', publishedAt: null })).toEqual([]);
    expect(published({ year: 2023, agencyKind: null, publishedAt: '2024-06-01' })).toEqual([]);
    expect(published({ year: null, agencyKind: 'department', publishedAt: '2024-06-01' })).toEqual([]);
  });
});
