// The viewer page (viewer.html?file=) in real Chromium with the built extension: report files
// served under their gov.cn addresses, a file dropped on the page, and addresses that answer badly.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { inPanel, useLens } from './harness';
import { engineReport, findings, printSeeds, showPanel } from './viewer-helpers';
import { bodyFromHtml, writeDocx } from '../helpers/docx';
import { offendingCells } from '../../components/model';
import { BAD_FILE_URLS, FIXTURES_HTML, PRINTED_DIR, REPO_ROOT, fileRoute } from '../../scripts/serve';

const lens = useLens({ lang: 'zh-CN' });
beforeAll(async () => {
  await printSeeds(['001', '003']);
}, 90_000);

const viewerUrl = (file?: string) => `chrome-extension://${lens.extensionId}/viewer.html${file ? `?file=${encodeURIComponent(file)}` : ''}`;

/** The viewer on an address, once it has finished (read, or refused with its message). */
async function openViewer(file?: string): Promise<Page> {
  const page = await lens.open(viewerUrl(file));
  await page.waitForFunction(() => ['ready', 'error', 'permission', 'idle'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 60_000 });
  return page;
}

const message = (page: Page) => page.locator('#message p').textContent();
const fileLinks = (page: Page) => page.locator('#file-links a').evaluateAll((as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href.replace(/^blob:.*/, 'blob:'), a.hasAttribute('download')]));

/** Drops a file on the viewer as the reader's desktop would: a real drop event carrying a File. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  await page.evaluate(
    ({ name, data, type }) => {
      const file = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      const target = document.querySelector('main')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, data: bytes.toString('base64'), type },
  );
}

const SEED_001_FINDINGS = [
  ['T3-ROW', '表三 （七）总计 · 总计：六类申请人（自然人至其他）之和为 6，表中填报 0。'],
  ['T3-SUM', '表三 （七）总计 · 自然人：各项办理结果之和为 3，表中填报 0。'],
  ['T3-SUM', '表三 （七）总计 · 商业企业：各项办理结果之和为 3，表中填报 6。'],
  ['T3-SUM', '表三 （七）总计 · 总计：各项办理结果之和为 6，表中填报 0。'],
  ['T3-BAL', '表三 （七）总计 · 自然人：一 + 二 = 3，（七）总计 + 四 = 0（3 ≠ 0）；（七）总计应为 3，表中填报 0。'],
  ['T3-BAL', '表三 （七）总计 · 商业企业：一 + 二 = 3，（七）总计 + 四 = 6（3 ≠ 6）；（七）总计应为 3，表中填报 6。'],
  ['T3-BAL', '表三 （七）总计 · 总计：一 + 二 = 6，（七）总计 + 四 = 0（6 ≠ 0）；（七）总计应为 6，表中填报 0。'],
  ['T2-STOCK', '表二 行政规范性文件 · 现行有效件数：本年制发 2 件、废止 1 件，现行有效件数至少应为 1，表中填报 0。'],
];

describe('a local file dropped on the viewer', () => {
  it('seed 001 saved as a web page: the panel, the badge and the marks as on the site', async () => {
    const page = await openViewer();
    expect(await page.locator('.drop-hint p').first().textContent()).toBe(await lens.t('viewer.dropHint'));
    await dropFile(page, '001-word.html', await readFile(path.join(FIXTURES_HTML, '001-word.html')), 'text/html');
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    expect(await lens.waitForVerdict(page)).toEqual({ isReport: true, errors: 7, warnings: 1, infos: 0, agency: '盘锦市双台子区人民政府办公室', year: 2023 });
    expect((await lens.badge(page)).text).toBe('7');
    await showPanel(page);
    expect(await findings(page)).toEqual([...SEED_001_FINDINGS].sort());
    // The file is shown as a clean page; the 表三 total row's three failing cells (自然人, 商业企业, 总计) are outlined there.
    const marked = page.locator('.doc-page td[data-gkl-mark~="error"]');
    expect(await marked.allTextContents()).toEqual(['0', '6', '0']);
    expect(await page.title()).toMatch(/^盘锦市双台子区人民政府办公室.*2023.* · 核对视图$/);
    // Nothing to download or link to: the file is the reader's own.
    expect(await fileLinks(page)).toEqual([]);
  });
});

/** The outlined cell boxes of the PDF: [page, text] each, and whether each lies inside its page. */
const markedBoxes = (page: Page, kind: string) =>
  page.locator(`.pdf-page .cell-box[data-gkl-mark~="${kind}"]`).evaluateAll((boxes) =>
    boxes.map((box) => {
      const pageBox = box.parentElement!.getBoundingClientRect();
      const r = box.getBoundingClientRect();
      const inside = r.width > 0 && r.height > 0 && r.left >= pageBox.left && r.right <= pageBox.right && r.top >= pageBox.top && r.bottom <= pageBox.bottom;
      return [box.parentElement!.dataset.page, (box as HTMLElement).dataset.text, inside];
    }),
  );

describe('a report PDF at its address', () => {
  it('huaian-2024.pdf (WPS, 6 pages): pages drawn with a text layer, the engine\'s report in the panel and on the badge', async () => {
    const route = fileRoute('huaian-2024-pdf');
    const page = await openViewer(route.url);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
    const expected = await engineReport(route.file);
    expect(expected.report.agency).toBe('淮安市人民政府');
    expect(await lens.waitForVerdict(page)).toEqual(expected.verdict);
    const badge = await lens.badge(page);
    expect(badge.text).toBe(expected.verdict.errors ? String(expected.verdict.errors) : expected.verdict.warnings ? String(expected.verdict.warnings) : '✓');
    expect(await page.locator('.pdf-page').count()).toBe(6);
    // Page 1 is drawn with its text selectable: the title is in its text layer.
    await page.locator('.pdf-page[data-page="1"][data-drawn]').waitFor();
    const firstText = await page.locator('.pdf-page[data-page="1"] .textLayer').textContent();
    expect(firstText!.replace(/\s+/g, '')).toContain('政府信息公开工作年度报告');
    await showPanel(page);
    expect(await findings(page)).toEqual(expected.findings);
    expect(await page.title()).toBe(`${expected.report.title} · ${await lens.t('viewer.title')}`);
    expect(await fileLinks(page)).toEqual([
      [await lens.t('viewer.original'), route.url, false],
      [await lens.t('viewer.download'), 'blob:', true],
    ]);
  });

  it('seed 001 printed to PDF: 7 errors, each outlined over its printed cell; a finding scrolls to it', async () => {
    const page = await openViewer(fileRoute('printed-001-pdf').url);
    expect(await lens.waitForVerdict(page)).toEqual({ isReport: true, errors: 7, warnings: 1, infos: 0, agency: '盘锦市双台子区人民政府办公室', year: 2023 });
    expect((await lens.badge(page)).text).toBe('7');
    await showPanel(page);
    expect(await findings(page)).toEqual([...SEED_001_FINDINGS].sort());
    const errors = await markedBoxes(page, 'error');
    expect(errors.map(([, text, inside]) => [text, inside])).toEqual([['0', true], ['6', true], ['0', true]]);
    // The T3-ROW finding (the total row's 总计 against its six columns): its boxes scrolled into the window and focused.
    await page.evaluate(() => window.scrollTo(0, 0));
    await inPanel(page, 'li.item[data-rule="T3-ROW"] .item-button').click();
    await page.waitForFunction(() => {
      const focused = [...document.querySelectorAll('.cell-box[data-gkl-focus]')];
      return focused.length === 7 && focused.every((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight);
    });
    expect(await page.locator('.cell-box[data-gkl-focus]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.text))).toEqual(['0', '6', '0', '0', '0', '0', '0']);
    await lens.screenshot(page, 'viewer-001-printed-pdf');
  });

  it('seed 003 printed to PDF: 12 errors', async () => {
    const page = await openViewer(fileRoute('printed-003-pdf').url);
    const verdict = await lens.waitForVerdict(page);
    expect([verdict.errors, verdict.agency, verdict.year]).toEqual([12, '衡阳市人民政府办公室', 2019]);
    expect((await lens.badge(page)).text).toBe('12');
    expect((await engineReport(path.join(PRINTED_DIR, '003-word.pdf'))).verdict).toEqual(verdict);
  });

  it('a PDF chosen with the file picker reads as from its address', async () => {
    const page = await openViewer();
    await page.locator('#file-input').setInputFiles(path.join(PRINTED_DIR, '001-word.pdf'));
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    expect((await lens.waitForVerdict(page)).errors).toBe(7);
    expect(await page.locator('.pdf-page').count()).toBeGreaterThan(0);
  });
});

describe('the viewer as a page of the browser', () => {
  it('a snapshot saved from its panel; reload reads the file again; back and forward between two reports', async () => {
    const first = fileRoute('printed-001-pdf').url;
    const page = await openViewer(first);
    await showPanel(page);
    await inPanel(page, 'button.save').click();
    await expect.poll(() => inPanel(page, '.keep-status .text').textContent()).toBe(await lens.t('save.saved'));

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => performance.getEntriesByName('gkl:viewer:fetched').length)).toBe(1);
    expect(await page.title()).toMatch(/^盘锦市双台子区人民政府办公室2023年/);

    await page.goto(viewerUrl(fileRoute('printed-003-pdf').url));
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
    expect(await page.title()).toMatch(/^衡阳市人民政府办公室2019年/);
    await page.goBack();
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
    expect([page.url(), await page.title()]).toEqual([viewerUrl(first), expect.stringMatching(/^盘锦市双台子区人民政府办公室2023年/)]);
    await page.goForward();
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
    expect(await page.title()).toMatch(/^衡阳市人民政府办公室2019年/);
    expect((await lens.badge(page)).text).toBe('12');
  });
});

describe('a DOCX report', () => {
  it('seed 003 saved by Word as DOCX, chosen with the picker: shown as a clean page, 12 errors outlined in its tables', async () => {
    const html = await readFile(path.join(FIXTURES_HTML, '003-word.html'), 'utf8');
    const docx = Buffer.from(writeDocx({ body: bodyFromHtml(html) }));
    const page = await openViewer();
    await page.locator('#file-input').setInputFiles({ name: '2019年政府信息公开工作年度报告.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    const verdict = await lens.waitForVerdict(page);
    expect([verdict.errors, verdict.agency, verdict.year]).toEqual([12, '衡阳市人民政府办公室', 2019]);
    expect((await lens.badge(page)).text).toBe('12');
    // Every error's offending cell is outlined in the DOCX's tables as drawn: as many as the engine names.
    const { report } = await engineReport(path.join(FIXTURES_HTML, '003-word.html'));
    const offending = new Set(report.findings.filter((f) => f.severity === 'error').flatMap(offendingCells));
    expect(offending.size).toBeGreaterThan(0);
    expect(await page.locator('.doc-page td[data-gkl-mark~="error"]').count()).toBe(offending.size);
    await showPanel(page);
    await lens.screenshot(page, 'viewer-003-docx');
  });
});

describe('a host the extension may not read yet', () => {
  it('asks for access to the host with a button (the prompt opens inside its click)', async () => {
    const url = 'http://10.1.2.3/gknb/2023/P020240126_001.pdf';
    const page = await openViewer(url);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('permission');
    expect(await message(page)).toBe(await lens.t('viewer.permission', ['10.1.2.3']));
    expect(await page.locator('#message button').textContent()).toBe(await lens.t('viewer.allow', ['10.1.2.3']));
  });
});

describe('addresses that answer badly: a clear message, the links kept, the page usable', () => {
  const cases: [string, string, () => Promise<string>][] = [
    ['a 404', BAD_FILE_URLS.missing, () => lens.t('viewer.error.status', ['404'])],
    ['a web page where the PDF should be', BAD_FILE_URLS.htmlNotPdf, () => lens.t('viewer.error.htmlNotFile')],
    ['an encrypted PDF', fileRoute('encrypted-pdf').url, () => lens.t('viewer.error.encrypted')],
    ['a 300 MB file', BAD_FILE_URLS.huge, () => lens.t('viewer.error.tooLarge', ['64'])],
  ];
  for (const [what, url, expected] of cases) {
    it(what, async () => {
      const page = await openViewer(url);
      expect(await page.evaluate(() => document.body.dataset.state)).toBe('error');
      expect(await message(page)).toBe(await expected());
      const name = decodeURIComponent(url.split('/').pop()!);
      expect(await page.locator('#doc-title').textContent()).toBe(name);
      const links = await fileLinks(page);
      expect(links[0]).toEqual([await lens.t('viewer.original'), url, false]);
      expect(links[1]![0]).toBe(await lens.t('viewer.download'));
      // Still usable: the picker is there and works by keyboard.
      await page.locator('#open-file').focus();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-file');
    });
  }

  // The one slow test: it waits out the viewer's 30 s timeout.
  it('a server that never answers: stopped after 30 s with a message', async () => {
    const page = await openViewer(BAD_FILE_URLS.noAnswer);
    expect(await message(page)).toBe(await lens.t('viewer.error.timeout', ['30']));
  }, 90_000);
});

describe('accessibility', () => {
  it('axe finds no violation in the viewer page, empty and showing a PDF (the panel has its own check)', async () => {
    const axe = await readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const page = await lens.context.newPage();
    // axe is injected as a script, which the extension page's CSP would refuse.
    await (await lens.context.newCDPSession(page)).send('Page.setBypassCSP', { enabled: true });
    const run = async () => {
      await page.addScriptTag({ content: axe });
      return page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run(
          // The panel (its own axe check: ux.e2e), and the canvas pdf.js hides in the body to measure text.
          { exclude: [['gongkai-lens'], ['.hiddenCanvasElement']] },
          { resultTypes: ['violations'] },
        );
        return result.violations.map((v) => `${v.id} ×${v.nodes.length} ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown }).target))}`);
      });
    };
    await page.goto(viewerUrl());
    await page.waitForFunction(() => document.body.dataset.state === 'idle');
    expect(await run()).toEqual([]);
    await page.goto(viewerUrl(fileRoute('printed-001-pdf').url));
    await page.waitForFunction(() => document.body.dataset.state === 'ready' && !!document.querySelector('.pdf-page[data-drawn]'), undefined, { timeout: 60_000 });
    expect(await run()).toEqual([]);
  });
});
