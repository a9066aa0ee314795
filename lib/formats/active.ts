// 表二 主动公开政府信息情况 (spec §3), per template: blocks captioned "第二十条第（N）项", each
// with its column headers and its rows. Columns say what their cells hold (counts, signed
// changes, money) so checks know what a valid figure is.
import type { ActiveBlockFormat } from './types';

const RULE_ROWS = [
  { key: 'rules', labels: ['规章'] },
  { key: 'normativeDocs', labels: ['行政规范性文件', '规范性文件'] },
];

const T2021: readonly ActiveBlockFormat[] = [
  {
    item: '一',
    captions: ['第二十条第（一）项'],
    columns: [
      { key: 'issued', labels: ['本年制发件数', '本年新制发件数'], kind: 'count' },
      { key: 'repealed', labels: ['本年废止件数'], kind: 'count' },
      // Seed 000 prints the header cut short: "现行有效件".
      { key: 'inForce', labels: ['现行有效件数', '现行有效件'], kind: 'count' },
    ],
    rows: RULE_ROWS,
  },
  {
    item: '五',
    captions: ['第二十条第（五）项'],
    columns: [{ key: 'decisions', labels: ['本年处理决定数量', '处理决定数量'], kind: 'count' }],
    rows: [{ key: 'licensing', labels: ['行政许可'] }],
  },
  {
    item: '六',
    captions: ['第二十条第（六）项'],
    columns: [{ key: 'decisions', labels: ['本年处理决定数量', '处理决定数量'], kind: 'count' }],
    rows: [
      { key: 'penalty', labels: ['行政处罚'] },
      { key: 'enforcement', labels: ['行政强制'] },
    ],
  },
  {
    item: '八',
    captions: ['第二十条第（八）项'],
    // "本年收费金额（单位：万元）": the unit in brackets is an annotation, matched without it.
    columns: [{ key: 'amount', labels: ['本年收费金额'], kind: 'amount' }],
    rows: [{ key: 'fees', labels: ['行政事业性收费'] }],
  },
];

const PREVIOUS = { key: 'previous', labels: ['上一年项目数量'], kind: 'count' } as const;
// May be negative ("-18") or signed ("+5").
const CHANGE = { key: 'change', labels: ['本年增/减', '本年增减'], kind: 'change' } as const;
const DECISIONS_2019 = { key: 'decisions', labels: ['处理决定数量', '本年处理决定数量'], kind: 'count' } as const;

const T2019: readonly ActiveBlockFormat[] = [
  {
    item: '一',
    captions: ['第二十条第（一）项'],
    columns: [
      { key: 'made', labels: ['本年新制作数量'], kind: 'count' },
      { key: 'published', labels: ['本年新公开数量'], kind: 'count' },
      { key: 'totalPublic', labels: ['对外公开总数量'], kind: 'count' },
    ],
    rows: RULE_ROWS,
  },
  {
    item: '五',
    captions: ['第二十条第（五）项'],
    columns: [PREVIOUS, CHANGE, DECISIONS_2019],
    rows: [
      { key: 'licensing', labels: ['行政许可'] },
      { key: 'otherServices', labels: ['其他对外管理服务事项'] },
    ],
  },
  {
    item: '六',
    captions: ['第二十条第（六）项'],
    columns: [PREVIOUS, CHANGE, DECISIONS_2019],
    rows: [
      { key: 'penalty', labels: ['行政处罚'] },
      { key: 'enforcement', labels: ['行政强制'] },
    ],
  },
  {
    item: '八',
    captions: ['第二十条第（八）项'],
    columns: [PREVIOUS, CHANGE],
    rows: [{ key: 'fees', labels: ['行政事业性收费'] }],
  },
  {
    item: '九',
    captions: ['第二十条第（九）项'],
    columns: [
      { key: 'projects', labels: ['采购项目数量'], kind: 'count' },
      // Printed with its unit: "297.17万元", "394432.52元".
      { key: 'amount', labels: ['采购总金额'], kind: 'amount' },
    ],
    rows: [{ key: 'procurement', labels: ['政府集中采购'] }],
  },
];

export const ACTIVE_FORMATS = { '2021': T2021, '2019': T2019 } as const;

/** Header cells of 表二 that name no column ("信息内容" over the row labels). */
export const ACTIVE_MARKERS: readonly string[] = ['信息内容'];
