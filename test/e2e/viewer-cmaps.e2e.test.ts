// The viewer and the offscreen document in real Chromium on a PDF whose text needs pdf.js's
// predefined CMaps (Adobe's MSung-Light not embedded, UniCNS-UCS2-H, no ToUnicode: an iText-made
// report, test/fixtures/pdf/cmap.ts): the extension ships the CMaps, so the report is read, drawn
// with its text layer and checked as the engine in Node checks it, instead of being called a scan.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { inPanel, useLens } from './harness';
import { engineReport, findings, showPanel } from './viewer-helpers';
import { fileRoute } from '../../scripts/serve';
import { seedCmapPdf } from '../fixtures/pdf/cmap';

/** Seed 003's clean rendering written as an iText system would, where the fixture server serves it. */
const route = fileRoute('cmap-003-pdf');

const lens = useLens({ lang: 'zh-CN' }, async () => {
  fs.mkdirSync(path.dirname(route.file), { recursive: true });
  fs.writeFileSync(route.file, await seedCmapPdf('003', 'traditional'));
});

/** What the engine in Node reads from the file: the verdict and findings the extension must show. */
const expected = () => engineReport(route.file);

describe('seed 003 as an iText-made PDF (MSung-Light, UniCNS-UCS2-H, not embedded)', () => {
  it('chosen in the viewer: the verdict, badge and findings the engine gives, the pages drawn with their text', async () => {
    const page = await lens.open(`chrome-extension://${lens.extensionId}/viewer.html`);
    await page.locator('#file-input').setInputFiles(route.file);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 60_000 });
    expect(await page.locator('#message p').allTextContents()).toEqual([]);
    const verdict = await lens.waitForVerdict(page);
    expect(verdict).toEqual({ isReport: true, errors: 12, warnings: 0, infos: 1, agency: '衡阳市人民政府办公室', year: 2019 });
    expect((await lens.badge(page)).text).toBe('12');
    const engine = await expected();
    expect(engine.verdict).toEqual(verdict);
    await showPanel(page);
    expect(await findings(page)).toEqual(engine.findings);
    // Drawn: all five pages (pdfinfo counts 5), and the text layer holds the report's own (traditional) title.
    expect(await page.locator('.pdf-page').count()).toBe(5);
    await expect.poll(() => page.locator('.pdf-page .textLayer').first().textContent()).toContain('衡陽市人民政府辦公室');
  });

  it('the attachment of a report page, read in the offscreen document: its report in the page\'s panel', async () => {
    const page: Page = await lens.open('attachment-003-cmap');
    await lens.waitForAnalyzer(page);
    const pill = inPanel(page, 'button.pill');
    await pill.waitFor();
    expect(await pill.textContent()).toContain(await lens.t('viewer.attachment.pill'));
    await pill.click();
    const name = '衡阳市人民政府办公室2019年政府信息公开年度报告.pdf';
    // Within the test's 30 s, so a failure shows the status the panel gives instead.
    await expect.poll(() => inPanel(page, '.attachment-status').textContent(), { timeout: 20_000 }).toBe(await lens.t('viewer.attachment.shown', [name]));
    const engine = await expected();
    await expect.poll(() => lens.verdict(page)).toEqual(engine.verdict);
    expect(engine.verdict.errors).toBe(12);
    expect(await findings(page)).toEqual(engine.findings);
  });
});
