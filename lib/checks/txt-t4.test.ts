import { describe, expect, it } from 'vitest';
import { appealGroup, checkContext } from '../../test/helpers/context';
import type { Extraction } from '../types';
import { txtT4 } from './txt-t4';

// Seed 003: review total 3, lawsuits 1 + 0.
const APPEALS = { appeals: { review: appealGroup(0, 1, 2, 0, 3), suitDirect: appealGroup(0, 1, 0, 0, 1), suitAfterReview: appealGroup(0, 0, 0, 0, 0) } };
const narrative = (...items: [Extraction['narrative'][number]['kind'], number, string][]) =>
  items.map(([kind, value, text]) => ({ kind, value, text }));

describe('TXT-T4', () => {
  it('accepts review and lawsuit counts that agree with 表四 (seed 003)', () => {
    const ctx = checkContext({ figures: APPEALS, extraction: { narrative: narrative(['reviews', 3, '行政复议3件'], ['suits', 1, '行政诉讼1起'], ['requests', 50, '申请50件']) } });
    expect(txtT4.run(ctx)).toEqual([]);
  });

  it('warns for a review count that differs', () => {
    const ctx = checkContext({ figures: APPEALS, extraction: { narrative: narrative(['reviews', 2, '被申请行政复议2件']) } });
    expect(txtT4.run(ctx)).toEqual([{
      rule: 'TXT-T4',
      severity: 'warning',
      message: '正文称行政复议 2 件（“被申请行政复议2件”），表四行政复议总计为 3。',
      messageEn: 'The text states 2 administrative reviews ("被申请行政复议2件"); Table 4 totals 3.',
      cells: ['appeals.review.total'],
    }]);
  });

  it('compares lawsuits with both lawsuit groups together', () => {
    const ctx = checkContext({ figures: APPEALS, extraction: { narrative: narrative(['suits', 2, '行政诉讼2起']) } });
    expect(txtT4.run(ctx)).toEqual([{
      rule: 'TXT-T4',
      severity: 'warning',
      message: '正文称行政诉讼 2 件（“行政诉讼2起”），表四行政诉讼总计为 1。',
      messageEn: 'The text states 2 lawsuits ("行政诉讼2起"); Table 4 totals 1.',
      cells: ['appeals.suitDirect.total', 'appeals.suitAfterReview.total'],
    }]);
  });

  it('says nothing when 表四 was not found', () => {
    const ctx = checkContext({ extraction: { narrative: narrative(['reviews', 2, '行政复议2件']) } });
    expect(txtT4.run(ctx)).toEqual([]);
  });
});
