// Many reports as rows, for assessors checking a province's reports: one summary row per report (or
// per input that gave none), one row per finding with its table, row and column in words, and the
// coverage of agency × year (missing, late or failing reports). The CLI writes them as CSV and as
// an XLSX workbook. Pure: no Node, no DOM.
import { countOf, type Finding, type Report, type Severity } from '../report/schema';
import type { TableId } from '../report/keys';
import { TABLE_LABELS, TEMPLATE_LABELS, columnLabel, rowLabel } from '../formats/labels';
import { tableName } from '../checks/message';
import type { Lang } from './index';

export type Value = string | number | null;

const WORDS = {
  zh: {
    summary: ['发布机关', '年度', '格式', '发布日期', '期限', '按期发布', '读到的数字', '错误', '警告', '发现的问题', '来源', '文件形式', '无法检查的原因'],
    findings: ['来源', '发布机关', '年度', '级别', '规则', '表', '行', '列', '应为', '表中填报', '说明', '报告的注'],
    coverageCorner: '发布机关',
    yes: '是',
    no: '否',
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    missing: '缺',
    late: '逾期',
    errors: (n: number) => `错误 ${n}`,
    ok: '✓',
    copies: (n: number) => `${n} 份`,
    sep: '；',
  },
  en: {
    summary: ['Agency', 'Year', 'Format', 'Published', 'Deadline', 'On time', 'Figures read', 'Errors', 'Warnings', 'Findings', 'Source', 'Form', 'Why it was not checked'],
    findings: ['Source', 'Agency', 'Year', 'Severity', 'Rule', 'Table', 'Row', 'Column', 'Should be', 'Printed', 'Message', "Report's note"],
    coverageCorner: 'Agency',
    yes: 'yes',
    no: 'no',
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    missing: 'missing',
    late: 'late',
    errors: (n: number) => `${n} errors`,
    ok: '✓',
    copies: (n: number) => `${n} copies`,
    sep: '; ',
  },
};

export const summaryHeader = (lang: Lang): string[] => WORDS[lang].summary;
export const findingsHeader = (lang: Lang): string[] => WORDS[lang].findings;

/** Published on or before the deadline: true/false, null when either date is unknown. */
export function onTime(r: Pick<Report, 'publishedAt' | 'deadline'>): boolean | null {
  return r.publishedAt && r.deadline ? r.publishedAt <= r.deadline : null;
}

/** How many figures of the three tables were read (blank cells not counted). */
export function figuresRead(r: Report): number {
  let n = 0;
  const count = (node: unknown) => {
    if (typeof node === 'number') n++;
    else if (node && typeof node === 'object') for (const v of Object.values(node)) count(v);
  };
  count(r.active);
  count(r.requests);
  count(r.appeals);
  return n;
}

/** One report → its summary row (columns of summaryHeader). */
export function summaryRow(r: Report, lang: Lang): Value[] {
  const w = WORDS[lang];
  const kept = onTime(r);
  const findings = r.findings.map((f) => `${w.severity[f.severity]} ${f.rule} ${lang === 'zh' ? f.message : f.messageEn}`).join('\n');
  return [r.agency, r.year, TEMPLATE_LABELS[r.template][lang], r.publishedAt, r.deadline, kept === null ? null : kept ? w.yes : w.no, figuresRead(r), countOf(r, 'error'), countOf(r, 'warning'), findings, r.source, r.form ?? null, null];
}

/** An input that gave no report → a summary row naming only its source and the reason. */
export function problemRow(source: string, reason: string): Value[] {
  const row: Value[] = Array(WORDS.zh.summary.length).fill(null);
  row[10] = source;
  row[12] = reason;
  return row;
}

/** The table, row and column a finding's checked cell is in, in words; nulls when it names no cell. */
export function findingPlace(f: Finding, lang: Lang): [string | null, string | null, string | null] {
  const key = f.cells[0];
  if (!key) return [null, null, null];
  const table = key.slice(0, key.indexOf('.') < 0 ? key.length : key.indexOf('.')) as TableId;
  if (!(table in TABLE_LABELS)) return [null, null, null];
  const name = tableName(table)[lang];
  // TBL-MISSING names the table only.
  if (!key.includes('.')) return [name, null, null];
  return [name, rowLabel(key, lang), columnLabel(key, lang)];
}

/** One report → a row per finding (columns of findingsHeader). */
export function findingRows(r: Report, lang: Lang): Value[][] {
  const w = WORDS[lang];
  return r.findings.map((f) => [r.source, r.agency, r.year, w.severity[f.severity], f.rule, ...findingPlace(f, lang), f.expected ?? null, f.actual ?? null, lang === 'zh' ? f.message : f.messageEn, f.note ?? null]);
}

interface Cell {
  reports: number;
  late: boolean;
  errors: number;
}

/**
 * Agency × year: each agency's reports by year, over every year the batch covers. Kept small (three
 * numbers per agency and year), so a province's whole run fits.
 */
export class Coverage {
  private readonly agencies = new Map<string, Map<number, Cell>>();
  private minYear = Infinity;
  private maxYear = -Infinity;

  add(r: Pick<Report, 'agency' | 'year' | 'publishedAt' | 'deadline' | 'findings'>): void {
    if (!r.agency || r.year === null) return;
    let years = this.agencies.get(r.agency);
    if (!years) this.agencies.set(r.agency, (years = new Map()));
    const cell = years.get(r.year) ?? { reports: 0, late: false, errors: 0 };
    cell.reports++;
    cell.late ||= onTime(r) === false;
    cell.errors += countOf(r, 'error');
    years.set(r.year, cell);
    this.minYear = Math.min(this.minYear, r.year);
    this.maxYear = Math.max(this.maxYear, r.year);
  }

  /** Header row (agency, years…) then one row per agency in Chinese collation order. */
  rows(lang: Lang): Value[][] {
    const w = WORDS[lang];
    const years: number[] = [];
    for (let y = this.minYear; y <= this.maxYear; y++) years.push(y);
    const agencies = [...this.agencies.keys()].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
    const word = (c: Cell | undefined): string => {
      if (!c) return w.missing;
      const parts = [c.reports > 1 ? w.copies(c.reports) : null, c.late ? w.late : null, c.errors ? w.errors(c.errors) : null].filter((p): p is string => p !== null);
      return parts.length ? parts.join(w.sep) : w.ok;
    };
    return [[w.coverageCorner, ...years], ...agencies.map((a) => [a, ...years.map((y) => word(this.agencies.get(a)!.get(y)))])];
  }
}

/** A CSV line (RFC 4180: quoted when needed, CRLF), the way Excel and WPS read it. */
export function csvLine(cells: Value[]): string {
  return `${cells.map((c) => {
    if (c === null) return '';
    const s = String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',')}\r\n`;
}

/** Starts a CSV file so Excel/WPS read it as UTF-8. */
export const CSV_BOM = '\ufeff';
