// Files that are not the readable PDF they seem: each gets one clear message (Chinese first, then
// English) and nothing else is thrown; a file that is partly readable says what was not read.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyzeFile, readFile, UnreadableFile } from '../file';
import { MAX_PDF_BYTES, MAX_PDF_PAGES } from './index';
import type { Analysis } from '../../types';
import { REPO_ROOT, SHARED, seed } from '../../../test/fixtures/seeds';
import { A4, encryptedPdf, startPrinter, type Printer } from '../../../test/fixtures/pdf/print';

const HTML_DIR = path.join(REPO_ROOT, 'test/fixtures/html');
const env = { parseHtml: (html: string) => parseHTML(html).document };
const huaian = new Uint8Array(fs.readFileSync(path.join(SHARED, 'corpus/huaian-2024.pdf')));
const READ = 60_000;

/** The UnreadableFile a read throws (fails the test when it throws anything else, or nothing). */
async function refusal(bytes: Uint8Array, source = 'report.pdf'): Promise<UnreadableFile> {
  const error = await readFile({ bytes, source }, env).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableFile);
  return error as UnreadableFile;
}

describe('files that yield no page', () => {
  it('an encrypted PDF: needs a password', async () => {
    const e = await refusal(encryptedPdf());
    expect([e.zh, e.en]).toEqual(['PDF 已加密（需要密码），无法读取', 'the PDF is encrypted (a password is needed): it cannot be read']);
  }, READ);

  it.each([
    ['half of huaian-2024.pdf', huaian.slice(0, huaian.length / 2)],
    ['its first 2 kB', huaian.slice(0, 2048)],
    ['a PDF header and then junk', new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(4000)}`)],
  ])('a damaged or truncated PDF (%s)', async (_name, bytes) => {
    const e = await refusal(bytes);
    expect([e.zh, e.en]).toEqual(['PDF 文件已损坏或不完整，无法读取', 'the PDF is damaged or incomplete: it cannot be read']);
  }, READ);

  it('zero bytes named .pdf: an empty file', async () => {
    const e = await refusal(new Uint8Array(0));
    expect([e.zh, e.en]).toEqual(['文件为空', 'empty file']);
  });

  it('a PDF over the size cap is not opened', async () => {
    const bytes = new Uint8Array(MAX_PDF_BYTES + 1);
    bytes.set(huaian.subarray(0, 1024));
    const e = await refusal(bytes);
    expect(e.zh).toBe('PDF 文件过大（64 MB，上限 64 MB），未读取');
    expect(e.en).toBe('the PDF is too large (64 MB, limit 64 MB): not read');
  });
});

describe('PDFs printed by Chromium that are not plain text reports', () => {
  let printer: Printer;
  const pdfs = new Map<string, Uint8Array>();
  beforeAll(async () => {
    printer = await startPrinter();
    const page = printer.page;
    // A scan: the report page as a picture, no text layer.
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.goto(`file://${path.join(HTML_DIR, '002-clean.html')}`);
    const scan = (await page.screenshot({ fullPage: true })).toString('base64');
    pdfs.set('scanned', await printer.html(`<body style="margin:0"><img src="data:image/png;base64,${scan}" style="width:100%"></body>`, A4));
    // Seed 004 with its three tables as raster pictures (the page's SVGs photographed).
    let html004 = fs.readFileSync(path.join(HTML_DIR, '004-word.html'), 'utf8');
    for (const table of ['table2', 'table3', 'table4']) {
      await page.goto(`file://${path.join(HTML_DIR, `img/004-${table}.svg`)}`);
      const png = (await page.locator('svg').screenshot()).toString('base64');
      html004 = html004.replace(`img/004-${table}.svg`, `data:image/png;base64,${png}`);
    }
    pdfs.set('004 image tables', await printer.html(html004, A4));
    // 500 pages: seed 002's report (three pages), then 497 pages of annex.
    const annex = Array.from({ length: 497 }, (_, i) => `<div style="break-before:page">附件 第${i + 1}页</div>`).join('');
    const html002 = fs.readFileSync(path.join(HTML_DIR, '002-clean.html'), 'utf8').replace('</body>', `${annex}</body>`);
    pdfs.set('500 pages', await printer.html(html002, A4));
  }, 300_000);
  afterAll(() => printer?.close());

  it('a scanned PDF (no text layer) is never "tables missing": one clear message', async () => {
    const e = await refusal(pdfs.get('scanned')!);
    expect([e.zh, e.en]).toEqual(['PDF 没有文字层（扫描件），无法读取数字', 'the PDF has no text layer (scanned pages): no figure can be read']);
  }, READ);

  it('tables printed as pictures under their headings: TBL-UNREADABLE (表格为图片) for each, not TBL-MISSING', async () => {
    const a = await analyzeFile({ bytes: pdfs.get('004 image tables')!, source: '004.pdf' }, env);
    const s = seed('004');
    expect({ agency: a.report.agency, year: a.report.year }).toEqual({ agency: s.agency, year: s.year });
    expect(a.figures.size).toBe(0);
    const warnings = a.report.findings.filter((f) => f.severity !== 'info');
    expect(warnings.map((f) => [f.rule, f.cells[0]])).toEqual([
      ['TBL-UNREADABLE', 'active'],
      ['TBL-UNREADABLE', 'requests'],
      ['TBL-UNREADABLE', 'appeals'],
    ]);
    expect(warnings[1]!.message).toBe('表三无法读取：表格为图片。其数字无法核对。');
  }, READ);

  it(`a 500-page PDF: the first ${MAX_PDF_PAGES} pages are read, and the report says the rest was not`, async () => {
    const bytes = pdfs.get('500 pages')!;
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    expect((await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise).numPages).toBe(500);
    const page = await readFile({ bytes, source: 'long.pdf' }, env);
    expect(page.unreadable).toEqual([{ table: null, reason: 'PDF 共 500 页，只读取了前 100 页', reasonEn: 'the PDF has 500 pages; only the first 100 were read' }]);
    const a: Analysis = await analyzeFile({ bytes, source: 'long.pdf' }, env);
    expect(Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]))).toEqual(seed('002').figures);
    const warnings = a.report.findings.filter((f) => f.severity !== 'info');
    expect(warnings.map((f) => [f.rule, f.message])).toEqual([['TBL-UNREADABLE', '有表格无法读取：PDF 共 500 页，只读取了前 100 页。其数字无法核对。']]);
  }, READ);
});

describe('the name does not decide the form, the bytes do', () => {
  it('HTML saved as .pdf is read as the HTML page it is', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(HTML_DIR, '001-clean.html')));
    const a = await analyzeFile({ bytes, source: 'report.pdf' }, env);
    expect(a.report.form).toBe('html');
    expect(Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]))).toEqual(seed('001').figures);
  });
});
