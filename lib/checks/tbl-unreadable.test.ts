import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import { tblUnreadable } from './tbl-unreadable';
import { tblMissing } from './tbl-missing';

describe('TBL-UNREADABLE', () => {
  it('names each unreadable table with its reason, and the whole document when no table is known', () => {
    const ctx = checkContext({
      extraction: {
        template: 'unknown',
        unreadable: [
          { table: 'active', reason: '数字粘连，无法确定各栏', reasonEn: 'figures run together, their columns cannot be told' },
          { table: null, reason: 'PDF 没有文字层（扫描件）', reasonEn: 'the PDF has no text layer (scanned pages)' },
        ],
      },
    });
    expect(tblUnreadable.run(ctx)).toEqual([
      {
        rule: 'TBL-UNREADABLE',
        severity: 'warning',
        message: '表二无法读取：数字粘连，无法确定各栏。其数字无法核对。',
        messageEn: 'Table 2 cannot be read: figures run together, their columns cannot be told. Its figures cannot be checked.',
        cells: ['active'],
      },
      {
        rule: 'TBL-UNREADABLE',
        severity: 'warning',
        message: '有表格无法读取：PDF 没有文字层（扫描件）。其数字无法核对。',
        messageEn: 'A table cannot be read: the PDF has no text layer (scanned pages). Its figures cannot be checked.',
        cells: [],
      },
    ]);
  });

  it('keeps TBL-MISSING from calling an unreadable table absent (and all tables, when the document is unreadable)', () => {
    const one = checkContext({ extraction: { template: 'unknown', unreadable: [{ table: 'active', reason: 'x', reasonEn: 'x' }] } });
    expect(tblMissing.run(one).map((f) => f.cells)).toEqual([['requests'], ['appeals']]);
    const all = checkContext({ extraction: { template: 'unknown', unreadable: [{ table: null, reason: 'x', reasonEn: 'x' }] } });
    expect(tblMissing.run(all)).toEqual([]);
  });
});
