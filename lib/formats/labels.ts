// Display labels for every canonical key, in the national format's wording (zh) and in English.
// Used by finding messages, the panel's tables, the CLI and the exports. Matching variants live in
// the format tables beside this file; these are only how we *show* a row or column.
import type { TableId, TemplateId } from '../report/keys';

type Lang = 'zh' | 'en';
type Label = { zh: string; en: string };

/** A format's short name, as the CLI's lines and the summary sheet print it. */
export const TEMPLATE_LABELS: Record<TemplateId, Label> = {
  '2021': { zh: '2021版', en: 'T2021' },
  '2019': { zh: '2019版（试行）', en: 'T2019 (trial)' },
  legacy: { zh: '2019年前（无统一表格）', en: 'pre-2019 (no national tables)' },
  unknown: { zh: '格式不明', en: 'unknown format' },
};

export const TABLE_LABELS: Record<TableId, Label> = {
  active: { zh: '表二 主动公开政府信息情况', en: 'Table 2 — proactive disclosure' },
  requests: { zh: '表三 收到和处理政府信息公开申请情况', en: 'Table 3 — disclosure requests' },
  appeals: { zh: '表四 行政复议、行政诉讼情况', en: 'Table 4 — reviews and lawsuits' },
};

const ROWS: Record<string, Label> = {
  // 表二
  'active.rules': { zh: '规章', en: 'Rules' },
  'active.normativeDocs': { zh: '行政规范性文件', en: 'Normative documents' },
  'active.licensing': { zh: '行政许可', en: 'Administrative licensing' },
  'active.otherServices': { zh: '其他对外管理服务事项', en: 'Other public management services' },
  'active.penalty': { zh: '行政处罚', en: 'Administrative penalties' },
  'active.enforcement': { zh: '行政强制', en: 'Administrative enforcement' },
  'active.fees': { zh: '行政事业性收费', en: 'Administrative fees' },
  'active.procurement': { zh: '政府集中采购', en: 'Centralised procurement' },
  // 表三
  'requests.newReceived': { zh: '一、本年新收政府信息公开申请数量', en: 'I. New requests this year' },
  'requests.carriedOver': { zh: '二、上年结转政府信息公开申请数量', en: 'II. Carried over from last year' },
  'requests.granted': { zh: '（一）予以公开', en: '(1) Disclosed' },
  'requests.partlyGranted': { zh: '（二）部分公开', en: '(2) Partly disclosed' },
  'requests.denied.stateSecret': { zh: '（三）不予公开 1.属于国家秘密', en: '(3) Withheld 1. State secret' },
  'requests.denied.lawForbidden': { zh: '（三）不予公开 2.其他法律行政法规禁止公开', en: '(3) Withheld 2. Forbidden by other laws' },
  'requests.denied.threeSecurities': { zh: '（三）不予公开 3.危及“三安全一稳定”', en: '(3) Withheld 3. Endangers security or stability' },
  'requests.denied.thirdParty': { zh: '（三）不予公开 4.保护第三方合法权益', en: "(3) Withheld 4. Third parties' rights" },
  'requests.denied.internalAffairs': { zh: '（三）不予公开 5.属于三类内部事务信息', en: '(3) Withheld 5. Internal affairs' },
  'requests.denied.processInfo': { zh: '（三）不予公开 6.属于四类过程性信息', en: '(3) Withheld 6. Process information' },
  'requests.denied.enforcementFile': { zh: '（三）不予公开 7.属于行政执法案卷', en: '(3) Withheld 7. Enforcement files' },
  'requests.denied.inquiry': { zh: '（三）不予公开 8.属于行政查询事项', en: '(3) Withheld 8. Administrative inquiry' },
  'requests.unavailable.notHeld': { zh: '（四）无法提供 1.本机关不掌握相关政府信息', en: '(4) Unavailable 1. Not held' },
  'requests.unavailable.needsCreation': { zh: '（四）无法提供 2.没有现成信息需要另行制作', en: '(4) Unavailable 2. Would need creating' },
  'requests.unavailable.unclear': { zh: '（四）无法提供 3.补正后申请内容仍不明确', en: '(4) Unavailable 3. Still unclear' },
  'requests.notProcessed.petition': { zh: '（五）不予处理 1.信访举报投诉类申请', en: '(5) Not processed 1. Petitions and complaints' },
  'requests.notProcessed.repeated': { zh: '（五）不予处理 2.重复申请', en: '(5) Not processed 2. Repeated' },
  'requests.notProcessed.publication': { zh: '（五）不予处理 3.要求提供公开出版物', en: '(5) Not processed 3. Publications' },
  'requests.notProcessed.excessive': { zh: '（五）不予处理 4.无正当理由大量反复申请', en: '(5) Not processed 4. Excessive' },
  'requests.notProcessed.confirmation': { zh: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息', en: '(5) Not processed 5. Confirmation of held information' },
  'requests.otherHandling.overdueCorrection': { zh: '（六）其他处理 1.申请人无正当理由逾期不补正', en: '(6) Other 1. Correction overdue' },
  'requests.otherHandling.overdueFee': { zh: '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用', en: '(6) Other 2. Fee overdue' },
  'requests.otherHandling.other': { zh: '（六）其他处理 3.其他', en: '(6) Other 3. Other' },
  'requests.otherHandling.total': { zh: '（六）其他处理', en: '(6) Other handling' },
  'requests.totalProcessed': { zh: '（七）总计', en: '(7) Total handled' },
  'requests.carriedForward': { zh: '四、结转下年度继续办理', en: 'IV. Carried forward to next year' },
  // 表四
  'appeals.review': { zh: '行政复议', en: 'Administrative review' },
  'appeals.suitDirect': { zh: '行政诉讼 未经复议直接起诉', en: 'Lawsuit without prior review' },
  'appeals.suitAfterReview': { zh: '行政诉讼 复议后起诉', en: 'Lawsuit after review' },
};

const COLUMNS: Record<string, Label> = {
  // 表二
  issued: { zh: '本年制发件数', en: 'Issued this year' },
  repealed: { zh: '本年废止件数', en: 'Repealed this year' },
  inForce: { zh: '现行有效件数', en: 'In force' },
  decisions: { zh: '处理决定数量', en: 'Decisions' },
  amount: { zh: '金额', en: 'Amount' },
  made: { zh: '本年新制作数量', en: 'Made this year' },
  published: { zh: '本年新公开数量', en: 'Published this year' },
  totalPublic: { zh: '对外公开总数量', en: 'Total public' },
  previous: { zh: '上一年项目数量', en: 'Items last year' },
  change: { zh: '本年增/减', en: 'Change this year' },
  projects: { zh: '采购项目数量', en: 'Procurement projects' },
  // 表三
  natural: { zh: '自然人', en: 'Natural persons' },
  commercial: { zh: '商业企业', en: 'Businesses' },
  research: { zh: '科研机构', en: 'Research institutions' },
  nonprofit: { zh: '社会公益组织', en: 'Non-profits' },
  legal: { zh: '法律服务机构', en: 'Legal services' },
  // `other` and `total` exist in both 表三 and 表四 with the same wording in Chinese
  other: { zh: '其他', en: 'Other' },
  total: { zh: '总计', en: 'Total' },
  // 表四
  upheld: { zh: '结果维持', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  pending: { zh: '尚未审结', en: 'Pending' },
};
const APPEAL_OTHER: Label = { zh: '其他结果', en: 'Other outcome' };
const FEES_AMOUNT: Label = { zh: '本年收费金额（万元）', en: 'Fees this year (10k yuan)' };
const PROCUREMENT_AMOUNT: Label = { zh: '采购总金额', en: 'Procurement total' };

/** Row label of a key (`requests.denied.stateSecret.natural` → "（三）不予公开 1.属于国家秘密"). */
export function rowLabel(key: string, lang: Lang = 'zh'): string {
  const row = key.slice(0, key.lastIndexOf('.'));
  return (ROWS[row] ?? ROWS[key])?.[lang] ?? row;
}

/** Column label of a key (`requests.granted.natural` → "自然人"). */
export function columnLabel(key: string, lang: Lang = 'zh'): string {
  const col = key.slice(key.lastIndexOf('.') + 1);
  if (key.startsWith('appeals.') && col === 'other') return APPEAL_OTHER[lang];
  if (key === 'active.fees.amount') return FEES_AMOUNT[lang];
  if (key === 'active.procurement.amount') return PROCUREMENT_AMOUNT[lang];
  return COLUMNS[col]?.[lang] ?? col;
}

/** "（七）总计 · 自然人" — how a message names one cell. */
export function cellLabel(key: string, lang: Lang = 'zh'): string {
  return `${rowLabel(key, lang)} · ${columnLabel(key, lang)}`;
}
