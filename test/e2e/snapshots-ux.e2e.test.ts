// The Snapshots page for a reader comparing versions and years: versions told apart (seconds, what
// changed, a short content hash), verdicts with counts, sorting, per-figure changes between two
// versions or two years, and the agency × year overview with the missing years.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLens } from './harness';
import { snapshotId, tablesHash } from '../../utils/snapshots/hash';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../utils/snapshots/schema';
import { seedReport, type ReportOptions } from '../../utils/snapshots/testing';
import type { Finding } from '../../lib/report/schema';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

const lens = useLens({ lang: 'zh-CN' });

function snapshot(opts: ReportOptions, url: string, savedAt: string): Snapshot {
  const report = seedReport({ ...opts, source: url });
  const hash = tablesHash(report);
  return { format: SNAPSHOT_FORMAT, id: snapshotId(url, hash), url, title: report.title, savedAt, hash, flags: [], report };
}

const error = (cell: string): Finding => ({ rule: 'T3-SUM', severity: 'error', message: `表三 ${cell}`, messageEn: `Table 3 ${cell}`, cells: [cell], expected: 1, actual: 0 });
const URL_2023 = 'http://www.hegang.gov.cn/zwgk/gknb/2024/01/30/2023.html';
// Seed 000's agency: 2021, 2023 (two versions 30 s apart, the second with 一、新收 · 自然人 3 more), 2024 with two errors; no 2022.
const Y2021 = snapshot({ year: 2021 }, 'http://www.hegang.gov.cn/zwgk/gknb/2022/01/28/2021.html', '2022-02-01T02:00:00.000Z');
const Y2023a = snapshot({ year: 2023, change: { 'requests.newReceived.natural': 10 } }, URL_2023, '2024-02-01T02:00:00.000Z');
const Y2023b = snapshot({ year: 2023, change: { 'requests.newReceived.natural': 13 } }, URL_2023, '2024-02-01T02:00:30.000Z');
const Y2024 = snapshot(
  { year: 2024, change: { 'requests.newReceived.natural': 11 }, findings: [error('requests.totalProcessed.natural'), error('requests.totalProcessed.total')] },
  'http://www.hegang.gov.cn/zwgk/gknb/2025/01/24/2024.html',
  '2025-02-01T02:00:00.000Z',
);

async function openPage(): Promise<Page> {
  await lens.inWorker(async (values) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(values);
  }, Object.fromEntries([Y2021, Y2023a, Y2023b, Y2024].map((s) => [`snapshot:${s.id}`, s])));
  const page = await lens.context.newPage();
  await page.goto(`chrome-extension://${lens.extensionId}/snapshots.html`);
  await page.locator('table.list').waitFor();
  return page;
}

/** The list's rows: year, verdict, time saved, version. */
const rows = (page: Page) =>
  page.locator('table.list tbody tr').evaluateAll((trs) =>
    // td: 0 select, 1 year, 2 title, 3 format, 4 verdict, 5 saved, 6 version, 7 actions
    trs.map((tr) => [...tr.querySelectorAll('td')].filter((_, i) => [1, 4, 5, 6].includes(i)).map((td) => td.textContent!.trim())),
  );
const local = (iso: string) => new Date(iso).toLocaleString('sv-SE');

describe('the Snapshots page', () => {
  it('tells versions apart: seconds, a short content hash, what changed; verdicts with counts', async () => {
    const page = await openPage();
    expect(await rows(page)).toEqual([
      ['2024', '2 处错误', local(Y2024.savedAt), `#${Y2024.hash.slice(0, 7)} 首个版本`],
      ['2023', '未发现问题', local(Y2023b.savedAt), `#${Y2023b.hash.slice(0, 7)} 较上一版 1 个数字不同`],
      ['2023', '未发现问题', local(Y2023a.savedAt), `#${Y2023a.hash.slice(0, 7)} 首个版本`],
      ['2021', '未发现问题', local(Y2021.savedAt), `#${Y2021.hash.slice(0, 7)} 首个版本`],
    ].map(([year, verdict, time, version]) => [year, verdict, time, version]));
    expect(local(Y2023b.savedAt)).toMatch(/:00:30$/);
    await page.close();
  });

  it('sorts by year, by errors', async () => {
    const page = await openPage();
    await page.locator('select.sort').selectOption('year');
    expect((await rows(page)).map((r) => r[0])).toEqual(['2024', '2023', '2023', '2021']);
    await page.locator('select.sort').selectOption('errors');
    expect((await rows(page)).map((r) => r[1])).toEqual(['2 处错误', '未发现问题', '未发现问题', '未发现问题']);
    await page.close();
  });

  it('compares two versions figure by figure: the change signed and coloured', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: /^比较版本（2）/ }).first().click();
    await page.locator('table.changes').waitFor();
    expect(await page.locator('.choose select').first().locator('option').allTextContents()).toEqual([
      `${local(Y2023a.savedAt)} · #${Y2023a.hash.slice(0, 7)}`,
      `${local(Y2023b.savedAt)} · #${Y2023b.hash.slice(0, 7)}`,
    ]);
    const changes = await page.locator('table.changes tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...[...tr.children].map((c) => c.textContent), tr.querySelector('td.delta')!.className]),
    );
    expect(changes).toEqual([['一、本年新收政府信息公开申请数量 · 自然人', '10', '13', '+3', 'delta up']]);
    expect(await page.locator('td.delta.up').evaluate((td) => getComputedStyle(td).color)).toBe('rgb(13, 101, 45)');
    await page.close();
  });

  it('compares two years of an agency, and the overview shows the missing year', async () => {
    const page = await openPage();
    const coverage = await page.locator('table.coverage-table').evaluate((t) => ({
      years: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
      row: [...t.querySelectorAll('tbody tr:first-child > *')].map((c) => c.textContent),
    }));
    expect(coverage).toEqual({ years: ['机关', '2021', '2022', '2023', '2024'], row: ['鹤岗市人民政府办公室', '✓', '缺', '✓', '2 处错误'] });
    await page.getByRole('button', { name: '历年对比：鹤岗市人民政府办公室' }).first().click();
    await page.locator('button.compare-years').click();
    await page.locator('table.changes').waitFor();
    expect(await page.locator('#compare-heading').textContent()).toBe('鹤岗市人民政府办公室：两个年度比较');
    expect(await page.locator('.choose select').first().inputValue()).toBe(Y2023b.id);
    expect(await page.locator('.choose select').nth(1).inputValue()).toBe(Y2024.id);
    const natural = page.locator('table.changes tr[data-key="requests.newReceived.natural"]');
    expect(await natural.locator('td').allTextContents()).toEqual(['13', '11', '−2']);
    expect(await natural.locator('td.delta').getAttribute('class')).toBe('delta down');
    expect(await page.locator('.compare h3').first().textContent()).toBe('新出现的问题（2）');
    await lens.screenshot(page, 'snapshots-compare-years');
    await page.close();
  });
});
