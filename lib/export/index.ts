// The report's three tables for people: laid out like the national format, for the CLI's --tsv and
// the panel's copy buttons (TSV pastes into Excel/WPS, the HTML table into Word). Pure: no DOM.
import type { Report } from '../report/schema';
import { ACTIVE_T2019, ACTIVE_T2021, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, REQUEST_ROWS, type TableId } from '../report/keys';
import { TABLE_LABELS, columnLabel, rowLabel } from '../formats/labels';

export type Lang = 'zh' | 'en';

export interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
}

export interface ExportCell {
  /** Canonical key (`requests.granted.natural`). */
  key: string;
  /** null = blank on the page, or not found. */
  value: number | null;
}

export interface ExportRow {
  label: string;
  cells: ExportCell[];
}

/** A run of rows under one header: 表二 has one per 第二十条 item, 表三 and 表四 one each. */
export interface ExportBlock {
  caption: string | null;
  /** Header rows; the first cell of the first row heads the row-label column. */
  header: HeaderCell[][];
  rows: ExportRow[];
}

export interface ExportTable {
  table: TableId;
  title: string;
  blocks: ExportBlock[];
}

type Text = Record<Lang, string>;
const ITEM_LABEL: Text = { zh: '信息内容', en: 'Item' };
const APPLICANTS: Text = { zh: '申请人情况', en: 'Applicants' };
const LEGAL_PERSONS: Text = { zh: '法人或其他组织', en: 'Legal persons and other organisations' };
const UNIT_LABEL: Record<'万元' | '元', Text> = { 万元: { zh: '万元', en: '10k yuan' }, 元: { zh: '元', en: 'yuan' } };

/** 表二's blocks: which item of 条例 art. 20 each row is published under. */
const ACTIVE_ITEMS: { item: number; rows: string[] }[] = [
  { item: 1, rows: ['rules', 'normativeDocs'] },
  { item: 5, rows: ['licensing', 'otherServices'] },
  { item: 6, rows: ['penalty', 'enforcement'] },
  { item: 8, rows: ['fees'] },
  { item: 9, rows: ['procurement'] },
];
const ZH_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const itemCaption = (item: number, lang: Lang) => (lang === 'zh' ? `第二十条第（${ZH_NUMERALS[item]}）项` : `Art. 20 item (${item})`);

const withUnit = (label: string, unit: string, lang: Lang) => (lang === 'zh' ? `${label}（${unit}）` : `${label} (${unit})`);
const cell = (text: string, colspan = 1, rowspan = 1): HeaderCell => ({ text, colspan, rowspan });

/** 政府集中采购's amount is printed in 元 or 万元 (T2019); the report keeps the unit beside it. */
const procurementUnit = (report: Report) => (report.active?.procurement as { amountUnit?: '万元' | '元' } | undefined)?.amountUnit;

/** The value at a canonical key path of the nested report; null when absent. */
function valueAt(report: Report, key: string): number | null {
  let node: unknown = report;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' ? node : null;
}

function row(report: Report, rowKey: string, columns: readonly string[], lang: Lang): ExportRow {
  const keys = columns.map((c) => `${rowKey}.${c}`);
  return { label: rowLabel(keys[0]!, lang), cells: keys.map((key) => ({ key, value: valueAt(report, key) })) };
}

function activeTable(report: Report, lang: Lang): ExportBlock[] {
  const layout: Record<string, readonly string[]> = report.template === '2019' ? ACTIVE_T2019 : ACTIVE_T2021;
  const blocks: ExportBlock[] = [];
  for (const { item, rows } of ACTIVE_ITEMS) {
    const names = rows.filter((r) => layout[r]);
    if (!names.length) continue;
    const columns = layout[names[0]!]!;
    const header = [
      cell(ITEM_LABEL[lang]),
      ...columns.map((c) => {
        const key = `active.${names[0]}.${c}`;
        const unit = key === 'active.procurement.amount' ? procurementUnit(report) : undefined;
        return cell(unit ? withUnit(columnLabel(key, lang), UNIT_LABEL[unit][lang], lang) : columnLabel(key, lang));
      }),
    ];
    blocks.push({ caption: itemCaption(item, lang), header: [header], rows: names.map((n) => row(report, `active.${n}`, columns, lang)) });
  }
  return blocks;
}

function requestsTable(report: Report, lang: Lang): ExportBlock[] {
  const rows = REQUEST_ROWS.filter((r) =>
    report.template === '2019' ? !r.startsWith('otherHandling.') || r === 'otherHandling.total' : r !== 'otherHandling.total',
  );
  const orgs = APPLICANT_COLUMNS.slice(1, 6).map((c) => cell(columnLabel(`requests.newReceived.${c}`, lang)));
  const header = [
    [cell('', 1, 3), cell(APPLICANTS[lang], 7)],
    [cell(columnLabel('requests.newReceived.natural', lang), 1, 2), cell(LEGAL_PERSONS[lang], 5), cell(columnLabel('requests.newReceived.total', lang), 1, 2)],
    orgs,
  ];
  return [{ caption: null, header, rows: rows.map((r) => row(report, `requests.${r}`, APPLICANT_COLUMNS, lang)) }];
}

// 表四 is printed as one row of fifteen numbers; here each group is a row of five, the same cells
// under the labels the findings use ("行政复议 · 结果维持"), which reads and pastes better.
function appealsTable(report: Report, lang: Lang): ExportBlock[] {
  const header = [[cell(''), ...APPEAL_COLUMNS.map((c) => cell(columnLabel(`appeals.review.${c}`, lang)))]];
  return [{ caption: null, header, rows: APPEAL_GROUPS.map((g) => row(report, `appeals.${g}`, APPEAL_COLUMNS, lang)) }];
}

/**
 * The report's tables in the national layout of its template. Tables the page did not carry
 * (null in the report) and reports without a national template (legacy) give none.
 */
export function reportTables(report: Report, lang: Lang, only?: TableId): ExportTable[] {
  if (report.template !== '2021' && report.template !== '2019') return [];
  const tables: ExportTable[] = [];
  const build = { active: activeTable, requests: requestsTable, appeals: appealsTable } as const;
  for (const table of ['active', 'requests', 'appeals'] as const) {
    if (report[table] === null || (only && table !== only)) continue;
    tables.push({ table, title: TABLE_LABELS[table][lang], blocks: build[table](report, lang) });
  }
  return tables;
}

const formatValue = (v: number | null) => (v === null ? '' : String(v));

/** Header rows as a full grid: a spanned cell's text in its first slot, the slots it covers empty. */
export function headerGrid(header: HeaderCell[][]): string[][] {
  const grid: string[][] = header.map(() => []);
  header.forEach((cells, r) => {
    let c = 0;
    for (const h of cells) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < h.rowspan; dr++) for (let dc = 0; dc < h.colspan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? h.text : '';
      c += h.colspan;
    }
  });
  return grid;
}

const tsvField = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** Tab-separated: one block of lines per table (title, captions, header, rows), blank line between; '' without tables. */
export function toTsv(report: Report, lang: Lang, only?: TableId): string {
  return reportTables(report, lang, only)
    .map((t) => {
      const lines: string[][] = [[t.title]];
      for (const b of t.blocks) {
        if (b.caption) lines.push([b.caption]);
        lines.push(...headerGrid(b.header));
        for (const r of b.rows) lines.push([r.label, ...r.cells.map((c) => formatValue(c.value))]);
      }
      return lines.map((l) => l.map(tsvField).join('\t')).join('\n') + '\n';
    })
    .join('\n');
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function spanAttrs(colspan: number, rowspan: number): string {
  return `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
}

/**
 * One simple bordered <table> per table, for pasting into Word; every text escaped. Plain black on
 * white: the panel's colours for findings never go into the document. '' without tables.
 */
export function toHtmlTable(report: Report, lang: Lang, only?: TableId): string {
  return reportTables(report, lang, only)
    .map((t) => {
      const width = Math.max(...t.blocks.map((b) => 1 + b.rows[0]!.cells.length));
      // Narrower blocks (表二's one-column items) stretch their last column to the table's width, as
      // on the page. Only single-row headers can be narrower; 表三's spanned header is full width.
      const stretched = (n: number, k: number, colspan: number) => (k === n - 1 ? colspan + width - n : colspan);
      const trs: string[] = [];
      for (const b of t.blocks) {
        if (b.caption) trs.push(`<tr><th colspan="${width}">${escapeHtml(b.caption)}</th></tr>`);
        for (const h of b.header) {
          const ths = h.map((c, k) => `<th${spanAttrs(b.header.length === 1 ? stretched(h.length, k, c.colspan) : c.colspan, c.rowspan)}>${escapeHtml(c.text)}</th>`);
          trs.push(`<tr>${ths.join('')}</tr>`);
        }
        for (const r of b.rows) {
          const tds = r.cells.map((c, k) => `<td${spanAttrs(stretched(r.cells.length + 1, k + 1, 1), 1)}>${escapeHtml(formatValue(c.value))}</td>`);
          trs.push(`<tr><th>${escapeHtml(r.label)}</th>${tds.join('')}</tr>`);
        }
      }
      return `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">\n<caption>${escapeHtml(t.title)}</caption>\n${trs.join('\n')}\n</table>`;
    })
    .join('\n');
}
