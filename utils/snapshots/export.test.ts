import { describe, it, expect, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { figureKeys } from '../../lib/report/keys';
import { ReportSchema } from '../../lib/report/schema';
import { saveSnapshot } from './snapshots';
import { exportCsv, exportJson, exportQuarantineJson } from './export';
import type { Snapshot } from './schema';
import { finding, seedReport } from './testing';
import { useLocale } from '../../components/testing/i18n';
import { SEEDS } from '../../test/fixtures/seeds';

async function save(report: ReturnType<typeof seedReport>, url: string, title: string | null, at: string): Promise<Snapshot> {
  const r = await saveSnapshot({ report, url, title, flags: [] }, new Date(at));
  if (!r.ok) throw new Error(r.message);
  return r.snapshot;
}

describe('export', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
    process.env.TZ = 'Asia/Shanghai';
  });

  it('JSON: the envelope, with every report exactly the engine’s schema', async () => {
    const s = await save(seedReport(), 'http://www.hegang.gov.cn/a.html', 'a', '2025-02-01T02:00:00.000Z');
    const text = exportJson([s], new Date('2025-03-01T00:00:00.000Z'));
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportedAt', 'snapshots']);
    expect(json).toMatchObject({ format: 'gongkai-lens/snapshots', version: 1, exportedAt: '2025-03-01T00:00:00.000Z' });
    expect(json.snapshots).toEqual([s]);
    expect(ReportSchema.strict().parse(json.snapshots[0].report)).toEqual(seedReport());
  });

  it('CSV: BOM, CRLF, meta columns then one column per figure key headed by its Chinese label', async () => {
    const report = seedReport({
      agency: '鹤岗市人民政府办公室',
      findings: [finding('T3-SUM', 'error', 'requests.totalProcessed.natural', 12, 11), finding('VAL-BLANK', 'warning', 'active.fees.amount'), finding('DATE-LATE', 'info', 'requests')],
      change: { 'active.fees.amount': null, 'active.normativeDocs.inForce': 109.5 },
    });
    const s = await save(report, 'http://www.hegang.gov.cn/a.html?id=1,2', null, '2025-01-31T20:05:00.000Z');
    const csv = exportCsv([s]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    const keys = figureKeys('2021');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 7)).toEqual(['机关', '年度', '格式', '网址', '保存时间', '错误数', '提醒数']);
    expect(header).toHaveLength(7 + keys.length);
    expect(header[7]).toBe('规章 · 本年制发件数');
    expect(header[7 + keys.indexOf('requests.totalProcessed.natural')]).toBe('（七）总计 · 自然人');
    expect(header.at(-1)).toBe('行政诉讼 复议后起诉 · 总计');
    // The URL holds a comma: quoted. Beijing time. 1 error, 1 warning (infos not counted).
    expect(lines[1]!.startsWith('鹤岗市人民政府办公室,2024,2021,"http://www.hegang.gov.cn/a.html?id=1,2",2025-02-01 04:05,1,1,0,0,0,4,3,109.5,0,0,0,,10,1,3,0,24,0,38,')).toBe(true);
    // Every figure column, against the seed's own transcription (blank stays empty, never 0).
    const figures: Record<string, number | null> = { ...SEEDS[0]!.figures!, 'active.fees.amount': null, 'active.normativeDocs.inForce': 109.5 };
    // (split on every comma: the quoted URL counts twice, so figures start at 8)
    expect(lines[1]!.split(',').slice(8)).toEqual(keys.map((k) => (figures[k] === null ? '' : String(figures[k]))));
    expect(lines[2]).toBe('');
  });

  it('CSV: quotes and defuses text that Excel would misread; keeps negative figures as numbers', async () => {
    const s1 = await save(seedReport({ agency: '=HYPERLINK("http://x")' }), 'http://a.gov.cn/"q".html', null, '2025-02-01T00:00:00.000Z');
    const line = exportCsv([s1]).split('\r\n')[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""http://x"")",2024,2021,"http://a.gov.cn/""q"".html",`)).toBe(true);
  });

  it('CSV of mixed formats has the columns of both, T2021 first', async () => {
    const s = await save(seedReport(), 'http://www.hegang.gov.cn/a.html', null, '2025-02-01T00:00:00.000Z');
    const t2019: Snapshot = { ...s, report: { ...s.report, template: '2019', active: { licensing: { previous: 5, change: -2, decisions: 3 } } } };
    const lines = exportCsv([s, t2019]).slice(1).split('\r\n');
    const header = lines[0]!.split(',');
    const keys = [...new Set([...figureKeys('2021'), ...figureKeys('2019')])];
    expect(header).toHaveLength(7 + keys.length);
    const col = (key: string) => 7 + keys.indexOf(key);
    expect(header[col('active.licensing.change')]).toBe('行政许可 · 本年增/减');
    expect(lines[2]!.split(',')[col('active.licensing.change')]).toBe('-2');
    expect(lines[2]!.split(',')[col('requests.otherHandling.total.natural')]).toBe('');
  });

  it('quarantined entries export as raw JSON', () => {
    const q = { key: 'snapshot:x', raw: { broken: true }, reason: 'not a snapshot', at: '2025-01-01T00:00:00.000Z' };
    expect(JSON.parse(exportQuarantineJson([q], new Date('2025-03-01T00:00:00.000Z')))).toEqual({
      format: 'gongkai-lens/snapshots-quarantine', version: 1, exportedAt: '2025-03-01T00:00:00.000Z', entries: [q],
    });
  });
});
