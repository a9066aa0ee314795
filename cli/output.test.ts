import { describe, expect, it } from 'vitest';
import { COLOUR, PLAIN, formatReport, summaryLine, type Totals } from './output';
import { ReportSchema, type Finding, type Report } from '../lib/report/schema';

const row = (total: number) => ({ natural: total, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total });
const finding = (rule: Finding['rule'], severity: Finding['severity'], message: string, note?: string): Finding => ({
  rule, severity, message, messageEn: `${rule} in English`, cells: ['requests.totalProcessed.total'], ...(note ? { note } : {}),
});

const base: Report = ReportSchema.parse({
  schemaVersion: 1, source: 'pages/a.html', title: '某县2024年政府信息公开工作年度报告', agency: '某县人民政府办公室',
  agencyKind: 'department', year: 2024, template: '2021', script: 'simplified', publishedAt: '2025-02-10', deadline: '2025-01-31',
  sections: ['overview', 'active', 'requests', 'appeals', 'problems', 'other'],
  active: { normativeDocs: { issued: 2, repealed: 1, inForce: null } },
  requests: { newReceived: row(6), carriedOver: row(0), totalProcessed: row(5), carriedForward: row(1) },
  appeals: { review: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 } },
  narrative: [], notes: [],
  findings: [
    finding('T3-SUM', 'error', '（七）总计 · 总计 应为 6，表中为 4', '注：一件申请含多个事项。'),
    finding('T3-BAL', 'error', '（七）总计 · 总计 应为 5，表中为 4', '注：一件申请含多个事项。'),
    finding('DATE-LATE', 'info', '发布日期晚于期限'),
  ],
  noErrors: false,
});

describe('formatReport', () => {
  it('prints identity, dates against the deadline, key totals, and findings with their note once', () => {
    expect(formatReport(base, 'zh', PLAIN).split('\n')).toEqual([
      'pages/a.html',
      '  某县人民政府办公室 · 2024年 · 2021版 · 发布于 2025-02-10（期限 2025-01-31，逾期 10 天）',
      '  表二  行政规范性文件：本年制发件数 2 · 本年废止件数 1 · 现行有效件数 空',
      '  表三  一、本年新收政府信息公开申请数量 6 · 二、上年结转政府信息公开申请数量 0 · （七）总计 5 · 四、结转下年度继续办理 1',
      '  表四  行政复议 1 · 行政诉讼 未经复议直接起诉 — · 行政诉讼 复议后起诉 —',
      '  错误 T3-SUM  （七）总计 · 总计 应为 6，表中为 4',
      '  错误 T3-BAL  （七）总计 · 总计 应为 5，表中为 4',
      '    注：一件申请含多个事项。',
      '  提示 DATE-LATE  发布日期晚于期限',
    ]);
  });

  it('says what is unknown or missing, and when nothing was found', () => {
    const r = { ...base, agency: null, year: null, template: 'unknown' as const, publishedAt: null, deadline: null, findings: [], requests: null };
    expect(formatReport(r, 'zh', PLAIN).split('\n')).toEqual(['pages/a.html', '  发布机关不明 · 年度不明 · 格式不明 · 发布日期不明', '  未发现问题']);
    const t2021 = { ...base, requests: null, publishedAt: '2025-01-20', findings: [] };
    const lines = formatReport(t2021, 'zh', PLAIN).split('\n');
    expect(lines[1]).toBe('  某县人民政府办公室 · 2024年 · 2021版 · 发布于 2025-01-20（期限 2025-01-31，按期）');
    expect(lines[3]).toBe('  表三  未找到');
  });

  it('speaks English with lang en and colours severities only with the colour style', () => {
    const en = formatReport(base, 'en', PLAIN);
    expect(en).toContain('  某县人民政府办公室 · 2024 · T2021 · published 2025-02-10 (deadline 2025-01-31, 10 days late)');
    expect(en).toContain('  error T3-BAL  T3-BAL in English');
    expect(formatReport(base, 'zh', COLOUR)).toContain('\x1b[31m错误 T3-BAL\x1b[0m');
    expect(formatReport(base, 'zh', PLAIN)).not.toContain('\x1b[');
  });
});

describe('summaryLine', () => {
  const totals = (t: Partial<Totals>): Totals => ({ reports: 0, errors: 0, warnings: 0, problems: new Map(), filteredOut: 0, skipped: new Map(), ...t });
  it('counts reports, errors and warnings, and the inputs that gave no report, naming their kinds when more than one', () => {
    expect(summaryLine(totals({ reports: 2, errors: 2, warnings: 2 }), 'zh')).toBe('共 2 份报告：2 个错误，2 个警告');
    expect(summaryLine(totals({ reports: 1, errors: 2, problems: new Map([['无法读取', 3]]) }), 'zh')).toBe('共 1 份报告：2 个错误，0 个警告；3 个输入无法读取或不是年报');
    expect(summaryLine(totals({ problems: new Map([['unreadable', 1]]) }), 'en')).toBe('0 reports: 0 errors, 0 warnings; 1 inputs unreadable or not reports');
    expect(summaryLine(totals({ reports: 4, problems: new Map([['无法读取', 1], ['超出上限', 2]]) }), 'zh')).toBe('共 4 份报告：0 个错误，0 个警告；3 个输入无法读取或不是年报（无法读取 1，超出上限 2）');
  });

  it('says how many reports --agency left out and which files a folder walk skipped', () => {
    const t = totals({ reports: 1, filteredOut: 4, skipped: new Map([['.json', 2], ['.png', 1]]) });
    expect(summaryLine(t, 'zh')).toBe('共 1 份报告：0 个错误，0 个警告；4 份报告不属于所选机关；跳过 3 个其他文件（.json 2，.png 1）');
    expect(summaryLine(t, 'en')).toBe('1 reports: 0 errors, 0 warnings; 4 reports of other agencies left out; 3 other files skipped (.json 2, .png 1)');
  });
});
