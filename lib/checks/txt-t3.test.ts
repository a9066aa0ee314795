import { describe, expect, it } from 'vitest';
import { checkContext } from '../../test/helpers/context';
import type { Extraction } from '../types';
import { txtT3 } from './txt-t3';

// Seed 000: 38 new, 1 carried over, 39 handled.
const TABLE = { 'requests.newReceived.total': 38, 'requests.carriedOver.total': 1, 'requests.totalProcessed.total': 39 };
const said = (value: number, text: string, kind: 'requests' | 'reviews' = 'requests'): Extraction['narrative'][number] => ({ kind, value, text });

describe('TXT-T3', () => {
  it('accepts a figure that is the new requests, new + carried over, or those handled', () => {
    for (const value of [38, 39]) {
      expect(txtT3.run(checkContext({ figures: TABLE, extraction: { narrative: [said(value, `办理信息公开申请${value}件`)] } }))).toEqual([]);
    }
    const handledOnly = { ...TABLE, 'requests.totalProcessed.total': 41 };
    expect(txtT3.run(checkContext({ figures: handledOnly, extraction: { narrative: [said(41, '办结41件')] } }))).toEqual([]);
  });

  it('warns when the text matches none of them', () => {
    const ctx = checkContext({ figures: TABLE, extraction: { narrative: [said(40, '共收到政府信息公开申请40件'), said(7, '行政复议7件', 'reviews')] } });
    expect(txtT3.run(ctx)).toEqual([{
      rule: 'TXT-T3',
      severity: 'warning',
      message: '正文称申请 40 件（“共收到政府信息公开申请40件”），与表三不符：本年新收 38 件，加上年结转共 39 件，办理结果总计 39 件。',
      messageEn: 'The text states 40 requests ("共收到政府信息公开申请40件"), which matches none of Table 3: 38 new, 39 including those carried over, 39 handled.',
      cells: ['requests.newReceived.total', 'requests.carriedOver.total', 'requests.totalProcessed.total'],
    }]);
  });

  it('compares with what the table has, blanks as 0', () => {
    const ctx = checkContext({ figures: { 'requests.newReceived.total': 5, 'requests.carriedOver.total': null }, extraction: { narrative: [said(6, '收到申请6件')] } });
    expect(txtT3.run(ctx)).toMatchObject([{ cells: ['requests.newReceived.total', 'requests.carriedOver.total'] }]);
    expect(txtT3.run(ctx)[0]!.message).toBe('正文称申请 6 件（“收到申请6件”），与表三不符：本年新收 5 件，加上年结转共 5 件。');
  });

  it('says nothing when 表三 was not found (seed 004)', () => {
    const ctx = checkContext({ extraction: { narrative: [said(1, '收到和受理政府信息公开申请1件')] } });
    expect(txtT3.run(ctx)).toEqual([]);
  });
});
