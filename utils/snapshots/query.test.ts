import { describe, it, expect, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findPreviousYear, listSnapshots, saveSnapshot } from './snapshots';
import { agencyYears, compareSnapshots, facets, filterSnapshots, verdictOf } from './query';
import type { Flag, Snapshot } from './schema';
import { finding, seedReport } from './testing';
import { useLocale } from '../../components/testing/i18n';

const AGENCY = '鹤岗市人民政府办公室';
const HEGANG = 'http://www.hegang.gov.cn/zwgk/gknb';

async function save(opts: Parameters<typeof seedReport>[0], url: string, at: string, flags: Flag[] = []): Promise<Snapshot> {
  const report = seedReport(opts);
  const r = await saveSnapshot({ report, url, title: report.title, flags }, new Date(at));
  if (!r.ok) throw new Error(r.message);
  return r.snapshot;
}

describe('queries', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await useLocale('zh_CN');
    process.env.TZ = 'Asia/Shanghai';
  });

  it('findPreviousYear gives the latest saved report of the same agency for year − 1, labelled', async () => {
    await save({ year: 2023, change: { 'requests.carriedForward.total': 1 } }, `${HEGANG}/2023.html`, '2024-02-01T01:00:00.000Z');
    const latest = await save({ year: 2023, change: { 'requests.carriedForward.total': 2 } }, `${HEGANG}/2023.html`, '2025-01-31T20:00:00.000Z');
    await save({ year: 2023, agency: '鹤岗市财政局' }, 'http://czj.hegang.gov.cn/2023.html', '2025-03-01T00:00:00.000Z');
    await save({ year: 2022 }, `${HEGANG}/2022.html`, '2025-03-02T00:00:00.000Z');

    const previous = await findPreviousYear(AGENCY, 2024);
    expect(previous?.snapshot.id).toBe(latest.id);
    expect(previous?.report).toEqual(latest.report);
    // Saved 2025-01-31 20:00 UTC is 2025-02-01 in Beijing: the label shows the reader's date.
    expect(previous?.label).toBe('鹤岗市人民政府办公室 2023 年报，保存于 2025-02-01');
    expect(await findPreviousYear(AGENCY, 2026)).toBeNull();
    expect(await findPreviousYear('鹤岗市教育局', 2024)).toBeNull();
  });

  it('compareSnapshots lists changed figures with labels, and findings added and removed', async () => {
    const t3sum = finding('T3-SUM', 'error', 'requests.totalProcessed.natural', 12, 11);
    const a = await save({ findings: [t3sum, finding('VAL-BLANK', 'warning', 'active.fees.amount')] }, `${HEGANG}/x.html`, '2025-02-01T00:00:00.000Z');
    const b = await save(
      { change: { 'requests.totalProcessed.natural': 12, 'appeals.review.upheld': null }, findings: [finding('T4-SUM', 'error', 'appeals.review.total', 0, 1), finding('VAL-BLANK', 'warning', 'active.fees.amount')] },
      `${HEGANG}/x.html`,
      '2025-03-01T00:00:00.000Z',
    );
    const diff = compareSnapshots(a, b);
    expect(diff.figures).toEqual([
      { key: 'requests.totalProcessed.natural', before: 11, after: 12, label: '（七）总计 · 自然人', labelEn: '(7) Total handled · Natural persons' },
      { key: 'appeals.review.upheld', before: 0, after: null, label: '行政复议 · 结果维持', labelEn: 'Administrative review · Upheld' },
    ]);
    expect(diff.findingsRemoved.map((f) => f.rule)).toEqual(['T3-SUM']);
    expect(diff.findingsAdded.map((f) => f.rule)).toEqual(['T4-SUM']);
    expect(compareSnapshots(a, a)).toEqual({ figures: [], findingsAdded: [], findingsRemoved: [] });
  });

  it('filters by agency, year, host, verdict and text (flag notes included)', async () => {
    const note: Flag = { id: 'f-1', key: 'appeals.review.total', kind: 'wrong', note: '复议数与正文不符', createdAt: '2025-02-01T00:00:00.000Z' };
    await save({ year: 2024, findings: [finding('T3-ROW', 'error', 'requests.granted.total', 7, 8)] }, `${HEGANG}/2024.html`, '2025-02-01T00:00:00.000Z');
    await save({ year: 2023, findings: [finding('VAL-BLANK', 'warning', 'active.fees.amount')] }, `${HEGANG}/2023.html`, '2025-02-02T00:00:00.000Z', [note]);
    await save({ year: 2024, agency: '精河县', findings: [finding('DATE-LATE', 'info', 'requests')] }, 'http://www.jinghe.gov.cn/2024.html', '2025-02-03T00:00:00.000Z');
    const all = await listSnapshots();

    const years = (list: Snapshot[]) => list.map((s) => `${s.report.agency}${s.report.year}`);
    expect(years(all)).toEqual(['精河县2024', `${AGENCY}2023`, `${AGENCY}2024`]);
    expect(years(filterSnapshots(all, { agency: AGENCY }))).toEqual([`${AGENCY}2023`, `${AGENCY}2024`]);
    expect(years(filterSnapshots(all, { year: 2024 }))).toEqual(['精河县2024', `${AGENCY}2024`]);
    expect(years(filterSnapshots(all, { host: 'www.jinghe.gov.cn' }))).toEqual(['精河县2024']);
    expect(years(filterSnapshots(all, { verdict: 'errors' }))).toEqual([`${AGENCY}2024`]);
    expect(years(filterSnapshots(all, { verdict: 'warnings' }))).toEqual([`${AGENCY}2023`]);
    expect(years(filterSnapshots(all, { verdict: 'ok' }))).toEqual(['精河县2024']);
    expect(years(filterSnapshots(all, { text: '正文 复议' }))).toEqual([`${AGENCY}2023`]);
    expect(years(filterSnapshots(all, { text: 'JINGHE' }))).toEqual(['精河县2024']);
    expect(years(filterSnapshots(all, { agency: AGENCY, year: 2024, verdict: 'ok' }))).toEqual([]);
    expect(facets(all)).toEqual({ agencies: [AGENCY, '精河县'].sort((a, b) => a.localeCompare(b, 'zh-CN')), years: [2024, 2023], hosts: ['www.hegang.gov.cn', 'www.jinghe.gov.cn'] });
    expect(verdictOf(all[0]!.report)).toBe('ok');
  });

  it('agencyYears gives one agency’s key totals per year, the latest saved of each year', async () => {
    await save({ year: 2023, change: { 'requests.newReceived.total': 20 } }, `${HEGANG}/2023.html`, '2024-02-01T00:00:00.000Z');
    await save({ year: 2023, change: { 'requests.newReceived.total': 21 } }, `${HEGANG}/2023.html`, '2024-03-01T00:00:00.000Z');
    await save({ year: 2024 }, `${HEGANG}/2024.html`, '2025-02-01T00:00:00.000Z');
    await save({ year: 2024, agency: '精河县' }, 'http://www.jinghe.gov.cn/2024.html', '2025-02-03T00:00:00.000Z');
    const rows = agencyYears(await listSnapshots(), AGENCY);
    expect(rows.map((r) => r.year)).toEqual([2023, 2024]);
    expect(rows[0]!.totals['requests.newReceived.total']).toBe(21);
    expect(rows[1]!.totals).toEqual({
      'requests.newReceived.total': 38,
      'requests.carriedOver.total': 1,
      'requests.totalProcessed.total': 39,
      'requests.carriedForward.total': 0,
      'appeals.review.total': 1,
      'appeals.suitDirect.total': 0,
      'appeals.suitAfterReview.total': 0,
      'active.normativeDocs.inForce': 109,
    });
  });
});
