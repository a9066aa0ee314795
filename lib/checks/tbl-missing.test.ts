import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import { tblMissing } from './tbl-missing';

describe('TBL-MISSING', () => {
  it('warns for each of 二/三/四 whose heading is there but whose table is not (seed 004: tables as images)', () => {
    const ctx = checkContext({ extraction: { template: 'unknown' } });
    const findings = tblMissing.run(ctx);
    expect(findings.map((f) => [f.rule, f.severity, f.cells])).toEqual([
      ['TBL-MISSING', 'warning', ['active']],
      ['TBL-MISSING', 'warning', ['requests']],
      ['TBL-MISSING', 'warning', ['appeals']],
    ]);
    expect(findings[1]).toEqual({
      rule: 'TBL-MISSING',
      severity: 'warning',
      message: '有“三、收到和处理政府信息公开申请情况”标题，但页面上没有找到表三（可能以图片或附件发布），其数字无法核对。',
      messageEn: 'Section "III. Disclosure requests received and handled" is present but Table 3 is not on the page (perhaps an image or an attachment); its figures cannot be checked.',
      cells: ['requests'],
    });
  });

  it('says nothing for a table that was found, or whose section is absent too', () => {
    const ctx = checkContext({
      figures: { requests: { granted: { natural: 1 } } },
      extraction: { sections: new Set(['overview', 'requests', 'appeals', 'problems', 'other']) },
    });
    expect(tblMissing.run(ctx).map((f) => f.cells)).toEqual([['appeals']]);
  });
});
