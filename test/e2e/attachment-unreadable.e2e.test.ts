// A report page's attachment that cannot be read, in real Chromium: the panel says why at once, in
// the reader's language — the offscreen document that reads it has no chrome.i18n of its own, and
// its messages once threw there, so every failure waited 30 s and was called a network error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { inPanel, launchLens, useLens, type Lens } from './harness';
import { fileRoute } from '../../scripts/serve';
import { cmapPdf } from '../fixtures/pdf/cmap';

const lens = useLens({ lang: 'zh-CN' }, async () => {
  // One page and no text on it: what a scan is to a reader of text layers.
  const scan = fileRoute('scan-pdf').file;
  fs.mkdirSync(path.dirname(scan), { recursive: true });
  fs.writeFileSync(scan, cmapPdf({ form: 'html', script: 'simplified', meta: { title: null, metas: {}, source: 'scan' }, blocks: [], unreadable: [] }, 'simplified'));
});

const NAME = '衡阳市人民政府办公室2019年政府信息公开年度报告.pdf';

/** The attachment status once the read has ended (within 10 s: the fetch's own time limit is 30 s). */
async function statusAfterRead(routeId: string, lens: Lens): Promise<string> {
  const page = await lens.open(routeId);
  await lens.waitForAnalyzer(page);
  const pill = inPanel(page, 'button.pill');
  await pill.waitFor();
  await pill.click();
  const status = inPanel(page, '.attachment-status');
  const reading = await lens.t('viewer.attachment.reading', [NAME]);
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).not.toBe(reading);
  return (await status.textContent()) ?? '';
}

describe('an attachment that cannot be read', () => {
  it('a PDF with no text: "no text layer (scan)", not a network error', async () => {
    expect(await statusAfterRead('attachment-scan', lens)).toBe(await lens.t('viewer.attachment.failed', [NAME, 'PDF 没有文字层（扫描件），无法读取数字']));
  });

  it('an address that answers 404: says so', async () => {
    expect(await statusAfterRead('attachment-missing', lens)).toBe(await lens.t('viewer.attachment.failed', [NAME, await lens.t('viewer.error.status', ['404'])]));
  });
});

describe('in a browser whose language is English', () => {
  let english: Lens;
  beforeAll(async () => {
    english = await launchLens();
  }, 90_000);
  afterAll(() => english?.close());

  it('the same scan: the message in English', async () => {
    const status = await statusAfterRead('attachment-scan', english);
    expect(status).toBe(await english.t('viewer.attachment.failed', [NAME, 'the PDF has no text layer (scanned pages): no figure can be read']));
    expect(status).toMatch(/^[\x20-\x7e]+衡阳市.*\.pdf[\x20-\x7e]+$/);
  });
});
