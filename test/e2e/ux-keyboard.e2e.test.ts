// A newcomer's whole flow by keyboard alone, in real Chromium: open a report's panel with the
// shortcut, go through each error, flag one, copy a table for Excel, download the workbook, save the
// report, and see it compared with last year's.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { ANALYZER_HOST, inPanel, useLens } from './harness';

declare const chrome: typeof browser;

const lens = useLens({ lang: 'zh-CN' });

/** The shortcut's command, as the background hands it to the tab (CDP cannot press a browser accelerator). */
async function shortcut(page: Page): Promise<void> {
  const tab = await lens.tabId(page);
  await lens.inWorker((id) => chrome.tabs.sendMessage(id, { type: 'gkl:toggle-panel' }, { frameId: 0 }), tab);
}

/** What has the focus in the panel: "<tag>.<class>#<id>: <text>" (or "page" outside it). */
const focused = (page: Page) =>
  page.evaluate((host) => {
    const active = document.activeElement;
    if (active?.localName !== host) return 'page';
    const el = active.shadowRoot!.activeElement as HTMLElement | null;
    return el ? `${el.localName}.${el.className}#${el.id}: ${el.textContent?.trim().slice(0, 40)}` : 'none';
  }, ANALYZER_HOST);

/** Presses Tab (or Shift+Tab) until the focus is on what `wanted` matches; at most `max` presses. */
async function tabTo(page: Page, wanted: RegExp, back = false, max = 80): Promise<string> {
  for (let i = 0; i < max; i++) {
    const now = await focused(page);
    if (wanted.test(now)) return now;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`no ${wanted} within ${max} presses; last: ${await focused(page)}`);
}

describe('by keyboard alone', () => {
  it('open, find each error, flag one, copy a table, download the workbook, save, compare with last year', async () => {
    // 1. The report of last year first (seed 000, 2024): open its panel, save it.
    const lastYear = await lens.open('000-word');
    await lens.waitForAnalyzer(lastYear);
    await shortcut(lastYear);
    await expect.poll(() => focused(lastYear)).toMatch(/#gkl-title/);
    await tabTo(lastYear, /^button\.save/);
    await lastYear.keyboard.press('Enter');
    await expect.poll(() => inPanel(lastYear, '.keep-status [role="status"]').textContent()).toBe('已保存。');
    await lastYear.keyboard.press('Escape');
    await lastYear.close();

    // 2. A report with errors (seed 001): every finding with N, its cells shown in the page.
    const page = await lens.open('001-word');
    await lens.waitForAnalyzer(page);
    await shortcut(page);
    await expect.poll(() => focused(page)).toMatch(/#gkl-title/);
    const seen: string[] = [];
    for (let i = 1; i <= 8; i++) {
      await page.keyboard.press('n');
      await expect.poll(() => inPanel(page, '.finding-nav .position').textContent()).toBe(`第 ${i} / 8 处`);
      seen.push(await focused(page));
      await expect.poll(() => page.locator('[data-gkl-focus]').count()).toBeGreaterThan(0);
    }
    expect(seen.map((s) => s.split('#')[1]!.split(':')[0])).toEqual([
      'gkl-item-finding_7', 'gkl-item-finding_0', 'gkl-item-finding_1', 'gkl-item-finding_2',
      'gkl-item-finding_3', 'gkl-item-finding_4', 'gkl-item-finding_5', 'gkl-item-finding_6',
    ]);

    // 3. Flag the last one (T3-BAL · 总计): its one flag command is the next stop after it.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^button\.#: 标记存疑$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^input\./);
    // The form opens beside the finding it is about, not at the top of the panel.
    expect(await inPanel(page, 'li.item:has(#gkl-item-finding_6) form.flag-form').count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.type('原件为 0');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^button\.primary/);
    await page.keyboard.press('Enter');
    await expect.poll(() => inPanel(page, '.keep-status [role="status"]').textContent()).toBe('已标记 （七）总计 · 总计（0）。');
    await expect.poll(() => page.locator('[data-gkl-mark~="flag"]').count()).toBe(1);

    // 4. Copy 表三 for Excel: its own copy button.
    await tabTo(page, /^button\.copy-table#: 复制此表$/);
    // The first table's button is 表二's; on to 表三's.
    await page.keyboard.press('Tab');
    await tabTo(page, /^button\.copy-table#: 复制此表$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => inPanel(page, '.table[aria-label^="表三"] .copy-table-box [role="status"]').textContent()).toBe('已复制表三，可粘贴到 Excel、WPS 或 Word');
    const tsv = (await lens.clipboard()).split('\n');
    expect(tsv.slice(0, 3)).toEqual(['表三 收到和处理政府信息公开申请情况', '\t申请人情况\t\t\t\t\t\t', '\t自然人\t法人或其他组织\t\t\t\t\t总计']);

    // 5. Download the workbook: back up to its link.
    await tabTo(page, /^a\.download download-xlsx/, true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('盘锦市双台子区人民政府办公室-2023-公开年报核对.xlsx');
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect([...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['表二', '表三', '表四', '问题清单']);

    // Escape: the panel closes and the page has the keys again.
    await page.keyboard.press('Escape');
    await expect.poll(() => inPanel(page, '[role="dialog"]').count()).toBe(0);
    expect(await focused(page)).toBe('page');

    // 6. This year's report of the same agency (2025): compared with the 2024 report just saved.
    const thisYear = await lens.open('000-next');
    await lens.waitForAnalyzer(thisYear);
    await expect.poll(() => lens.verdict(thisYear)).toMatchObject({ warnings: 2, year: 2025 });
    await shortcut(thisYear);
    await expect.poll(() => focused(thisYear)).toMatch(/#gkl-title/);
    await thisYear.keyboard.press('n');
    await expect.poll(() => focused(thisYear)).toMatch(/^button\.item-button#gkl-item-finding_0/);
    expect(await inPanel(thisYear, '#gkl-item-finding_0 .fix').textContent()).toBe('表中 2，上年 0');
    expect(await inPanel(thisYear, '#gkl-item-finding_0 .against').textContent()).toMatch(/^对比：鹤岗市人民政府办公室 2024 年报/);
  });
});
