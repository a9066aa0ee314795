// The panel, the marks and copying, in real Chromium with the built extension, on the seed pages
// served under their gov.cn addresses (plain http, like most of the real sites).
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { ANALYZER_HOST, inPanel, useLens } from './harness';

/** The extension API inside the service worker (code run there through lens.inWorker). */
declare const chrome: typeof browser;


// Chinese first: the panel's own language.
const lens = useLens({ lang: 'zh-CN' });

/** A report page with the panel mounted. The panel keeps its state (expanded or not) across pages. */
/** Collapses the panel to its pill (it may have been left open by an earlier test). */
async function showPill(page: Page): Promise<Locator> {
  if (await inPanel(page, '[role="dialog"]').count()) await inPanel(page, 'button.collapse').click();
  const pill = inPanel(page, 'button.pill');
  await pill.waitFor();
  return pill;
}

/** Opens the panel from its pill, by keyboard. */
async function showPanel(page: Page): Promise<void> {
  await (await showPill(page)).focus();
  await page.keyboard.press('Enter');
  await inPanel(page, '[role="dialog"]').waitFor();
}

/** The panel's list: [rule, message] of every item, in order (the rule id is on the entry, not in its text). */
const findings = (page: Page) =>
  inPanel(page, 'li.item').evaluateAll((items) => items.map((li) => [(li as HTMLElement).dataset.rule, li.querySelector('.message')!.textContent]));

/** Whether an element lies fully inside the viewport, and is what one sees there (not under the panel). */
const inSight = (el: Element) => {
  const r = el.getBoundingClientRect();
  const inside = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  return inside && el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
};

/** The page as its own HTML, without our panel's host element. */
const pageHtml = (page: Page) =>
  page.evaluate((host) => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector(host)?.remove();
    return copy.outerHTML;
  }, ANALYZER_HOST);

describe('verdict: pill, panel and badge agree', () => {
  it('seed 001 (traditional, T2021): 7 errors and 1 warning, the 表三 total row', async () => {
    const page = await lens.openReport('001-word');
    expect(await (await showPill(page)).textContent()).toBe('7 处错误 · 1 处提醒');
    expect(await lens.waitForVerdict(page)).toEqual({ isReport: true, errors: 7, warnings: 1, infos: 0, agency: '盘锦市双台子区人民政府办公室', year: 2023 });
    expect((await lens.badge(page)).text).toBe('7');

    await showPanel(page);
    expect(await findings(page)).toEqual([
      ['T2-STOCK', '表二 行政规范性文件 · 现行有效件数：本年制发 2 件、废止 1 件，现行有效件数至少应为 1，表中填报 0。'],
      ['T3-ROW', '表三 （七）总计 · 总计：六类申请人（自然人至其他）之和为 6，表中填报 0。'],
      ['T3-SUM', '表三 （七）总计 · 自然人：各项办理结果之和为 3，表中填报 0。'],
      ['T3-SUM', '表三 （七）总计 · 商业企业：各项办理结果之和为 3，表中填报 6。'],
      ['T3-SUM', '表三 （七）总计 · 总计：各项办理结果之和为 6，表中填报 0。'],
      ['T3-BAL', '表三 （七）总计 · 自然人：一 + 二 = 3，（七）总计 + 四 = 0（3 ≠ 0）；（七）总计应为 3，表中填报 0。'],
      ['T3-BAL', '表三 （七）总计 · 商业企业：一 + 二 = 3，（七）总计 + 四 = 6（3 ≠ 6）；（七）总计应为 3，表中填报 6。'],
      ['T3-BAL', '表三 （七）总计 · 总计：一 + 二 = 6，（七）总计 + 四 = 0（6 ≠ 0）；（七）总计应为 6，表中填报 0。'],
    ]);
    // The page's cells as the panel read them: the (七)总计 row, errors in their columns
    const totalRow = inPanel(page, 'table.national tbody tr').filter({ has: page.locator('th', { hasText: /^（七）总计$/ }) }).locator('td');
    expect(await totalRow.allTextContents()).toEqual(['0', '6', '0', '0', '0', '0', '0']);
    expect(await totalRow.evaluateAll((tds) => tds.map((td) => td.className))).toEqual(['kind-error', 'kind-error', '', '', '', '', 'kind-error']);
    // Marks in the page: exactly the three offending cells of 表三 and the one of 表二
    const marked = await page.locator('[data-gkl-mark]').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-gkl-mark'), td.textContent!.trim()]));
    expect(marked).toEqual([['warning', '0'], ['error', '0'], ['error', '6'], ['error', '0']]);
    // Hovering a marked cell tells its findings
    expect(await page.locator('[data-gkl-mark~="error"]', { hasText: /^\s*6\s*$/ }).getAttribute('title')).toBe(
      '表三 （七）总计 · 商业企业：各项办理结果之和为 3，表中填报 6。\n表三 （七）总计 · 商业企业：一 + 二 = 3，（七）总计 + 四 = 6（3 ≠ 6）；（七）总计应为 3，表中填报 6。',
    );
    // The benchmark reads the engine's time from the page's own timeline
    expect(await page.evaluate(() => performance.getEntriesByName('gkl:analyze', 'measure').length)).toBe(1);
  });

  it('seed 002 (simplified, 表三 in three blocks): no finding at all', async () => {
    const page = await lens.openReport('002-word');
    expect(await (await showPill(page)).textContent()).toBe('✓ 未发现问题');
    expect(await lens.waitForVerdict(page)).toEqual({ isReport: true, errors: 0, warnings: 0, infos: 0, agency: '精河县', year: 2024 });
    expect((await lens.badge(page)).text).toBe('✓');
    expect(await page.locator('[data-gkl-mark]').count()).toBe(0);
    await showPanel(page);
    expect(await inPanel(page, '.findings-section .none').textContent()).toBe('未发现问题');
  });

  it('seed 003 (traditional with romanisation, T2019): 12 errors, with the report’s own note beside them', async () => {
    const page = await lens.openReport('003-word');
    const verdict = await lens.waitForVerdict(page);
    expect(verdict).toMatchObject({ isReport: true, errors: 12, warnings: 0, agency: '衡阳市人民政府办公室', year: 2019 });
    expect((await lens.badge(page)).text).toBe('12');
    expect(await (await showPill(page)).textContent()).toMatch(/^12 处错误( · \d 条说明)?$/);
    await showPanel(page);
    const rules = (await findings(page)).map(([rule]) => rule);
    expect(rules.slice(0, 12)).toEqual(['T3-ROW', 'T3-ROW', 'T3-ROW', 'T3-SUM', 'T3-SUM', 'T3-SUM', 'T3-SUM', 'T3-BAL', 'T3-BAL', 'T3-BAL', 'T3-BAL', 'T3-BAL']);
    const note = inPanel(page, '.findings .group.with-note');
    expect(await note.locator('li.item').count()).toBe(12);
    expect(await note.locator('aside.note span').textContent()).toMatch(/^注[:：]因多[数數]依申[请請]公[开開]件[并並]非[“"']一事一申[请請][”"']/);
    expect(await inPanel(page, 'dl.meta').textContent()).toContain('2019 年试行版（国办公开办函〔2019〕60号）');
  });

  it('seed 004: says which tables are missing instead of inventing numbers', async () => {
    const page = await lens.openReport('004-word');
    expect(await lens.waitForVerdict(page)).toMatchObject({ isReport: true, errors: 0, warnings: 3 });
    expect(await (await showPill(page)).textContent()).toBe('3 处提醒');
    await showPanel(page);
    expect(await inPanel(page, '.tables .missing').allTextContents()).toEqual([
      '表二 未以表格形式发布（可能是图片）', '表三 未以表格形式发布（可能是图片）', '表四 未以表格形式发布（可能是图片）',
    ]);
    expect(await inPanel(page, 'table').count()).toBe(0);
  });
});

describe('between the panel and the page', () => {
  it('a finding click outlines its cells in the page, scrolls to them and flashes them', async () => {
    const page = await lens.openReport('001-word');
    await showPanel(page);
    await inPanel(page, '#gkl-item-finding_2').click(); // T3-SUM · 商业企业
    const focused = page.locator('[data-gkl-focus]');
    // （七）总计 and the 21 result rows （一）–（六） of the 商业企业 column
    await expect.poll(() => focused.count()).toBe(22);
    const checked = page.locator('[data-gkl-focus][data-gkl-mark~="error"]');
    expect(await checked.count()).toBe(1);
    expect((await checked.textContent())!.trim()).toBe('6');
    expect(await page.locator('[data-gkl-flash]').count()).toBe(22);
    await expect.poll(() => checked.evaluate(inSight), { timeout: 3000 }).toBe(true);
    expect(await inPanel(page, '#gkl-item-finding_2').getAttribute('aria-current')).toBe('true');
  });

  it('a click on a marked cell in the page opens its finding in the panel', async () => {
    const page = await lens.openReport('001-word');
    await showPill(page);
    await page.locator('[data-gkl-mark~="error"]', { hasText: /^\s*6\s*$/ }).click();
    await inPanel(page, '[role="dialog"]').waitFor();
    const active = await page.evaluate((host) => document.querySelector(host)!.shadowRoot!.activeElement?.textContent, ANALYZER_HOST);
    expect(active).toContain('表三 （七）总计 · 商业企业：各项办理结果之和为 3，表中填报 6。');
  });

  it('marks switched off leave the page exactly as Chromium shows it without the extension', async () => {
    const page = await lens.openReport('001-word');
    await showPanel(page);
    expect(await page.locator('[data-gkl-mark]').count()).toBe(4);
    await inPanel(page, '#gkl-item-finding_0').click(); // T3-ROW; a selected finding's outline goes too
    await expect.poll(() => page.locator('[data-gkl-focus]').count()).toBe(7);
    await inPanel(page, 'label.marks-toggle input').uncheck();
    await expect.poll(() => page.locator('[data-gkl-mark]').count()).toBe(0);
    expect(await pageHtml(page)).toBe(await lens.plainHtml(lens.url('001-word')));
    await inPanel(page, 'label.marks-toggle input').check();
    await expect.poll(() => page.locator('[data-gkl-mark]').count()).toBe(4);
  });

  it('a traditional page gets national simplified labels, the cell as printed on hover', async () => {
    const page = await lens.openReport('001-word');
    await showPanel(page);
    const labels = await inPanel(page, '.table[aria-label^="表三"] thead th').allTextContents();
    expect(labels).toEqual(['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(await page.locator('body').textContent()).toContain('商業企業');
    const cell = inPanel(page, 'td[data-key="requests.newReceived.commercial"]');
    expect(await cell.getAttribute('title')).toBe('原文：3');
  });

  it('re-reads the report when the page changes it, and the verdict follows', async () => {
    const page = await lens.openReport('002-word');
    expect(await (await showPill(page)).textContent()).toBe('✓ 未发现问题');
    // 予以公开 · 自然人 43 → 44: the row and the columns no longer add up
    await page.evaluate(() => {
      const td = [...document.querySelectorAll('td')].find((c) => c.textContent!.trim() === '43')!;
      const text = [...td.querySelectorAll('span, p, td')].reverse().find((e) => e.textContent!.trim() === '43') ?? td;
      text.textContent = '44';
    });
    // its row (T3-ROW) and the 自然人 column's total (T3-SUM) fail
    await expect.poll(() => inPanel(page, 'button.pill').textContent(), { timeout: 5000 }).toBe('2 处错误');
    await expect.poll(async () => (await lens.verdict(page))?.errors).toBe(2);
    expect(await page.locator(ANALYZER_HOST).count()).toBe(1);
  });

  it('injected again by the background: the newer analyzer replaces the older, one panel, same marks', async () => {
    const page = await lens.openReport('001-word');
    const tab = await lens.tabId(page);
    await lens.inWorker(async (tabId) => {
      for (let i = 0; i < 2; i++) await chrome.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/analyzer.js'] });
    }, tab);
    await inPanel(page, '.gkl-root').waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator(ANALYZER_HOST).count()).toBe(1);
    expect(await page.locator('style[data-gkl-marks]').count()).toBe(1);
    expect(await page.locator('[data-gkl-mark]').count()).toBe(4);
    expect(await (await showPill(page)).textContent()).toBe('7 处错误 · 1 处提醒');
  });

  it('"check this page" on a checked page opens the one panel there', async () => {
    const page = await lens.openReport('003-word');
    expect(await lens.checkTab(page)).toEqual({ ok: true });
    await inPanel(page, '[role="dialog"]').waitFor();
    expect(await page.locator(ANALYZER_HOST).count()).toBe(1);
    expect(await inPanel(page, '[role="dialog"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => inPanel(page, '[role="dialog"]').count()).toBe(0);
    expect(await page.evaluate((host) => document.querySelector(host)!.shadowRoot!.activeElement?.className, ANALYZER_HOST)).toBe('pill has-errors');
  });
});

describe('moving the panel', () => {
  it('drags to another corner, where it stays on the next page', async () => {
    const page = await lens.openReport('002-word');
    const pill = await showPill(page);
    expect(await inPanel(page, '.gkl-root').getAttribute('class')).toBe('gkl-root dock-bottom-right');
    const box = (await pill.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(300, 200, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => inPanel(page, '.gkl-root').getAttribute('class')).toBe('gkl-root dock-top-left');
    expect(await inPanel(page, '[role="dialog"]').count()).toBe(0); // a drag is not a click
    // The setting is saved asynchronously; a page open meanwhile follows it when it lands.
    const next = await lens.openReport('001-word');
    await expect.poll(() => inPanel(next, '.gkl-root').getAttribute('class')).toBe('gkl-root dock-top-left');
    // and back by keyboard
    await (await showPill(next)).focus();
    await next.keyboard.press('ArrowDown');
    await next.keyboard.press('ArrowRight');
    // Each move is painted asynchronously (the setting is saved, the panel re-rendered).
    await expect.poll(() => inPanel(next, '.gkl-root').getAttribute('class')).toBe('gkl-root dock-bottom-right');
    expect(await inPanel(next, '.sr-only[aria-live]').textContent()).toBe('面板已移到右下角');
  });
});

describe('copying on a plain-http page', () => {
  it('JSON: exactly the report, with the right figures', async () => {
    const page = await lens.openReport('001-word');
    await showPanel(page);
    await inPanel(page, 'button.copy-json').click();
    await expect.poll(() => inPanel(page, '.copybar > [role="status"]').textContent()).toBe('已复制 JSON');
    const report = JSON.parse(await lens.clipboard());
    expect(report.source).toBe(lens.url('001-word'));
    expect(report.agency).toBe('盘锦市双台子区人民政府办公室');
    expect(report.requests.newReceived).toEqual({ natural: 3, commercial: 3, research: 0, nonprofit: 0, legal: 0, other: 0, total: 6 });
    expect(report.requests.totalProcessed).toEqual({ natural: 0, commercial: 6, research: 0, nonprofit: 0, legal: 0, other: 0, total: 0 });
    expect(report.active.normativeDocs).toEqual({ issued: 2, repealed: 1, inForce: 0 });
    expect(report.findings).toHaveLength(8);
  });

  it('TSV for Excel/WPS, and an HTML table for Word with its plain-text twin', async () => {
    const page = await lens.openReport('001-word');
    await showPanel(page);
    await inPanel(page, 'button.copy-tsv').click();
    await expect.poll(() => inPanel(page, '.copybar > [role="status"]').textContent()).toBe('已复制表格，可直接粘贴到 Excel 或 WPS');
    const tsv = await lens.clipboard();
    expect(tsv.split('\n')).toContain('（七）总计\t0\t6\t0\t0\t0\t0\t0');

    await inPanel(page, 'button.copy-html').click();
    await expect.poll(() => inPanel(page, '.copybar > [role="status"]').textContent()).toBe('已复制表格，可直接粘贴到 Word');
    // Read both formats from a secure local page, as Word would get them
    await lens.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lens.server.origin });
    const reader = await lens.context.newPage();
    await reader.goto(lens.server.origin);
    const formats = await reader.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return Object.fromEntries(await Promise.all(item!.types.map(async (t) => [t, await (await item!.getType(t)).text()])));
    });
    await reader.close();
    expect(formats['text/plain']).toBe(tsv);
    expect(formats['text/html']).toContain('<th>（七）总计</th><td>0</td><td>6</td><td>0</td>');
  });
});

describe('screenshots', () => {
  it('saves the panel on report pages into docs/screenshots', async () => {
    for (const [id, name] of [['001-word', 'panel-001-traditional'], ['003-word', 'panel-003-t2019-note'], ['002-word', 'panel-002-clean']] as const) {
      const page = await lens.openReport(id);
      await showPanel(page);
      if (id === '001-word') await inPanel(page, '#gkl-item-finding_2').click();
      await page.waitForTimeout(2000); // the flash is over
      await lens.screenshot(page, name);
      if (id !== '001-word') continue;
      // 表三 in the panel, its failing cells coloured
      await inPanel(page, '.table[aria-label^="表三"]').evaluate((table) => table.scrollIntoView({ block: 'start' }));
      await lens.screenshot(page, 'panel-001-tables');
    }
    const page = await lens.openReport('001-word');
    await showPill(page);
    await lens.screenshot(page, 'pill-001');
  });
});
