import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import { secMissing } from './sec-missing';

describe('SEC-MISSING', () => {
  it('says nothing when all six sections are there', () => {
    expect(secMissing.run(checkContext())).toEqual([]);
  });

  it('warns once per absent section, naming it', () => {
    const ctx = checkContext({ extraction: { sections: new Set(['overview', 'active', 'requests', 'appeals']) } });
    expect(secMissing.run(ctx)).toEqual([
      {
        rule: 'SEC-MISSING',
        severity: 'warning',
        message: '报告中没有找到“五、存在的主要问题及改进情况”部分。',
        messageEn: 'The report has no section "V. Main problems and improvements".',
        cells: [],
        section: 'problems',
      },
      {
        rule: 'SEC-MISSING',
        severity: 'warning',
        message: '报告中没有找到“六、其他需要报告的事项”部分。',
        messageEn: 'The report has no section "VI. Other matters to report".',
        cells: [],
        section: 'other',
      },
    ]);
  });
});
