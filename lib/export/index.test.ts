import { describe, expect, it } from 'vitest';
import { reportTables, toHtmlTable, toTsv } from './index';
import { ReportSchema, type Report } from '../report/schema';
import { figureKeys } from '../report/keys';

/** A schema-valid report whose figures are all 0 but for `set` (flat canonical keys). */
function report(template: '2021' | '2019', set: Record<string, number | null>, extra: Partial<Report> = {}): Report {
  const tables: Record<string, Record<string, unknown>> = { active: {}, requests: {}, appeals: {} };
  for (const key of figureKeys(template)) {
    const [table, ...path] = key.split('.');
    let node = tables[table!]!;
    for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = key in set ? set[key] : 0;
  }
  return ReportSchema.parse({
    schemaVersion: 1, source: 'test.html', title: null, agency: '某县', agencyKind: 'government', year: 2024,
    template, script: 'simplified', publishedAt: null, deadline: null, sections: [],
    ...tables, narrative: [], notes: [], findings: [], noErrors: true, ...extra,
  });
}

const small = report('2021', {
  'active.normativeDocs.issued': 4,
  'active.normativeDocs.repealed': 3,
  'active.normativeDocs.inForce': 109,
  'active.fees.amount': 1184.92,
  'requests.newReceived.natural': 10,
  'requests.newReceived.commercial': null,
  'requests.newReceived.total': 10,
  'appeals.review.corrected': 1,
  'appeals.review.total': 1,
});

describe('reportTables', () => {
  it('lays out the three T2021 tables with the template rows, keys and values (blank = null)', () => {
    const tables = reportTables(small, 'zh');
    expect(tables.map((t) => t.title)).toEqual(['表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 行政复议、行政诉讼情况']);
    const [active, requests, appeals] = tables;
    expect(active!.blocks.map((b) => b.caption)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(active!.blocks[0]!.rows[1]).toEqual({
      label: '行政规范性文件',
      cells: [
        { key: 'active.normativeDocs.issued', value: 4 },
        { key: 'active.normativeDocs.repealed', value: 3 },
        { key: 'active.normativeDocs.inForce', value: 109 },
      ],
    });
    const rows = requests!.blocks[0]!.rows;
    expect(rows).toHaveLength(25);
    expect(rows[0]!.cells.map((c) => c.value)).toEqual([10, null, 0, 0, 0, 0, 10]);
    expect(rows[0]!.cells[1]!.key).toBe('requests.newReceived.commercial');
    expect(rows.map((r) => r.cells[0]!.key)).not.toContain('requests.otherHandling.total.natural');
    expect(appeals!.blocks[0]!.rows.map((r) => r.label)).toEqual(['行政复议', '行政诉讼 未经复议直接起诉', '行政诉讼 复议后起诉']);
  });

  it('uses the T2019 rows and columns, and names the procurement unit', () => {
    const t2019 = report('2019', { 'active.procurement.projects': 11, 'active.procurement.amount': 297.17 });
    (t2019.active!.procurement as { amountUnit?: string }).amountUnit = '万元';
    const [active, requests] = reportTables(t2019, 'zh');
    const last = active!.blocks.at(-1)!;
    expect(last.caption).toBe('第二十条第（九）项');
    expect(last.header[0]!.map((h) => h.text)).toEqual(['信息内容', '采购项目数量', '采购总金额（万元）']);
    expect(last.rows[0]!.cells.map((c) => c.value)).toEqual([11, 297.17]);
    const keys = requests!.blocks[0]!.rows.map((r) => r.cells[0]!.key);
    expect(keys).toContain('requests.otherHandling.total.natural');
    expect(keys).not.toContain('requests.otherHandling.other.natural');
    expect(reportTables(t2019, 'en')[0]!.blocks.at(-1)!.header[0]!.at(-1)!.text).toBe('Procurement total (10k yuan)');
  });

  it('gives no table for a legacy report and skips tables the page did not carry', () => {
    expect(reportTables(report('2021', {}, { template: 'legacy', active: null, requests: null, appeals: null }), 'zh')).toEqual([]);
    expect(reportTables(report('2021', {}, { requests: null }), 'zh').map((t) => t.table)).toEqual(['active', 'appeals']);
  });
});

describe('toTsv', () => {
  it('prints every table as tab-separated lines, blank cells empty', () => {
    const zeros = '\t0\t0\t0\t0\t0\t0\t0';
    expect(toTsv(small, 'zh')).toBe(
      [
        '表二 主动公开政府信息情况',
        '第二十条第（一）项',
        '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        '规章\t0\t0\t0',
        '行政规范性文件\t4\t3\t109',
        '第二十条第（五）项',
        '信息内容\t处理决定数量',
        '行政许可\t0',
        '第二十条第（六）项',
        '信息内容\t处理决定数量',
        '行政处罚\t0',
        '行政强制\t0',
        '第二十条第（八）项',
        '信息内容\t本年收费金额（万元）',
        '行政事业性收费\t1184.92',
        '',
        '表三 收到和处理政府信息公开申请情况',
        '\t申请人情况\t\t\t\t\t\t',
        '\t自然人\t法人或其他组织\t\t\t\t\t总计',
        '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
        '一、本年新收政府信息公开申请数量\t10\t\t0\t0\t0\t0\t10',
        `二、上年结转政府信息公开申请数量${zeros}`,
        `（一）予以公开${zeros}`,
        `（二）部分公开${zeros}`,
        `（三）不予公开 1.属于国家秘密${zeros}`,
        `（三）不予公开 2.其他法律行政法规禁止公开${zeros}`,
        `（三）不予公开 3.危及“三安全一稳定”${zeros}`,
        `（三）不予公开 4.保护第三方合法权益${zeros}`,
        `（三）不予公开 5.属于三类内部事务信息${zeros}`,
        `（三）不予公开 6.属于四类过程性信息${zeros}`,
        `（三）不予公开 7.属于行政执法案卷${zeros}`,
        `（三）不予公开 8.属于行政查询事项${zeros}`,
        `（四）无法提供 1.本机关不掌握相关政府信息${zeros}`,
        `（四）无法提供 2.没有现成信息需要另行制作${zeros}`,
        `（四）无法提供 3.补正后申请内容仍不明确${zeros}`,
        `（五）不予处理 1.信访举报投诉类申请${zeros}`,
        `（五）不予处理 2.重复申请${zeros}`,
        `（五）不予处理 3.要求提供公开出版物${zeros}`,
        `（五）不予处理 4.无正当理由大量反复申请${zeros}`,
        `（五）不予处理 5.要求行政机关确认或重新出具已获取信息${zeros}`,
        `（六）其他处理 1.申请人无正当理由逾期不补正${zeros}`,
        `（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用${zeros}`,
        `（六）其他处理 3.其他${zeros}`,
        `（七）总计${zeros}`,
        `四、结转下年度继续办理${zeros}`,
        '',
        '表四 行政复议、行政诉讼情况',
        '\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
        '行政复议\t0\t1\t0\t0\t1',
        '行政诉讼 未经复议直接起诉\t0\t0\t0\t0\t0',
        '行政诉讼 复议后起诉\t0\t0\t0\t0\t0',
        '',
      ].join('\n'),
    );
  });

  it('prints English labels for lang en', () => {
    const lines = toTsv(small, 'en').split('\n');
    expect(lines[0]).toBe('Table 2 — proactive disclosure');
    expect(lines).toContain('Normative documents\t4\t3\t109');
    expect(lines).toContain('Administrative review\t0\t1\t0\t0\t1');
  });
});

describe('toHtmlTable', () => {
  it('builds one bordered table per table, spans like the page, blanks empty', () => {
    const html = toHtmlTable(small, 'zh');
    expect(html.match(/<table /g)).toHaveLength(3);
    expect(html).toContain('<caption>表二 主动公开政府信息情况</caption>\n<tr><th colspan="4">第二十条第（一）项</th></tr>');
    // A one-column item stretches its last column over the table's width.
    expect(html).toContain('<tr><th>信息内容</th><th colspan="3">处理决定数量</th></tr>\n<tr><th>行政许可</th><td colspan="3">0</td></tr>');
    expect(html).toContain('<tr><th rowspan="3"></th><th colspan="7">申请人情况</th></tr>\n<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>');
    expect(html).toContain('<tr><th>一、本年新收政府信息公开申请数量</th><td>10</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>10</td></tr>');
  });
});
