// Keep and compare in real Chromium with the built extension: the reader flags a figure (from the
// panel's tables, and through the page's context menu after a real right-click on the cell), the
// flag comes back on the same <td> after a reload; seed 000 saved from the panel as "last year"
// makes the next year's page (a synthetic 2025 fixture) show YOY-CARRY naming that snapshot, also
// when that page was already open in another tab.
// (Saved from the panel → the Snapshots page → export → clear → import: snapshots.e2e.test.ts.)
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { ANALYZER_HOST, inPanel, useLens } from './harness';
import type { Snapshot } from '../../utils/snapshots/schema';

declare const chrome: typeof browser;


// Chinese first: the panel's own language.
const lens = useLens({ lang: 'zh-CN' });
beforeEach(() => lens.inWorker(() => chrome.storage.local.clear(), undefined));

/** The report's own cells (the panel's tables are in its shadow root, outside the article). */
const pageCells = (page: Page) => page.locator('.article-content td');

/** The panel expanded (it stays as the reader left it across pages). */
async function expand(page: Page): Promise<void> {
  if (!(await inPanel(page, '[role="dialog"]').count())) await inPanel(page, 'button.pill').click();
  await inPanel(page, '[role="dialog"]').waitFor();
}

/** Index among the report's cells of the one holding `text` (the n-th such). */
const cellIndex = (page: Page, text: string, nth = 0) =>
  pageCells(page).evaluateAll((tds, [t, n]) => tds.map((td, i) => [td.textContent!.trim(), i] as const).filter(([s]) => s === t)[n as number]![1], [text, nth] as const);

/** [index, kind of mark, its tooltip, the inset outline's colour] of every marked cell of the report. */
const marks = (page: Page) =>
  pageCells(page).evaluateAll((tds) =>
    tds.flatMap((td, i) => (td.hasAttribute('data-gkl-mark') ? [[i, td.getAttribute('data-gkl-mark'), td.getAttribute('title'), getComputedStyle(td).boxShadow]] : [])),
  );
const PURPLE_INSET = 'rgb(123, 31, 162) 0px 0px 0px 5px inset';

/** Kind, rule and message of the panel's list. */
const listed = (page: Page) =>
  inPanel(page, 'li.item').evaluateAll((items) => items.map((li) => [li.querySelector('.kind')!.textContent, (li as HTMLElement).dataset.rule, li.querySelector('.message')!.textContent]));

async function fillFlagForm(page: Page, kind: 'wrong' | 'doubtful', note: string): Promise<void> {
  const form = inPanel(page, 'form.flag-form');
  await form.waitFor();
  await form.locator(`input[value="${kind}"]`).check();
  await form.locator('textarea').fill(note);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
}

const status = (page: Page) => inPanel(page, '.keep-status [role="status"]');
/** Whether an element of the panel has the focus in its shadow root. */
const hasFocus = (element: Locator) => element.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);

describe('the reader’s flags', () => {
  it('from the panel’s tables: marked on its cell, back on the same <td> after a reload, and listed', async () => {
    const page = await lens.openReport('000-word');
    await expand(page);
    const figure = inPanel(page, 'td[data-key="requests.granted.natural"]');
    expect(await figure.getAttribute('aria-describedby')).toBe('gkl-cell-hint-0');
    expect(await inPanel(page, '#gkl-cell-hint-0').textContent()).toBe('按回车键或空格键：标记存疑');
    // One tab stop for 表三 (its first figure), then the arrows: 一、新收 · 自然人 → 二、上年结转 → （一）予以公开.
    await inPanel(page, 'td[data-key="requests.newReceived.natural"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await hasFocus(figure)).toBe(true);
    await page.keyboard.press('Enter');
    // The form takes focus (on the kind already chosen): the reader goes on typing.
    await expect.poll(() => inPanel(page, 'input[value="doubtful"]').evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await fillFlagForm(page, 'wrong', '原件为 6');
    await expect.poll(() => status(page).textContent()).toBe('已标记 （一）予以公开 · 自然人（7）。');
    // Focus is back on the figure the form was opened from.
    expect(await hasFocus(figure)).toBe(true);

    const index = await cellIndex(page, '7');
    const expected = [[index, 'flag', '（一）予以公开 · 自然人：原件为 6', PURPLE_INSET]];
    await expect.poll(() => marks(page)).toEqual(expected);

    await page.reload();
    await lens.waitForAnalyzer(page);
    await expect.poll(() => marks(page)).toEqual(expected);
    await expand(page);
    expect(await listed(page)).toEqual([['标记', '错误', '（一）予以公开 · 自然人：原件为 6']]);
    await page.close();
  });

  it('from the page’s context menu, after a real right-click on the cell', async () => {
    // The menu item exists (update fails on an unknown id).
    await lens.inWorker(() => chrome.contextMenus.update('gkl-flag-cell', {}), undefined);
    const page = await lens.openReport('000-word');
    const index = await cellIndex(page, '39');
    await pageCells(page).nth(index).click({ button: 'right' });
    // Headless Chromium shows no native menu: run what choosing its item runs.
    const tabId = await lens.tabId(page);
    await lens.inWorker(
      ({ tab, url }) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
          { menuItemId: 'gkl-flag-cell', frameId: 0, editable: false, pageUrl: url },
          { id: tab, index: 0, windowId: -1, url },
        ),
      { tab: tabId, url: page.url() },
    );
    await inPanel(page, 'form.flag-form').waitFor();
    expect(await inPanel(page, 'form.flag-form h4').textContent()).toBe('标记 （七）总计 · 总计（39）');
    await fillFlagForm(page, 'doubtful', '正文称办理 39 件');

    const expected = [[index, 'flag', '（七）总计 · 总计：正文称办理 39 件', PURPLE_INSET]];
    await expect.poll(() => marks(page)).toEqual(expected);
    await page.reload();
    await lens.waitForAnalyzer(page);
    await expect.poll(() => marks(page)).toEqual(expected);
    await expand(page);
    expect(await listed(page)).toEqual([['标记', '存疑', '（七）总计 · 总计：正文称办理 39 件']]);
    await page.close();
  });
});

describe('year over year', () => {
  it('seed 000 saved from the panel as last year: the 2025 page shows YOY-CARRY on 自然人 and 总计, naming that snapshot', async () => {
    const lastYear = await lens.openReport('000-word');
    await expand(lastYear);
    await inPanel(lastYear, '.copybar button.save').click();
    await expect.poll(() => status(lastYear).textContent()).toBe('已保存。');
    await lastYear.close();
    const stored = await lens.inWorker(() => chrome.storage.local.get(null), undefined);
    const [saved] = Object.entries(stored).flatMap(([key, value]) => (key.startsWith('snapshot:') ? [value as Snapshot] : []));
    expect(saved!.report).toMatchObject({ agency: '鹤岗市人民政府办公室', year: 2024, findings: [] });

    const page = await lens.openReport('000-next');
    await expect.poll(() => lens.verdict(page)).toEqual({ isReport: true, errors: 0, warnings: 2, infos: 0, agency: '鹤岗市人民政府办公室', year: 2025 });
    await expand(page);
    // The day it was saved, on the reader's clock (Sweden's format is YYYY-MM-DD).
    const label = `鹤岗市人民政府办公室 2024 年报，保存于 ${new Date(saved!.savedAt).toLocaleDateString('sv-SE')}`;
    const items = await inPanel(page, 'li.item').evaluateAll((lis) =>
      lis.map((li) => [(li as HTMLElement).dataset.rule, li.querySelector('.message')!.textContent, li.querySelector('.fix')!.textContent, li.querySelector('.against')!.textContent]),
    );
    expect(items).toEqual([
      ['YOY-CARRY', `表三 二、上年结转政府信息公开申请数量 · 自然人：表中填报 2，而上年报告（${label}）四、结转下年度继续办理为 0。`, '表中 2，上年 0', `对比：${label}`],
      ['YOY-CARRY', `表三 二、上年结转政府信息公开申请数量 · 总计：表中填报 2，而上年报告（${label}）四、结转下年度继续办理为 0。`, '表中 2，上年 0', `对比：${label}`],
    ]);
    // The cells in the page: 二、上年结转 · 自然人 and · 总计 (the first and last "2" of the report's tables).
    const natural = await cellIndex(page, '2', 0);
    const total = await cellIndex(page, '2', 1);
    expect((await marks(page)).map(([i, kind]) => [i, kind])).toEqual([[natural, 'warning'], [total, 'warning']]);
    expect(await inPanel(page, 'td[data-key="requests.carriedOver.natural"]').getAttribute('class')).toBe('kind-warning');

    // For the docs: the panel with the YOY finding and a flag of the reader's, both marked in the page.
    await inPanel(page, 'td[data-key="requests.newReceived.natural"]').dblclick();
    await fillFlagForm(page, 'doubtful', '与原件核对');
    await inPanel(page, 'li.item.kind-flag').waitFor();
    await pageCells(page).nth(natural).scrollIntoViewIfNeeded();
    await inPanel(page, '.body').evaluate((body) => (body.scrollTop = 0));
    await lens.screenshot(page, 'panel-keep-flag-yoy');
    await page.close();
  });

  it('the 2025 page open first: seed 000 saved afterwards from another tab brings its YOY-CARRY findings without a reload', async () => {
    const page = await lens.openReport('000-next');
    await expect.poll(() => lens.verdict(page)).toMatchObject({ isReport: true, errors: 0, warnings: 0, year: 2025 });

    const lastYear = await lens.openReport('000-word');
    await expand(lastYear);
    await inPanel(lastYear, '.copybar button.save').click();
    await expect.poll(() => status(lastYear).textContent()).toBe('已保存。');
    await lastYear.close();

    await expect.poll(() => lens.verdict(page)).toEqual({ isReport: true, errors: 0, warnings: 2, infos: 0, agency: '鹤岗市人民政府办公室', year: 2025 });
    await expand(page);
    expect(await inPanel(page, 'li.item').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.rule))).toEqual(['YOY-CARRY', 'YOY-CARRY']);
    expect(await inPanel(page, 'td[data-key="requests.carriedOver.natural"]').getAttribute('class')).toBe('kind-warning');
    expect((await marks(page)).map(([, kind]) => kind)).toEqual(['warning', 'warning']);
    await page.close();
  });
});
