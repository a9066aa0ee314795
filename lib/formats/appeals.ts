// 表四 行政复议、行政诉讼 (spec §5): three groups of five columns, fifteen numbers in one row.
import type { ColumnFormat, RowFormat } from './types';

/** The header over both lawsuit groups. */
export const APPEAL_MARKERS: readonly string[] = ['行政诉讼'];

export const APPEAL_GROUP_FORMATS: readonly RowFormat[] = [
  { key: 'review', labels: ['行政复议'] },
  { key: 'suitDirect', labels: ['未经复议直接起诉'] },
  { key: 'suitAfterReview', labels: ['复议后起诉'] },
];

export const APPEAL_COLUMN_FORMATS: readonly ColumnFormat[] = [
  { key: 'upheld', labels: ['结果维持'], kind: 'count' },
  { key: 'corrected', labels: ['结果纠正'], kind: 'count' },
  // Seed 003 prints "驳回申请" (review) and "驳回起诉" (lawsuits) in this slot.
  { key: 'other', labels: ['其他结果', '其它结果', '驳回申请', '驳回起诉'], kind: 'count' },
  { key: 'pending', labels: ['尚未审结'], kind: 'count' },
  { key: 'total', labels: ['总计', '合计'], kind: 'count' },
];
