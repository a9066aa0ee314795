// The CLI's human-readable output: per report its identity, key totals and findings; then a summary.
// Chinese first (the users' language), English with --lang en.
import type { Finding, Report, Severity } from '../lib/report/schema';
import type { ProblemKind } from './worker';
import { ACTIVE_T2019, ACTIVE_T2021, APPEAL_GROUPS } from '../lib/report/keys';
import { TABLE_LABELS, TEMPLATE_LABELS, columnLabel, rowLabel } from '../lib/formats/labels';

export type Lang = 'zh' | 'en';

type Paint = (s: string) => string;
export interface Style {
  error: Paint;
  warning: Paint;
  info: Paint;
  strong: Paint;
  dim: Paint;
}
const ansi = (code: string): Paint => (s) => `\x1b[${code}m${s}\x1b[0m`;
export const COLOUR: Style = { error: ansi('31'), warning: ansi('33'), info: ansi('36'), strong: ansi('1'), dim: ansi('2') };
const same: Paint = (s) => s;
export const PLAIN: Style = { error: same, warning: same, info: same, strong: same, dim: same };

const T = {
  zh: {
    agencyUnknown: '发布机关不明',
    year: (y: number) => `${y}年`,
    yearUnknown: '年度不明',
    published: (d: string) => `发布于 ${d}`,
    publishedUnknown: '发布日期不明',
    deadline: (d: string) => `期限 ${d}`,
    onTime: '按期',
    late: (days: number) => `逾期 ${days} 天`,
    missing: '未找到',
    blank: '空',
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    note: '注',
    noFindings: '未发现问题',
    summary: (n: number, e: number, w: number) => `共 ${n} 份报告：${e} 个错误，${w} 个警告`,
    problems: (k: number) => `；${k} 个输入无法读取或不是年报`,
    filtered: (k: number) => `；${k} 份报告不属于所选机关`,
    skipped: (k: number) => `；跳过 ${k} 个其他文件`,
    aside: (s: string) => `（${s}）`,
  },
  en: {
    agencyUnknown: 'agency unknown',
    year: (y: number) => `${y}`,
    yearUnknown: 'year unknown',
    published: (d: string) => `published ${d}`,
    publishedUnknown: 'publication date unknown',
    deadline: (d: string) => `deadline ${d}`,
    onTime: 'on time',
    late: (days: number) => `${days} days late`,
    missing: 'not found',
    blank: 'blank',
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    note: 'Note',
    noFindings: 'no findings',
    summary: (n: number, e: number, w: number) => `${n} reports: ${e} errors, ${w} warnings`,
    problems: (k: number) => `; ${k} inputs unreadable or not reports`,
    filtered: (k: number) => `; ${k} reports of other agencies left out`,
    skipped: (k: number) => `; ${k} other files skipped`,
    aside: (s: string) => ` (${s})`,
  },
};

const DAY = 86_400_000;

function dateLine(r: Report, lang: Lang): string {
  const t = T[lang];
  const aside = (...parts: string[]) => (lang === 'zh' ? `（${parts.join('，')}）` : ` (${parts.join(', ')})`);
  if (!r.publishedAt) return t.publishedUnknown + (r.deadline ? aside(t.deadline(r.deadline)) : '');
  if (!r.deadline) return t.published(r.publishedAt);
  const late = Math.round((Date.parse(r.publishedAt) - Date.parse(r.deadline)) / DAY);
  return t.published(r.publishedAt) + aside(t.deadline(r.deadline), late > 0 ? t.late(late) : t.onTime);
}

/** The value at a canonical key of the nested report. */
function valueAt(r: Report, key: string): number | null | undefined {
  let node: unknown = r;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as number | null | undefined;
}

// The totals a reader checks first: 表二 规范性文件, 表三 一/二/（七）总计/四, 表四 the three totals.
function keyTotals(r: Report, lang: Lang): string[] {
  const t = T[lang];
  const show = (v: number | null | undefined) => (v === undefined ? '—' : v === null ? t.blank : String(v));
  const table = (id: 'active' | 'requests' | 'appeals', parts: [string, string][], lead = '') => {
    const title = TABLE_LABELS[id][lang].split(' ')[0];
    if (r[id] === null) return `${title}  ${t.missing}`;
    return `${title}  ${lead}${parts.map(([label, key]) => `${label} ${show(valueAt(r, key))}`).join(' · ')}`;
  };
  const docCols = r.template === '2019' ? ACTIVE_T2019.normativeDocs : ACTIVE_T2021.normativeDocs;
  const lines = [
    // Row name once, then its columns: "行政规范性文件：本年制发件数 2 · 本年废止件数 1 · 现行有效件数 0".
    table('active', docCols.map((c) => [columnLabel(`active.normativeDocs.${c}`, lang), `active.normativeDocs.${c}`]), `${rowLabel('active.normativeDocs.x', lang)}${lang === 'zh' ? '：' : ': '}`),
    table('requests', (['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'] as const).map((row) => [rowLabel(`requests.${row}.total`, lang), `requests.${row}.total`])),
    table('appeals', APPEAL_GROUPS.map((g) => [rowLabel(`appeals.${g}.total`, lang), `appeals.${g}.total`])),
  ];
  return lines;
}

/** Findings, each on a line; the report's own note once under the run of findings it explains. */
function findingLines(findings: Finding[], lang: Lang, style: Style): string[] {
  const out: string[] = [];
  findings.forEach((f, k) => {
    out.push(`${style[f.severity](`${T[lang].severity[f.severity]} ${f.rule}`)}  ${lang === 'zh' ? f.message : f.messageEn}`);
    // As printed (it usually starts with 注：).
    if (f.note && findings[k + 1]?.note !== f.note) out.push(style.dim(`  ${/^注/.test(f.note) ? f.note : `${T[lang].note}：${f.note}`}`));
  });
  return out;
}

/** One report as a block of lines (no trailing newline). */
export function formatReport(r: Report, lang: Lang, style: Style): string {
  const t = T[lang];
  const head = [r.agency ?? t.agencyUnknown, r.year !== null ? t.year(r.year) : t.yearUnknown, TEMPLATE_LABELS[r.template][lang], dateLine(r, lang)];
  const lines = [style.strong(r.source), `  ${head.join(' · ')}`];
  if (r.template === '2021' || r.template === '2019') lines.push(...keyTotals(r, lang).map((l) => `  ${l}`));
  if (!r.findings.length) lines.push(`  ${style.dim(t.noFindings)}`);
  lines.push(...findingLines(r.findings, lang, style).map((l) => `  ${l}`));
  return lines.join('\n');
}

/** What a run counted: the closing line says it. */
export interface Totals {
  reports: number;
  errors: number;
  warnings: number;
  /** Inputs that gave no report, by why (the words of problemWords). */
  problems: Map<string, number>;
  /** Reports left out by --agency. */
  filteredOut: number;
  /** Files a folder walk or glob passed over, by extension. */
  skipped: Map<string, number>;
}

export function summaryLine(t: Totals, lang: Lang): string {
  const w = T[lang];
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const list = (m: Map<string, number>) => [...m].map(([k, n]) => `${k} ${n}`).join(lang === 'zh' ? '，' : ', ');
  let line = w.summary(t.reports, t.errors, t.warnings);
  const problems = sum(t.problems);
  // The kinds are named when there is more than one.
  if (problems) line += w.problems(problems) + (t.problems.size > 1 ? w.aside(list(t.problems)) : '');
  if (t.filteredOut) line += w.filtered(t.filteredOut);
  if (t.skipped.size) line += w.skipped(sum(t.skipped)) + w.aside(list(t.skipped));
  return line;
}

/** Problem kinds as the summary names them. */
export const PROBLEM_WORDS: Record<Lang, Record<ProblemKind, string>> = {
  zh: { unreadable: '无法读取', 'not-report': '不是年报', fetch: '无法下载', limit: '超出上限', failed: '分析失败' },
  en: { unreadable: 'unreadable', 'not-report': 'not a report', fetch: 'not fetched', limit: 'over a limit', failed: 'analysis failed' },
};
