// The toolbar badge, per tab: the number of errors (red), else of warnings (amber), else a green ✓
// on a report with neither; nothing on other pages; gone when the tab leaves the report. The
// counts are those of the seeds' expected findings (test/fixtures/seeds.ts, from EXPECTED.md).
import { describe, expect, it } from 'vitest';
import { useLens } from './harness';
import { SEEDS } from '../fixtures/seeds';
import { RULES } from '../../lib/checks';
import type { SeedId } from '../../scripts/serve';

const lens = useLens();

const RED = [197, 34, 31, 255];
const AMBER = [249, 171, 0, 255];
const GREEN = [24, 128, 56, 255];

function expectedCounts(seed: SeedId): { errors: number; warnings: number } {
  const { findings } = SEEDS.find((s) => s.id === seed)!;
  const severity = (rule: string) => RULES.find((r) => r.id === rule)!.severity;
  return {
    errors: findings.filter((f) => severity(f.rule) === 'error').length,
    warnings: findings.filter((f) => severity(f.rule) === 'warning').length,
  };
}

describe('badge per report', () => {
  it('reads the expected counts off the seeds: the engine must find exactly these', () => {
    expect(Object.fromEntries((['000', '001', '002', '003', '004'] as const).map((s) => [s, expectedCounts(s)]))).toEqual({
      '000': { errors: 0, warnings: 0 },
      '001': { errors: 7, warnings: 1 },
      '002': { errors: 0, warnings: 0 },
      '003': { errors: 12, warnings: 0 },
      '004': { errors: 0, warnings: 3 },
    });
  });

  it.each([
    ['001', '7', RED],
    ['003', '12', RED],
    ['004', '3', AMBER],
    ['000', '✓', GREEN],
    ['002', '✓', GREEN],
  ] as const)('seed %s shows "%s"', async (seed, text, background) => {
    const page = await lens.open(`${seed}-word`);
    const verdict = await lens.waitForVerdict(page);
    expect({ errors: verdict.errors, warnings: verdict.warnings }).toEqual(expectedCounts(seed));
    const badge = await lens.badge(page);
    expect(badge.text).toBe(text);
    expect(badge.background).toEqual(background);
    // The button's name for screen readers says what the badge shows.
    const summary =
      text === '✓'
        ? await lens.t('badge.clean')
        : await lens.t('badge.summary', [await lens.t('badge.errors', undefined, verdict.errors), await lens.t('badge.warnings', undefined, verdict.warnings)]);
    expect(badge.title).toBe(`${await lens.t('extName')} — ${summary}`);
  });
});

describe('badge per tab', () => {
  it('keeps each tab its own badge, and none on pages that are not reports', async () => {
    const errors = await lens.open('001-word');
    const warnings = await lens.open('004-word');
    const plain = await lens.open('nonreport-gov');
    const elsewhere = await lens.open('nonreport-other');
    await lens.waitForVerdict(errors);
    await lens.waitForVerdict(warnings);
    await plain.waitForTimeout(1_000);
    expect((await lens.badge(errors)).text).toBe('7');
    expect((await lens.badge(warnings)).text).toBe('3');
    expect(await lens.badge(plain)).toEqual({ text: '', background: expect.any(Array), title: await lens.t('extName') });
    expect(await lens.badge(elsewhere)).toEqual({ text: '', background: expect.any(Array), title: await lens.t('extName') });
  });

  it('clears the badge and the verdict when the tab navigates to a page that is not a report', async () => {
    const page = await lens.open('003-word');
    await lens.waitForVerdict(page);
    expect((await lens.badge(page)).text).toBe('12');
    await page.goto(lens.url('nonreport-gov'));
    await page.waitForTimeout(1_000);
    expect((await lens.badge(page)).text).toBe('');
    expect(await lens.verdict(page)).toBeNull();
  });

  it('keeps the badge through in-page navigation (#anchors, history.pushState) on the report', async () => {
    const page = await lens.open('001-word');
    await lens.waitForVerdict(page);
    await page.evaluate(() => (location.hash = '#table3'));
    await expect.poll(async () => (await lens.badge(page)).text).toBe('7');
    await page.evaluate(() => history.pushState({}, '', '?print=1'));
    await expect.poll(async () => (await lens.badge(page)).text).toBe('7');
    expect((await lens.verdict(page))?.errors).toBe(7);
  });

  it('shows the new report after navigating from one report to another', async () => {
    const page = await lens.open('001-word');
    await lens.waitForVerdict(page);
    await page.goto(lens.url('004-word'));
    await expect.poll(async () => (await lens.badge(page)).text).toBe('3');
    expect((await lens.verdict(page))?.agency).toBe(SEEDS.find((s) => s.id === '004')!.agency);
  });

  it('still knows the verdict after the service worker was stopped and restarted', async () => {
    const page = await lens.open('003-word');
    await lens.waitForVerdict(page);
    await lens.restartWorker();
    // The popup asks; the worker starts again with nothing in memory and reads storage.session.
    expect(await lens.verdict(page)).toMatchObject({ isReport: true, errors: 12, warnings: 0, year: 2019 });
    expect((await lens.badge(page)).text).toBe('12');
  });
});
