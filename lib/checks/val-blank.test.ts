import { describe, expect, it } from 'vitest';
import { appealGroup, applicants, checkContext, type Figures } from '../../test/helpers/context';
import { figureKeys } from '../report/keys';
import { valBlank } from './val-blank';

describe('VAL-BLANK', () => {
  it('says nothing when every cell holds a number', () => {
    const ctx = checkContext({ figures: { requests: { granted: applicants(1, 0, 0, 0, 0, 0, 1) }, appeals: { review: appealGroup(0, 0, 0, 0, 0) } } });
    expect(valBlank.run(ctx)).toEqual([]);
  });

  it('gives one finding for a table whose 法人 columns are blank in every row (shuyang-fgj-2023: 125 cells)', () => {
    const legalPersons = ['commercial', 'research', 'nonprofit', 'legal', 'other'];
    const requestKeys = figureKeys('2021').filter((k) => k.startsWith('requests.'));
    const blank = requestKeys.filter((k) => legalPersons.some((c) => k.endsWith(`.${c}`)));
    // Written out of table order on purpose: the finding lists the cells as the table does.
    const figures: Figures = Object.fromEntries([...requestKeys].reverse().map((k) => [k, blank.includes(k) ? null : 1]));
    const findings = valBlank.run(checkContext({ figures }));
    expect(findings).toEqual([{
      rule: 'VAL-BLANK',
      severity: 'warning',
      message: '表三 收到和处理政府信息公开申请情况有 125 个单元格留空：商业企业、科研机构、社会公益组织、法律服务机构、其他（25 行）。核对时按 0 计。',
      messageEn: 'Table 3 — disclosure requests has 125 blank cells: Businesses, Research institutions, Non-profits, Legal services, Other (25 rows). The checks read them as 0.',
      cells: blank,
    }]);
    expect(blank).toHaveLength(125);
  });

  it('names a few rows, says 整行 for a row left wholly blank, one finding per table in table order', () => {
    const ctx = checkContext({
      figures: {
        appeals: { review: appealGroup(0, 0, 0, null, 0), suitDirect: appealGroup(0, 0, 0, null, 0) },
        active: { rules: { issued: null, repealed: null, inForce: null }, normativeDocs: { issued: 1, repealed: '?', inForce: 3 } },
      },
    });
    expect(valBlank.run(ctx)).toEqual([
      {
        rule: 'VAL-BLANK',
        severity: 'warning',
        message: '表二 主动公开政府信息情况有 3 个单元格留空：规章：整行。核对时按 0 计。',
        messageEn: 'Table 2 — proactive disclosure has 3 blank cells: Rules: the whole row. The checks read them as 0.',
        cells: ['active.rules.issued', 'active.rules.repealed', 'active.rules.inForce'],
      },
      {
        rule: 'VAL-BLANK',
        severity: 'warning',
        message: '表四 行政复议、行政诉讼情况有 2 个单元格留空：行政复议、行政诉讼 未经复议直接起诉：尚未审结。核对时按 0 计。',
        messageEn: 'Table 4 — reviews and lawsuits has 2 blank cells: Administrative review, Lawsuit without prior review: Pending. The checks read them as 0.',
        cells: ['appeals.review.pending', 'appeals.suitDirect.pending'],
      },
    ]);
  });

  it('tells rows with different blank columns apart', () => {
    const ctx = checkContext({ figures: { requests: { granted: applicants(1, null, 0, 0, 0, 0, 1), partlyGranted: applicants(null, 0, 0, 0, 0, 0, null) } } });
    expect(valBlank.run(ctx)[0]!.message).toBe(
      '表三 收到和处理政府信息公开申请情况有 3 个单元格留空：（一）予以公开：商业企业；（二）部分公开：自然人、总计。核对时按 0 计。',
    );
  });
});
