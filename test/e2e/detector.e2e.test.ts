// Recognition at almost no cost: the detector runs on every *.gov.cn page, and the analyzer is
// injected only where the page is a report, including reports whose text arrives after load.
// Non-report pages get nothing else: the DOM stays exactly as a browser without the extension has it.
import { describe, expect, it } from 'vitest';
import { ANALYZER_HOST, useLens } from './harness';

const lens = useLens();

const DETECTOR = '/detector.js';
const ANALYZER = '/content-scripts/analyzer.js';
/** Longer than the detector's re-check delay and the analyzer's start: anything that would come has come. */
const SETTLE_MS = 1_000;

describe('injection', () => {
  it.each(['000-word', '001-word', '002-split', '003-clean', '004-word', 'pingtan-2024', 'shuyang-fgj-2023'])(
    'injects the analyzer into the report page %s, once',
    async (id) => {
      const page = await lens.open(id);
      await lens.waitForAnalyzer(page);
      await page.waitForTimeout(SETTLE_MS);
      // The detector also runs in the page's gov.cn iframes (shuyang's footer): the analyzer only once.
      expect(lens.scripts(page).filter((s) => s !== DETECTOR)).toEqual([ANALYZER]);
      expect(await page.locator(ANALYZER_HOST).count()).toBe(1);
      expect((await lens.verdict(page))?.isReport).toBe(true);
    },
  );

  it('runs only the detector on a gov.cn page that is not a report, and changes nothing in it', async () => {
    const page = await lens.open('nonreport-gov');
    await page.waitForTimeout(SETTLE_MS);
    expect(lens.scripts(page)).toEqual([DETECTOR]);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(await lens.plainHtml(page.url()));
    expect(await lens.verdict(page)).toBeNull();
    expect((await lens.badge(page)).text).toBe('');
  });

  it('runs nothing at all on a page outside gov.cn', async () => {
    const page = await lens.open('nonreport-other');
    await page.waitForTimeout(SETTLE_MS);
    expect(lens.scripts(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(await lens.plainHtml(page.url()));
  });

  it('does not read a report outside gov.cn until asked', async () => {
    const page = await lens.open('elsewhere-001');
    await page.waitForTimeout(SETTLE_MS);
    expect(lens.scripts(page)).toEqual([]);
    expect((await lens.badge(page)).text).toBe('');
  });
});

describe('pages that change after load', () => {
  it('recognises a report whose text is switched in 1 s after load ("文字版")', async () => {
    const page = await lens.open('deferred-000');
    // At load the page is a placeholder with a generic title: only the detector is there.
    expect(await page.title()).toBe('鹤岗市人民政府');
    expect(lens.scripts(page)).toEqual([DETECTOR]);
    await lens.waitForAnalyzer(page);
    expect(lens.scripts(page)).toEqual([DETECTOR, ANALYZER]);
    // It reads exactly as the same report served whole.
    const whole = await lens.open('000-word');
    expect(await lens.waitForVerdict(page)).toEqual(await lens.waitForVerdict(whole));
    expect((await lens.verdict(page))?.agency).toBe('鹤岗市人民政府办公室');
  });

  it('recognises a report reached by history.pushState from a page that was not one', async () => {
    const page = await lens.open('nonreport-gov');
    await page.waitForTimeout(SETTLE_MS);
    expect(lens.scripts(page)).toEqual([DETECTOR]);
    // A single-page site: the router fetches the next article, swaps the body and the title.
    const report = lens.url('000-word');
    await page.evaluate(async (url) => {
      const next = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
      history.pushState({}, '', url);
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
    }, report);
    await lens.waitForAnalyzer(page);
    expect(lens.scripts(page)).toEqual([DETECTOR, ANALYZER]);
    expect((await lens.waitForVerdict(page)).agency).toBe('鹤岗市人民政府办公室');
  });
});
