// The snapshot index in real Chromium with the built extension, against the issue's budgets, with
// 1,000 snapshots stored: finding last year's report on a report page's load (≤ 5 ms) and the
// Snapshots list's query (≤ 200 ms). Asserts nothing: figures to read beside the budgets.
//   - 1,000 snapshots (200 agencies × 5 years) are seeded through the extension's own write path:
//     the `gkl:store` request (utils/snapshots/writer) sent from an extension page, 100 at a time;
//   - findPreviousYear: the `gkl:find-previous-year` measure the analyzer's lookup leaves on the page's
//     timeline, on the 2025 fixture of seed 000's agency (its 2024 report is among the 1,000);
//   - the list query: `gkl:list-summaries` (the index's summaries, what the list shows), left by a
//     save from the panel (its "saved as version n" asks for the page's versions); and
//   - the Snapshots page's open: `gkl:snapshots-page-list` (its first read until the first page of
//     its list, 100 of the 1,000 rows, is rendered), with the `gkl:list-summaries` of that open. (It
//     read every snapshot, `listSnapshots`, until it listed summaries: 2,430 ms here; ~520 ms while it
//     drew all 1,000 rows and the agency × year table with them.)
//
//   npx tsx bench/snapshots.ts [--repeats N]     builds into .output-bench first
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { browser } from 'wxt/browser';
import type { Page } from 'playwright-core';
import { launchLens, inPanel, type Lens } from '../test/e2e/harness';
import { REPO_ROOT } from '../scripts/serve';
import { seedReport } from '../utils/snapshots/testing';
import { snapshotId, tablesHash } from '../utils/snapshots/hash';
import { SNAPSHOT_FORMAT, type Snapshot } from '../utils/snapshots/schema';
import { build } from './chromium';
import { median } from './pages';

declare const chrome: typeof browser;

export const FIND_PREVIOUS_BUDGET_MS = 5;
export const LIST_BUDGET_MS = 200;
const SNAPSHOTS = 1000;
const YEARS = [2020, 2021, 2022, 2023, 2024];

export interface SnapshotIndexBench {
  snapshots: number;
  seedMs: number;
  findPreviousYearMs: number[];
  findPreviousYearIdleMs: number[];
  listSummariesMs: number[];
  snapshotsPageMs: number[];
  snapshotsPageQueryMs: number[];
}

/** 1,000 snapshots: seed 000's agency's 2024 report and 999 others of 200 agencies over 5 years. */
function seedSnapshots(): Snapshot[] {
  const snapshots: Snapshot[] = [];
  for (let i = 0; snapshots.length < SNAPSHOTS; i++) {
    const agency = i === 0 ? '鹤岗市人民政府办公室' : `测试市第${i}局`;
    for (const year of YEARS) {
      if (snapshots.length === SNAPSHOTS) break;
      const url = `http://www.bench${i}.gov.cn/zwgk/gknb/${year + 1}/t${year + 1}0125_${i}.html`;
      const report = seedReport({ agency, year, source: url, change: { 'requests.newReceived.natural': (i + year) % 50 } });
      const hash = tablesHash(report);
      const savedAt = new Date(Date.UTC(year + 1, 1, 1, 0, i % 60)).toISOString();
      snapshots.push({ format: SNAPSHOT_FORMAT, id: snapshotId(url, hash), url, title: report.title, savedAt, hash, flags: [], report });
    }
  }
  return snapshots;
}

// Functions, not strings: extension pages forbid eval. (Arrow functions only: tsx names inner functions.)
const measured = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? null, name);
const measuredOnce = (page: Page, name: string) =>
  page.waitForFunction((n) => performance.getEntriesByName(n, 'measure').length > 0, name, { timeout: 60_000 });

export async function runSnapshotIndexBench(options: { extensionDir?: string; repeats?: number } = {}): Promise<SnapshotIndexBench> {
  const extensionDir = options.extensionDir ?? build(path.join(REPO_ROOT, '.output-bench'));
  const repeats = options.repeats ?? 7;
  const lens: Lens = await launchLens({ extensionDir });
  try {
    const sender = await lens.context.newPage();
    await sender.goto(`chrome-extension://${lens.extensionId}/popup.html?tab=-1`);
    const all = seedSnapshots();
    const seedStart = Date.now();
    for (let at = 0; at < all.length; at += 100) {
      const answer = await sender.evaluate((snapshots) => chrome.runtime.sendMessage({ type: 'gkl:store', request: { op: 'putSnapshots', snapshots } }), all.slice(at, at + 100));
      if (!(answer as { ok?: boolean })?.ok) throw new Error(`seeding failed: ${JSON.stringify(answer)}`);
    }
    const seedMs = Date.now() - seedStart;

    const findPreviousYearMs: number[] = [];
    const findPreviousYearIdleMs: number[] = [];
    const lastYear = all.find((s) => s.report.agency === '鹤岗市人民政府办公室' && s.report.year === 2024)!;
    const count = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);
    const listSummariesMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const page = await lens.open(`${lens.url('000-next')}?bench=${i}`);
      await lens.waitForVerdict(page);
      await measuredOnce(page, 'gkl:find-previous-year');
      findPreviousYearMs.push((await measured(page, 'gkl:find-previous-year'))!);
      // Again with the page idle: last year's snapshot saved anew (another tab) makes the page look it up again.
      await page.waitForTimeout(1000);
      const before = await count(page, 'gkl:find-previous-year');
      await sender.evaluate((snapshot) => chrome.runtime.sendMessage({ type: 'gkl:store', request: { op: 'putSnapshots', snapshots: [snapshot] } }), { ...lastYear, updatedAt: new Date().toISOString() });
      await page.waitForFunction(([n, c]) => performance.getEntriesByName(n as string, 'measure').length > (c as number), ['gkl:find-previous-year', before] as const, { timeout: 20_000 });
      findPreviousYearIdleMs.push((await measured(page, 'gkl:find-previous-year'))!);
      // A save from the panel: a new page, so its status names the version, from the index's summaries.
      if (!(await inPanel(page, '[role="dialog"]').count())) await inPanel(page, 'button.pill').click();
      await inPanel(page, '.copybar button.save').click();
      await measuredOnce(page, 'gkl:list-summaries');
      listSummariesMs.push((await measured(page, 'gkl:list-summaries'))!);
      await page.close();
    }

    const snapshotsPageMs: number[] = [];
    const snapshotsPageQueryMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const page = await lens.context.newPage();
      await page.goto(`chrome-extension://${lens.extensionId}/snapshots.html`);
      await measuredOnce(page, 'gkl:snapshots-page-list');
      snapshotsPageMs.push((await measured(page, 'gkl:snapshots-page-list'))!);
      snapshotsPageQueryMs.push((await page.evaluate(() => performance.getEntriesByName('gkl:list-summaries', 'measure')[0]?.duration ?? null))!);
      await page.close();
    }
    return { snapshots: all.length, seedMs, findPreviousYearMs, findPreviousYearIdleMs, listSummariesMs, snapshotsPageMs, snapshotsPageQueryMs };
  } finally {
    await lens.close();
  }
}

const f = (x: number) => x.toFixed(2);

export function formatSnapshotIndexBench(b: SnapshotIndexBench): string {
  const line = (label: string, values: number[], budget?: number) =>
    `  ${label}: median ${f(median(values))} ms (min ${f(Math.min(...values))}, max ${f(Math.max(...values))}, ${values.length} runs)${budget ? ` — budget ${budget} ms: ${((median(values) / budget) * 100).toFixed(0)}% of it` : ''}`;
  return [
    `snapshot index, ${b.snapshots} snapshots stored (seeded through the writer in ${(b.seedMs / 1000).toFixed(1)} s, 100 per request):`,
    line('findPreviousYear, page idle (last year’s snapshot saved again in another tab)', b.findPreviousYearIdleMs, FIND_PREVIOUS_BUDGET_MS),
    line('findPreviousYear during the page load (wall clock, shares the thread with the first analysis)', b.findPreviousYearMs, FIND_PREVIOUS_BUDGET_MS),
    line('Snapshots list query (listSummaries, from the index)', b.listSummariesMs, LIST_BUDGET_MS),
    line('Snapshots page open: its listSummaries', b.snapshotsPageQueryMs, LIST_BUDGET_MS),
    line('Snapshots page open: first read until the list’s first 100 rows are rendered', b.snapshotsPageMs, LIST_BUDGET_MS),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--repeats');
  const repeats = at > 0 ? Number(process.argv[at + 1]) : undefined;
  console.log(formatSnapshotIndexBench(await runSnapshotIndexBench({ repeats })));
}
