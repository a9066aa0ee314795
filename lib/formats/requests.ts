// 表三 收到和处理政府信息公开申请情况 (spec §4): the applicant columns, the rows and the groups of
// rows, every seen variant. A label ending in "…" matches any label that starts with it. Row
// numbers ("三、", "（一）", "1.") and a trailing bracketed remark are not part of a label.
import type { ColumnFormat, RequestGroupFormat, RowFormat } from './types';

/** Header cells that name no column but say "this is 表三". */
export const REQUEST_MARKERS: readonly string[] = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '本列数据的勾稽关系…',
  '申请人情况',
  // The header over the five organisation columns; alone over a column it is a subtotal, ignored.
  '法人或其他组织',
  // "三、本年度办理结果": the row over （一）–（七）, no figures of its own.
  '本年度办理结果',
];

export const REQUEST_COLUMNS: readonly ColumnFormat[] = [
  { key: 'natural', labels: ['自然人'], kind: 'count' },
  { key: 'commercial', labels: ['商业企业'], kind: 'count' },
  { key: 'research', labels: ['科研机构'], kind: 'count' },
  { key: 'nonprofit', labels: ['社会公益组织'], kind: 'count' },
  { key: 'legal', labels: ['法律服务机构'], kind: 'count' },
  { key: 'other', labels: ['其他', '其它'], kind: 'count' },
  { key: 'total', labels: ['总计', '合计'], kind: 'count' },
];

/** The rare 法人或其他组织 subtotal column: accepted and ignored (the sums use the five parts). */
export const REQUEST_SUBTOTAL_LABELS: readonly string[] = ['小计', '法人或其他组织小计', '法人或其他组织合计'];

export const REQUEST_ROWS: readonly RowFormat[] = [
  { key: 'newReceived', labels: ['一、本年新收政府信息公开申请数量'] },
  { key: 'carriedOver', labels: ['二、上年结转政府信息公开申请数量'] },
  { key: 'granted', labels: ['（一）予以公开'] },
  { key: 'partlyGranted', labels: ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'] },
  { key: 'totalProcessed', labels: ['（七）总计', '（七）合计'] },
  { key: 'carriedForward', labels: ['四、结转下年度继续办理'] },
];

export const REQUEST_GROUPS: readonly RequestGroupFormat[] = [
  {
    key: 'denied',
    labels: ['（三）不予公开'],
    items: [
      { key: 'stateSecret', labels: ['1.属于国家秘密'] },
      { key: 'lawForbidden', labels: ['2.其他法律行政法规禁止公开', '2.其他法律和行政法规禁止公开'] },
      { key: 'threeSecurities', labels: ['3.危及“三安全一稳定”'] },
      { key: 'thirdParty', labels: ['4.保护第三方合法权益'] },
      { key: 'internalAffairs', labels: ['5.属于三类内部事务信息'] },
      { key: 'processInfo', labels: ['6.属于四类过程性信息'] },
      { key: 'enforcementFile', labels: ['7.属于行政执法案卷'] },
      { key: 'inquiry', labels: ['8.属于行政查询事项'] },
    ],
  },
  {
    key: 'unavailable',
    labels: ['（四）无法提供'],
    items: [
      { key: 'notHeld', labels: ['1.本机关不掌握相关政府信息'] },
      { key: 'needsCreation', labels: ['2.没有现成信息需要另行制作'] },
      // T2019 wording (seed 003): "3.申请内容不明确".
      { key: 'unclear', labels: ['3.补正后申请内容仍不明确', '3.申请内容不明确'] },
    ],
  },
  {
    key: 'notProcessed',
    labels: ['（五）不予处理'],
    items: [
      { key: 'petition', labels: ['1.信访举报投诉类申请'] },
      { key: 'repeated', labels: ['2.重复申请'] },
      { key: 'publication', labels: ['3.要求提供公开出版物'] },
      { key: 'excessive', labels: ['4.无正当理由大量反复申请'] },
      { key: 'confirmation', labels: ['5.要求行政机关确认或重新出具已获取信息'] },
    ],
  },
  {
    key: 'otherHandling',
    labels: ['（六）其他处理'],
    asRow: 'total',
    items: [
      { key: 'overdueCorrection', labels: ['1.申请人无正当理由逾期不补正…'] },
      { key: 'overdueFee', labels: ['2.申请人逾期未按收费通知要求缴纳费用…'] },
      { key: 'other', labels: ['3.其他', '3.其它'] },
    ],
  },
];
