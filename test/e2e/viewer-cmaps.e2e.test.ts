// The viewer in real Chromium on PDFs whose text needs pdf.js's predefined CMaps (Adobe's Chinese
// fonts not embedded, no ToUnicode: iText-made reports, test/fixtures/pdf/cmap.ts): the extension
// ships the CMaps, so the report is read, drawn with its text layer and checked as the engine in
// Node checks it, instead of being called a scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { launchLens, type Lens } from './harness';
import { engineReport, findings, showPanel } from './viewer-helpers';
import { FIXTURES_HTML } from '../../scripts/serve';
import { readFile } from '../../lib/extract/file';
import { cmapPdf, type CjkFont } from '../fixtures/pdf/cmap';

let lens: Lens;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-cmaps-e2e-'));

/** Seed `id`'s clean rendering written as an iText system would, in `font`; its path. */
async function writeCmapPdf(id: string, font: CjkFont): Promise<string> {
  const html = new Uint8Array(fs.readFileSync(path.join(FIXTURES_HTML, `${id}-clean.html`)));
  const page = await readFile({ bytes: html, source: `${id}-clean.html` }, { parseHtml: (markup) => parseHTML(markup).document });
  const file = path.join(tmp, `${id}-${font}.pdf`);
  fs.writeFileSync(file, cmapPdf(page, font));
  return file;
}

beforeAll(async () => {
  lens = await launchLens({ lang: 'zh-CN' });
}, 90_000);
afterAll(async () => {
  await lens?.close();
  fs.rmSync(tmp, { recursive: true });
});

describe('a report PDF in MSung-Light (UniCNS-UCS2-H), chosen with the file picker', () => {
  it('seed 003: the verdict, badge and findings the engine gives, the pages drawn with their text', async () => {
    const file = await writeCmapPdf('003', 'traditional');
    const page = await lens.open(`chrome-extension://${lens.extensionId}/viewer.html`);
    await page.locator('#file-input').setInputFiles(file);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 60_000 });
    expect(await page.locator('#message p').allTextContents()).toEqual([]);
    const verdict = await lens.waitForVerdict(page);
    expect(verdict).toEqual({ isReport: true, errors: 12, warnings: 0, infos: 1, agency: '衡阳市人民政府办公室', year: 2019 });
    expect((await lens.badge(page)).text).toBe('12');
    const engine = await engineReport(file);
    expect(engine.verdict).toEqual(verdict);
    await showPanel(page);
    expect(await findings(page)).toEqual(engine.findings);
    // Drawn: all five pages (pdfinfo counts 5), and the text layer holds the report's own (traditional) title.
    expect(await page.locator('.pdf-page').count()).toBe(5);
    await expect.poll(() => page.locator('.pdf-page .textLayer').first().textContent()).toContain('衡陽市人民政府辦公室');
  });
});
