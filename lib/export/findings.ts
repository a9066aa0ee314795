// A findings report a reviewer can send: the report's facts, every finding grouped by table (in
// words, the rule id in brackets for whoever checks the rule), and the reader's own flags with
// their notes. Markdown: readable as plain text in a mail, renders in any Markdown viewer. Pure.
import { countOf, type Finding, type Report, type Severity } from '../report/schema';
import type { TableId } from '../report/keys';
import { tableName } from '../checks/message';
import type { Lang } from './index';

/** What a finding is about: one of the three tables, or the text and the format ('other'). */
export type FindingGroup = TableId | 'other';
export const FINDING_GROUPS: readonly FindingGroup[] = ['active', 'requests', 'appeals', 'other'];

/** From the first cell's key (`requests.granted.natural`, or a bare table id for TBL-MISSING). */
export function findingGroup(cells: readonly string[]): FindingGroup {
  const head = cells[0]?.split('.')[0];
  return head === 'active' || head === 'requests' || head === 'appeals' ? head : 'other';
}

/** A flag of the reader's, as the panel lists it: its kind in words and "cell: note". */
export interface ReaderFlag {
  kind: string;
  text: string;
}

const WORDS = {
  zh: {
    title: (agency: string, year: string) => `公开年报核对：${agency} ${year}`,
    unknown: '不明',
    year: (y: number) => `${y} 年报`,
    source: '来源',
    published: '发布日期',
    deadline: '法定期限',
    checkedAt: '核对时间',
    summary: (e: number, w: number, i: number) => `错误 ${e} 处，提醒 ${w} 处，说明 ${i} 条`,
    other: '正文与格式',
    severity: { error: '错误', warning: '提醒', info: '说明' } as Record<Severity, string>,
    expected: (actual: string, expected: string) => `表中 ${actual}，应为 ${expected}`,
    lastYear: (actual: string, expected: string) => `表中 ${actual}，上年 ${expected}`,
    blank: '空白',
    note: '报告的注',
    none: '未发现问题。',
    flags: '核对人的标记',
    footer: '由“公开年报核对”（Gongkai Lens）生成；数字按国家格式读出，请以原件为准。',
  },
  en: {
    title: (agency: string, year: string) => `Gongkai Lens: ${agency} ${year}`,
    unknown: 'unknown',
    year: (y: number) => `${y} report`,
    source: 'Source',
    published: 'Published',
    deadline: 'Deadline',
    checkedAt: 'Checked',
    summary: (e: number, w: number, i: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} note${i === 1 ? '' : 's'}`,
    other: 'Text and format',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<Severity, string>,
    expected: (actual: string, expected: string) => `printed ${actual}, should be ${expected}`,
    lastYear: (actual: string, expected: string) => `this year ${actual}, last year ${expected}`,
    blank: 'blank',
    note: "The report's note",
    none: 'No problems found.',
    flags: "The reviewer's flags",
    footer: 'Made by Gongkai Lens (公开年报核对); figures as read in the national format — check them against the original.',
  },
};

export const groupTitle = (group: FindingGroup, lang: Lang) => (group === 'other' ? WORDS[lang].other : tableName(group)[lang]);

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings by table (表二, 表三, 表四, other), then by severity, stable within. */
export function groupFindings(findings: readonly Finding[]): { group: FindingGroup; findings: Finding[] }[] {
  return FINDING_GROUPS.map((group) => ({
    group,
    findings: findings.filter((f) => findingGroup(f.cells) === group).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]),
  })).filter((g) => g.findings.length);
}

/** "表中 0，应为 6" where the rule's equation gives the value; against last year, both numbers only. */
export function fixText(f: Finding, lang: Lang): string | null {
  if (f.expected === undefined) return null;
  const w = WORDS[lang];
  const actual = f.actual == null ? w.blank : String(f.actual);
  return f.against ? w.lastYear(actual, String(f.expected)) : w.expected(actual, String(f.expected));
}

const md = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ').trim();

/** The whole report as Markdown; `checkedAt` is an ISO time (the reader's clock), `flags` the reader's. */
export function findingsMarkdown(report: Report, lang: Lang, flags: readonly ReaderFlag[] = [], checkedAt?: string): string {
  const w = WORDS[lang];
  const message = (f: Finding) => (lang === 'en' ? f.messageEn : f.message);
  const lines = [
    `# ${md(w.title(report.agency ?? w.unknown, report.year === null ? w.unknown : w.year(report.year)))}`,
    '',
    `- ${w.source}: ${report.source}`,
    ...(report.publishedAt ? [`- ${w.published}: ${report.publishedAt}${report.deadline ? `（${w.deadline} ${report.deadline}）` : ''}`] : []),
    ...(checkedAt ? [`- ${w.checkedAt}: ${checkedAt}`] : []),
    `- ${w.summary(countOf(report, 'error'), countOf(report, 'warning'), countOf(report, 'info'))}`,
    '',
  ];
  if (!report.findings.length) lines.push(w.none, '');
  for (const { group, findings } of groupFindings(report.findings)) {
    lines.push(`## ${groupTitle(group, lang)}`, '');
    for (const f of findings) {
      const fix = fixText(f, lang);
      lines.push(`- **${w.severity[f.severity]}** ${md(message(f))}${fix ? `（${md(fix)}）` : ''} \`${f.rule}\``);
      if (f.note) lines.push(`  - ${w.note}: ${md(f.note)}`);
    }
    lines.push('');
  }
  if (flags.length) {
    lines.push(`## ${w.flags}`, '');
    for (const flag of flags) lines.push(`- **${md(flag.kind)}** ${md(flag.text)}`);
    lines.push('');
  }
  lines.push(`---`, '', w.footer, '');
  return lines.join('\n');
}
