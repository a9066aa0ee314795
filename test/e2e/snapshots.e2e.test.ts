// The Snapshots page in real Chromium with the built extension, its storage seeded through the
// service worker: saved reports listed, a corrupted entry quarantined while the others load, and
// export → clear storage → import giving back exactly what was stored.
// (Saving from the panel, flags across a reload and YOY from a saved seed come with the panel wiring.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchLens, type Lens } from './harness';
import { snapshotId, tablesHash } from '../../utils/snapshots/hash';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../utils/snapshots/schema';
import { seedReport, type ReportOptions } from '../../utils/snapshots/testing';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

// Chromium takes its UI language (and so the extension's) from the environment: Chinese first.
// A Chromium without its zh-CN locale (Debian's chromium-l10n) stays in English, so the texts
// below are asked of the extension itself rather than written out.
process.env.LANGUAGE = 'zh_CN';

let lens: Lens;
beforeAll(async () => {
  lens = await launchLens({ extensionDir: process.env.GKL_E2E_EXTENSION });
}, 60_000);
afterAll(() => lens?.close());

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

describe('Snapshots page', () => {
  beforeEach(() => seed({ [`snapshot:${A.id}`]: A, [`snapshot:${B.id}`]: B }));

  it('lists the saved reports in a captioned table', async () => {
    const page = await openSnapshotsPage();
    await expect.poll(() => page.title()).toBe(`${await t(page, 'snapshots.page.title')} · ${await t(page, 'extName')}`);
    expect(await page.locator('table.list caption').textContent()).toBe(await t(page, 'snapshots.list.caption', ['2', '2']));
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
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: await t(page, 'snapshots.export.jsonAll') }).click();
    const file = await (await download).path();
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'gongkai-lens/snapshots', version: 1 });

    await seed({});
    await expect.poll(() => page.locator('p.empty').count()).toBe(1);

    await page.getByLabel(await t(page, 'snapshots.import.choose')).setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('heading', { name: await t(page, 'snapshots.import.planHeading') }).waitFor();
    expect(await page.locator('.import-plan li').first().textContent()).toBe(await t(page, 'snapshots.import.added', ['2']));
    await page.getByRole('button', { name: await t(page, 'snapshots.import.confirm'), exact: true }).click();
    const done = await t(page, 'snapshots.import.done', ['2']);
    await expect.poll(() => page.getByRole('status').textContent()).toBe(done);

    const after = await storageContents();
    // The snapshots come back identical; B's flag also returns to its page's own flags.
    expect(Object.fromEntries(Object.entries(after).filter(([k]) => k.startsWith('snapshot:')))).toEqual(before);
    expect(after[`flags:${B.url}`]).toEqual({ format: 1, url: B.url, flags: B.flags });
    expect(await rowNames(page)).toHaveLength(2);
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
