// The Snapshots page in real Chromium with the built extension, its storage seeded through the
// service worker: saved reports listed, a corrupted entry quarantined while the others load, and
// export → clear storage → import giving back exactly what was stored.
// A report saved from the panel goes the same way. (Flags across a reload and YOY: keep.e2e.test.ts.)
import { beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { inPanel, useLens } from './harness';
import { snapshotId, tablesHash } from '../../utils/snapshots/hash';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../utils/snapshots/schema';
import { seedReport, type ReportOptions } from '../../utils/snapshots/testing';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

// Chinese first; the texts below are asked of the extension itself (lens.t) rather than written out.
const lens = useLens({ extensionDir: process.env.GKL_E2E_EXTENSION, lang: 'zh-CN' });

/** A snapshot as saveSnapshot stores it (built here: node has no extension storage). */
function snapshot(opts: ReportOptions, url: string, savedAt: string): Snapshot {
  const report = seedReport({ ...opts, source: url });
  const hash = tablesHash(report);
  return { format: SNAPSHOT_FORMAT, id: snapshotId(url, hash), url, title: report.title, savedAt, hash, flags: [], report };
}

const A = snapshot({ year: 2023 }, 'http://www.hegang.gov.cn/zwgk/gknb/2024/01/30/2023.html', '2024-02-01T02:00:00.000Z');
const B = snapshot({ year: 2024 }, 'http://www.hegang.gov.cn/zwgk/gknb/2025/01/24/2024.html', '2025-02-01T02:00:00.000Z');
B.flags = [{ id: 'f-1', key: 'requests.totalProcessed.natural', kind: 'doubtful', note: '核对原件', createdAt: '2025-02-01T02:01:00.000Z' }];

const storageContents = () => lens.inWorker(() => chrome.storage.local.get(null), undefined);
const seed = (items: Record<string, unknown>) =>
  lens.inWorker(async (values) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(values);
  }, items);

async function openSnapshotsPage(): Promise<Page> {
  const page = await lens.context.newPage();
  await page.goto(`chrome-extension://${lens.extensionId}/snapshots.html`);
  await page.locator('table.list, p.empty').first().waitFor();
  return page;
}

const rowNames = (page: Page) => page.locator('table.list tbody th').allTextContents();

/** A message of the extension in the browser's language, as i18n.t('a.b', subs) gives it. */
const t = (page: Page, key: string, subs: string[] = []) =>
  page.evaluate(([name, s]) => (chrome.i18n.getMessage as (n: string, subs: string[]) => string)(name, [...s]), [key.replaceAll('.', '_'), subs] as const);

/** Exports every snapshot as JSON from the page, clears storage, imports the file: storage after. */
async function exportClearImport(page: Page, count: number): Promise<Record<string, unknown>> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: await t(page, 'snapshots.export.jsonAll') }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'gongkai-lens/snapshots', version: 1 });

  await seed({});
  await expect.poll(() => page.locator('p.empty').count()).toBe(1);

  await page.getByLabel(await t(page, 'snapshots.import.choose')).setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('heading', { name: await t(page, 'snapshots.import.planHeading') }).waitFor();
  expect(await page.locator('.import-plan li').first().textContent()).toBe(await t(page, 'snapshots.import.added', [String(count)]));
  await page.getByRole('button', { name: await t(page, 'snapshots.import.confirm'), exact: true }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe(await t(page, 'snapshots.import.done', [String(count)]));
  return storageContents();
}

describe('Snapshots page', () => {
  beforeEach(() => seed({ [`snapshot:${A.id}`]: A, [`snapshot:${B.id}`]: B }));

  it('lists the saved reports in a captioned table', async () => {
    const page = await openSnapshotsPage();
    await expect.poll(() => page.title()).toBe(`${await t(page, 'snapshots.page.title')} · ${await t(page, 'extName')}`);
    expect(await page.locator('table.list caption').textContent()).toBe(await lens.t('snapshots.list.caption', ['2', '2'], 2));
    expect(await page.locator('table.list tbody td:nth-child(3)').allTextContents()).toEqual(['2024', '2023']);
    await page.close();
  });

  it('quarantines a corrupted entry while the others load, and lists it', async () => {
    await lens.inWorker((bad) => chrome.storage.local.set({ 'snapshot:corrupted': bad }), { format: 1, id: 'corrupted', report: 'garbage' });
    const page = await openSnapshotsPage();
    expect(await rowNames(page)).toHaveLength(2);
    await page.locator('.quarantine tbody th', { hasText: 'snapshot:corrupted' }).waitFor();
    expect(await page.locator('.quarantine tbody tr').count()).toBe(1);
    const stored = await storageContents();
    expect(stored['snapshot:corrupted']).toBeUndefined();
    const quarantined = Object.entries(stored).filter(([k]) => k.startsWith('quarantine:snapshot:corrupted@'));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]![1]).toMatchObject({ key: 'snapshot:corrupted', raw: { format: 1, id: 'corrupted', report: 'garbage' } });
    await page.close();
  });

  it('export → clear storage → import gives back exactly what was stored', async () => {
    const before = await storageContents();
    const page = await openSnapshotsPage();
    const after = await exportClearImport(page, 2);
    // The snapshots come back identical; B's flag also returns to its page's own flags.
    expect(Object.fromEntries(Object.entries(after).filter(([k]) => k.startsWith('snapshot:')))).toEqual(before);
    expect(after[`flags:${B.url}`]).toEqual({ format: 1, url: B.url, flags: B.flags });
    expect(await rowNames(page)).toHaveLength(2);
    await page.close();
  });

  it('a report saved from the panel: the panel opens it on the page, listed with the others, and it survives export → clear → import', async () => {
    const report = await lens.open('000-word');
    await lens.waitForAnalyzer(report);
    await inPanel(report, 'button.pill').click();
    await inPanel(report, '.copybar button.save').click();
    await expect.poll(() => inPanel(report, '.keep-status [role="status"]').textContent()).toBe(await lens.t('save.saved'));
    const stored = await storageContents();
    const saved = Object.keys(stored).filter((k) => k.startsWith('snapshot:') && k !== `snapshot:${A.id}` && k !== `snapshot:${B.id}`);
    expect(saved).toHaveLength(1);
    const id = saved[0]!.slice('snapshot:'.length);

    const opened = lens.context.waitForEvent('page');
    await inPanel(report, '.keep-status button.open-snapshot').click();
    const page = await opened;
    await page.locator('#snapshot-heading').waitFor();
    expect(page.url()).toBe(`chrome-extension://${lens.extensionId}/snapshots.html#snapshot=${id}`);
    expect(await page.locator('#snapshot-heading').textContent()).toBe('鹤岗市人民政府办公室2024年政府信息公开工作年度报告');
    await report.close();

    await page.goto(`chrome-extension://${lens.extensionId}/snapshots.html`);
    await page.locator('table.list').waitFor();
    expect(await page.locator('table.list tbody td:nth-child(3)').allTextContents()).toEqual(['2024', '2024', '2023']);
    const before = Object.fromEntries(Object.entries(stored).filter(([k]) => k.startsWith('snapshot:')));
    const after = await exportClearImport(page, 3);
    expect(Object.fromEntries(Object.entries(after).filter(([k]) => k.startsWith('snapshot:')))).toEqual(before);
    await page.close();
  });

  it('CSV export opens as UTF-8 with BOM, one row per snapshot', async () => {
    const page = await openSnapshotsPage();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: await t(page, 'snapshots.export.csvAll') }).click();
    const bytes = await readFile(await (await download).path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('机关,年度,格式,网址,保存时间,错误数,提醒数,')).toBe(true);
    expect(lines.filter(Boolean)).toHaveLength(3);
    await page.close();
  });
});
