// Finding messages, in Chinese (primary) and English, built from the display labels of
// lib/formats/labels.ts so the words match what the panel and the CLI show for the same cells.
import { cellLabel, columnLabel, TABLE_LABELS } from '../formats/labels';
import type { TableId, TemplateId } from '../report/keys';
import type { SectionId } from '../report/schema';
import type { Balance } from './figures';
import { decimalNumber, formatDecimal, plainDigits, type Decimal } from '../normalize/decimal';
import type { Issue } from './rule';

export interface Text {
  message: string;
  messageEn: string;
}
export type Label = { zh: string; en: string };

export const text = (zh: string, en: string): Text => ({ message: zh, messageEn: en });

/** "表三" / "Table 3": the table's number, as a message prefix. */
export function tableName(table: TableId): Label {
  const { zh, en } = TABLE_LABELS[table];
  return { zh: zh.split(' ')[0]!, en: en.split(' — ')[0]! };
}

/** "表三 （七）总计 · 自然人" / "Table 3, (7) Total handled · Natural persons". */
export function cellName(key: string): Label {
  const table = tableName(key.slice(0, key.indexOf('.')) as TableId);
  return { zh: `${table.zh} ${cellLabel(key)}`, en: `${table.en}, ${cellLabel(key, 'en')}` };
}

export const columnName = (key: string): Label => ({ zh: columnLabel(key), en: columnLabel(key, 'en') });

/** A figure or an exact sum for a message, in plain digits: "49", "1184.92", never "1e+21". */
export const num = (n: number | Decimal): string => (typeof n === 'number' ? plainDigits(n) : formatDecimal(n));

/** How the checked cell reads: "表中填报 46" / "表中留空". */
export function printed(value: number | null): Label {
  return value === null
    ? { zh: '表中留空', en: 'the table leaves it blank' }
    : { zh: `表中填报 ${num(value)}`, en: `the table reads ${num(value)}` };
}

/** Lists: "甲、乙、丙" / "a, b, c". */
export const list = (items: Label[]): Label => ({
  zh: items.map((i) => i.zh).join('、'),
  en: items.map((i) => i.en).join(', '),
});

export const SECTION_LABELS: Record<SectionId, Label> = {
  overview: { zh: '一、总体情况', en: 'I. Overview' },
  active: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure' },
  requests: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Disclosure requests received and handled' },
  appeals: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Administrative reviews and lawsuits' },
  problems: { zh: '五、存在的主要问题及改进情况', en: 'V. Main problems and improvements' },
  other: { zh: '六、其他需要报告的事项', en: 'VI. Other matters to report' },
};

export const TEMPLATE_LABELS: Record<TemplateId, Label> = {
  '2021': { zh: '2021年版格式（国办公开办函〔2021〕30号）', en: 'the 2021 format (国办公开办函〔2021〕30号)' },
  '2019': { zh: '2019年试行格式（国办公开办函〔2019〕60号）', en: 'the 2019 trial format (国办公开办函〔2019〕60号)' },
  legacy: { zh: '2019年以前的非统一格式', en: 'the pre-2019 free format' },
  unknown: { zh: '未能识别的格式', en: 'an unrecognised format' },
};

/**
 * A failed balance as a finding: its cells, what the checked cell should read, and what it reads.
 * `expected` is left out when no JSON number holds it exactly (the message states it in full).
 */
export function balanceIssue(b: Balance, t: Text): Issue {
  const expected = decimalNumber(b.expected);
  return expected === undefined ? { ...t, cells: b.cells, actual: b.actual } : { ...t, cells: b.cells, expected, actual: b.actual };
}

/** "表三 （七）总计 · 自然人：各项办理结果之和为 48，表中填报 46。" — `parts` names what was added up. */
export function sumIssue(b: Balance, parts: Label): Issue {
  const cell = cellName(b.cells[0]!);
  const shown = printed(b.actual);
  return balanceIssue(b, text(
    `${cell.zh}：${parts.zh}之和为 ${num(b.expected)}，${shown.zh}。`,
    `${cell.en}: ${parts.en} add up to ${num(b.expected)}; ${shown.en}.`,
  ));
}
