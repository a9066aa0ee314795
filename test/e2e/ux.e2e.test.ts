// The reader's experience in real Chromium with the built extension: findings at a glance, next /
// previous, the panel's size and docks at real window sizes, the keyboard shortcut, accessibility
// (axe on the panel's shadow root), print, copying one table, the .xlsx and findings downloads.
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { ANALYZER_HOST, CHROMIUM, E2E_EXTENSION, inPanel, useLens } from './harness';
import { REPO_ROOT, resolverRules } from '../../scripts/serve';
import { startArgs, startEnv, startPreferences } from '../../scripts/start-chromium';

declare const chrome: typeof browser;

const lens = useLens({ lang: 'zh-CN' });

/** The keyboard shortcut's command, as the background hands it to the tab (CDP cannot press a browser accelerator). */
async function shortcut(page: Page): Promise<void> {
  const tab = await lens.tabId(page);
  await lens.inWorker((id) => chrome.tabs.sendMessage(id, { type: 'gkl:toggle-panel' }, { frameId: 0 }), tab);
}

async function expanded(page: Page): Promise<void> {
  if (!(await inPanel(page, '[role="dialog"]').count())) await inPanel(page, 'button.pill').click();
  await inPanel(page, '[role="dialog"]').waitFor();
}

/** Which element has the focus: inside the panel, its class or id; else the page element's tag and id. */
const focusOf = (page: Page) =>
  page.evaluate((host) => {
    const active = document.activeElement;
    if (active?.localName === host) {
      const inner = active.shadowRoot!.activeElement as HTMLElement | null;
      return `panel:${inner?.id || inner?.className || inner?.localName || 'none'}`;
    }
    return `page:${active?.localName}${active?.id ? `#${active.id}` : ''}`;
  }, ANALYZER_HOST);

/** The panel's box as a share of the window's area. */
const coverage = (page: Page) =>
  inPanel(page, '.panel').evaluate((panel) => {
    const r = panel.getBoundingClientRect();
    return { share: (r.width * r.height) / (innerWidth * innerHeight), left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth, height: innerHeight };
  });

describe('findings at a glance', () => {
  it('seed 001: the summary, grouped by table then severity, the rule id on hover only', async () => {
    const page = await lens.openReport('001-word');
    await expanded(page);
    expect(await inPanel(page, 'p.summary').textContent()).toBe('读出 3 张表、200 个数字 · 7 处错误 · 1 处提醒');
    expect(await inPanel(page, '.findings .table-group > h4').allTextContents()).toEqual(['表二 1', '表三 7']);
    const entries = await inPanel(page, 'li.item .item-button').evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('title'), b.textContent]));
    expect(entries[0]).toEqual(['T2-STOCK', '提醒表二 行政规范性文件 · 现行有效件数：本年制发 2 件、废止 1 件，现行有效件数至少应为 1，表中填报 0。表中 0 → 应为 1']);
    // No rule id in any visible text of the list.
    expect(await inPanel(page, '.findings').textContent()).not.toMatch(/T[234]-[A-Z]+/);
    await page.close();
  });

  it('N and P walk the findings in the order shown; each brings its cell to the middle of the window and flashes it', async () => {
    const page = await lens.openReport('001-word');
    await expanded(page);
    await inPanel(page, '#gkl-title').focus();
    expect(await inPanel(page, '.finding-nav .position').textContent()).toBe('共 8 处');
    await page.keyboard.press('n');
    await expect.poll(() => inPanel(page, '.finding-nav .position').textContent()).toBe('第 1 / 8 处');
    expect(await focusOf(page)).toBe('panel:gkl-item-finding_7'); // T2-STOCK, 表二 first
    await page.keyboard.press('n');
    await expect.poll(() => focusOf(page)).toBe('panel:gkl-item-finding_0'); // T3-ROW
    // Its cells (the （七）总计 row of 表三: the total and the six applicants) are centred and flashed.
    const checked = page.locator('[data-gkl-focus]').first();
    await expect.poll(() => page.locator('[data-gkl-focus]').count()).toBe(7);
    expect(await page.locator('[data-gkl-flash]').count()).toBe(7);
    await expect
      .poll(() => checked.evaluate((el) => Math.abs(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2 - innerHeight / 2)), { timeout: 4000 })
      .toBeLessThan(40);
    await page.keyboard.press('p');
    await expect.poll(() => focusOf(page)).toBe('panel:gkl-item-finding_7');
    await page.keyboard.press('p'); // wraps to the last
    await expect.poll(() => inPanel(page, '.finding-nav .position').textContent()).toBe('第 8 / 8 处');
    await page.close();
  });

  it('a click on a figure in the panel’s tables shows its cell in the page', async () => {
    const page = await lens.openReport('001-word');
    await expanded(page);
    await inPanel(page, 'td[data-key="requests.newReceived.commercial"]').click();
    const shown = page.locator('[data-gkl-focus]');
    await expect.poll(() => shown.count()).toBe(1);
    expect((await shown.textContent())!.trim()).toBe('3');
    expect(await inPanel(page, 'form.flag-form').count()).toBe(0); // a click shows; it does not flag
    await page.close();
  });
});

describe('a panel that fits the window', () => {
  it('at 800 × 600 it covers at most 40 % of the page, floating and as a side panel', async () => {
    const page = await lens.openReport('001-word', { width: 800, height: 600 });
    await expanded(page);
    const floating = await coverage(page);
    expect(floating.share).toBeLessThanOrEqual(0.4);
    await inPanel(page, 'button.dock-side').click();
    await expect.poll(() => inPanel(page, '.gkl-root').getAttribute('class')).toBe('gkl-root dock-side-right side open');
    const side = await coverage(page);
    expect([side.top, side.bottom, side.right]).toEqual([0, 600, 800]);
    expect(side.share).toBeLessThanOrEqual(0.4);
    // Back to floating for the next tests (the dock is the reader's setting).
    await inPanel(page, 'button.dock-side').click();
    await expect.poll(() => inPanel(page, '.gkl-root').getAttribute('class')).toBe('gkl-root dock-bottom-right open');
    await page.close();
  });

  it('resizes by its edge, with the keyboard too, and keeps the width', async () => {
    const page = await lens.openReport('001-word', { width: 1280, height: 900 });
    await expanded(page);
    const before = (await coverage(page)).right - (await coverage(page)).left;
    await inPanel(page, '.resize').focus();
    await page.keyboard.press('ArrowLeft'); // the edge is on the left of a right-docked panel: wider
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Math.round((await coverage(page)).right - (await coverage(page)).left)).toBe(Math.round(before + 80));
    const next = await lens.openReport('002-word', { width: 1280, height: 900 });
    await expanded(next);
    await expect.poll(async () => Math.round((await coverage(next)).right - (await coverage(next)).left)).toBe(Math.round(before + 80));
    // and back, for the tests after
    await inPanel(next, '.resize').focus();
    await next.keyboard.press('ArrowRight');
    await next.keyboard.press('ArrowRight');
    await expect.poll(async () => Math.round((await coverage(next)).right - (await coverage(next)).left)).toBe(Math.round(before));
    await page.close();
    await next.close();
  });

  it('at 390 px wide nothing overflows the window, the header wraps and stays in sight', async () => {
    const page = await lens.openReport('001-word', { width: 390, height: 800 });
    await expanded(page);
    const box = await coverage(page);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(390);
    // Every control of the panel's bar and toolbar lies inside the window.
    const outside = await inPanel(page, '.bar button, .bar label, .copybar button').evaluateAll((els) =>
      els.filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; }).map((el) => el.className),
    );
    expect(outside).toEqual([]);
    // The table's header sticks to the top of the panel's scrolling body.
    const body = inPanel(page, '.body');
    const head = inPanel(page, '.table[aria-label^="表三"] thead');
    await inPanel(page, '.table[aria-label^="表三"] tbody tr:nth-child(12)').evaluate((tr) => tr.scrollIntoView({ block: 'center' }));
    const [bodyTop, headTop] = await Promise.all([body.evaluate((b) => b.getBoundingClientRect().top), head.evaluate((h) => h.getBoundingClientRect().top)]);
    expect(Math.abs(headTop - bodyTop)).toBeLessThan(2);
    await page.close();
  });

  it('the shortcut opens the panel and focuses it; Escape closes it and the page has its focus back', async () => {
    const commands = await lens.inWorker(() => chrome.commands.getAll(), undefined);
    expect(commands.find((c) => c.name === 'toggle-panel')).toMatchObject({ shortcut: 'Alt+Shift+G', description: '打开或关闭核对面板' });
    const page = await lens.openReport('003-word', { width: 1280, height: 900 });
    if (await inPanel(page, '[role="dialog"]').count()) await inPanel(page, 'button.collapse').click();
    // A link of the page has the focus (as after reading with Tab).
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '#here';
      a.id = 'here';
      a.textContent = 'here';
      document.body.prepend(a);
      a.focus();
    });
    expect(await focusOf(page)).toBe('page:a#here');
    await shortcut(page);
    await inPanel(page, '[role="dialog"]').waitFor();
    await expect.poll(() => focusOf(page)).toBe('panel:gkl-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => inPanel(page, '[role="dialog"]').count()).toBe(0);
    await expect.poll(() => focusOf(page)).toBe('page:a#here');
    // Again, then the shortcut closes it too.
    await shortcut(page);
    await expect.poll(() => focusOf(page)).toBe('panel:gkl-title');
    await shortcut(page);
    await expect.poll(() => inPanel(page, '[role="dialog"]').count()).toBe(0);
    await expect.poll(() => focusOf(page)).toBe('page:a#here');
    await page.close();
  });

  it('expanded in one tab, the panel stays a pill in the others', async () => {
    const one = await lens.openReport('001-word');
    const two = await lens.openReport('003-word');
    await expanded(one);
    // A page opened after it starts as a pill too, and the open one stays open.
    const three = await lens.openReport('002-word');
    await inPanel(three, 'button.pill').waitFor();
    expect(await inPanel(two, '[role="dialog"]').count()).toBe(0);
    expect(await inPanel(one, '[role="dialog"]').count()).toBe(1);
    await Promise.all([one.close(), two.close(), three.close()]);
  });

  it('is never printed', async () => {
    const page = await lens.openReport('001-word');
    await page.emulateMedia({ media: 'print' });
    expect(await inPanel(page, '.gkl-root').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    expect(await inPanel(page, '.gkl-root').evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    await page.close();
  });

  it('axe finds no violation in the panel (pill and expanded, seeds 001 and 004)', async () => {
    const axe = await readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const id of ['001-word', '004-word']) {
      const page = await lens.openReport(id);
      await page.addScriptTag({ content: axe });
      const run = () =>
        page.evaluate(async (host) => {
          const result = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run(
            { include: [{ fromShadowDom: [host, '.gkl-root'] }] },
            { resultTypes: ['violations'] },
          );
          return result.violations.map((v) => `${v.id} ×${v.nodes.length}`);
        }, ANALYZER_HOST);
      if (await inPanel(page, '[role="dialog"]').count()) await inPanel(page, 'button.collapse').click();
      expect(await run()).toEqual([]);
      await expanded(page);
      expect(await run()).toEqual([]);
      await page.close();
    }
  });
});

describe('copy and export', () => {
  it('copies one table with its header row; the copy for Word has no colours', async () => {
    const page = await lens.openReport('001-word');
    await expanded(page);
    await inPanel(page, '.table[aria-label^="表三"] button.copy-table').click();
    await expect.poll(() => inPanel(page, '.table[aria-label^="表三"] .copy-table-box [role="status"]').textContent()).toBe('已复制表三，可粘贴到 Excel、WPS 或 Word');
    const tsv = (await lens.clipboard()).split('\n');
    expect(tsv[0]).toBe('表三 收到和处理政府信息公开申请情况');
    expect(tsv[1]).toBe('\t申请人情况\t\t\t\t\t\t');
    expect(tsv[2]).toBe('\t自然人\t法人或其他组织\t\t\t\t\t总计');
    expect(tsv).toContain('（七）总计\t0\t6\t0\t0\t0\t0\t0');
    expect(tsv.join('\n')).not.toContain('表二');
    // Word gets the same table as HTML: plain, the panel's colours left out.
    await lens.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lens.server.origin });
    const reader = await lens.context.newPage();
    await reader.goto(lens.server.origin);
    const html = await reader.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType('text/html')).text();
    });
    await reader.close();
    expect(html).toContain('<caption>表三 收到和处理政府信息公开申请情况</caption>');
    expect(html).toContain('<th>（七）总计</th><td>0</td><td>6</td>');
    expect(html).not.toMatch(/color|background|kind-|class=/);
    await page.close();
  });

  it('seed 004 (no table read): copying a table says there is nothing to copy, never “copied”', async () => {
    const page = await lens.openReport('004-word');
    await expanded(page);
    await inPanel(page, 'button.copy-tsv').click();
    await expect.poll(() => inPanel(page, '.copybar > [role="status"]').textContent()).toBe('本页没有读出统计表，没有可复制的表格');
    expect(await inPanel(page, '.copybar > [role="status"]').getAttribute('class')).toBe('status failed');
    await inPanel(page, 'button.copy-html').click();
    await expect.poll(() => inPanel(page, '.copybar > [role="status"]').textContent()).toBe('本页没有读出统计表，没有可复制的表格');
    await page.close();
  });

  it('downloads the report as .xlsx (a sheet per table, the findings) and the findings as Markdown', async () => {
    const page = await lens.openReport('001-word');
    await expanded(page);
    // Links the reader activates (by keyboard here): the file is made beforehand, its name kept.
    await inPanel(page, 'a.download-xlsx[href^="data:"]').focus();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    // The file the reader gets keeps the link's name (a non-ASCII name needs a UTF-8 locale: else Chromium says "download").
    expect(xlsx.suggestedFilename()).toBe('盘锦市双台子区人民政府办公室-2023-公开年报核对.xlsx');
    const files = unzipSync(new Uint8Array(await readFile((await xlsx.path())!)));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['表二', '表三', '表四', '问题清单']);
    await expect.poll(() => inPanel(page, '.copybar > [role="status"]').textContent()).toBe('已下载 盘锦市双台子区人民政府办公室-2023-公开年报核对.xlsx');

    const [md] = await Promise.all([page.waitForEvent('download'), inPanel(page, 'a.download-md[href^="data:"]').click()]);
    expect(md.suggestedFilename()).toBe('盘锦市双台子区人民政府办公室-2023-公开年报核对.md');
    const text = await readFile((await md.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('# 公开年报核对：盘锦市双台子区人民政府办公室 2023 年报');
    expect(text).toContain('- **错误** 表三 （七）总计 · 商业企业：各项办理结果之和为 3，表中填报 6。（表中 6，应为 3） `T3-SUM`');
    await page.close();
  });
});

describe('npm start', () => {
  it('opens Chromium in Chinese (its UI, the pages, the extension) with translation off', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'gkl-start-test-'));
    await mkdir(path.join(profile, 'Default'));
    await writeFile(path.join(profile, 'Default/Preferences'), JSON.stringify(startPreferences(E2E_EXTENSION)));
    const args = startArgs({ profile, extensionDir: E2E_EXTENSION, resolverRules: resolverRules(lens.server.port), root: true })
      // Playwright names the profile itself.
      .filter((a) => !a.startsWith('--user-data-dir='));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: [...args, '--disable-gpu', '--disable-dev-shm-usage'], env: startEnv(process.env) });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 45_000 }));
      const page = await context.newPage();
      await page.goto(lens.url('001-word'));
      expect(await page.evaluate(() => navigator.languages)).toEqual(['zh-CN', 'zh']);
      expect(await worker.evaluate(() => chrome.i18n.getUILanguage())).toBe('zh-CN');
      expect(await worker.evaluate(() => (chrome.i18n.getMessage as (name: string) => string)('popup_check'))).toBe('检查此页');
    } finally {
      await context.close();
    }
    // What Chromium kept of the profile's preferences when it closed: translation stays off.
    const kept = JSON.parse(await readFile(path.join(profile, 'Default/Preferences'), 'utf8'));
    expect(kept.translate).toEqual({ enabled: false });
    expect(kept.intl.accept_languages).toBe('zh-CN,zh');
    await rm(profile, { recursive: true, force: true });
  });
});

describe('icons', () => {
  it('the toolbar, the store and the pages use the rendered icon in four sizes', async () => {
    const icons = await lens.inWorker(() => chrome.runtime.getManifest().icons, undefined);
    expect(icons).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' });
    const page = await lens.context.newPage();
    await page.goto(`chrome-extension://${lens.extensionId}/snapshots.html`);
    const sizes = await page.evaluate(async (files) => {
      const out: number[][] = [];
      for (const file of files) {
        const bitmap = await createImageBitmap(await (await fetch(`/${file}`)).blob());
        out.push([bitmap.width, bitmap.height]);
      }
      return out;
    }, Object.values(icons!));
    expect(sizes).toEqual([[16, 16], [32, 32], [48, 48], [128, 128]]);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/icon/32.png');
    await page.close();
  });
});

describe('screenshots', () => {
  it('the panel docked as a side panel, a finding selected (docs/screenshots with npm run screenshots)', async () => {
    const page = await lens.openReport('001-word', { width: 1280, height: 800 });
    await expanded(page);
    await inPanel(page, 'button.dock-side').click();
    await expect.poll(() => inPanel(page, '.gkl-root').getAttribute('class')).toBe('gkl-root dock-side-right side open');
    await inPanel(page, '#gkl-title').focus();
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await expect.poll(() => inPanel(page, '.finding-nav .position').textContent()).toBe('第 2 / 8 处');
    await expect.poll(() => page.locator('[data-gkl-flash]').count(), { timeout: 5000 }).toBe(0); // the flash is over
    await lens.screenshot(page, 'panel-docked');
    await inPanel(page, 'button.dock-side').click();
    await expect.poll(() => inPanel(page, '.gkl-root').getAttribute('class')).toBe('gkl-root dock-bottom-right open');
    await page.close();
  });
});
