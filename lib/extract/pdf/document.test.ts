// A report published as a document, not a web page (what WPS or Word print): a title block over two
// lines naming the agency, the preamble naming the office that compiled it, the tables, and a
// signature with the date closing it. Made here from seed 002's article, printed by Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyzeFile, readFile } from '../file';
import { readPdfDocument } from './index';
import type { Analysis } from '../../types';
import { REPO_ROOT, seed } from '../../../test/fixtures/seeds';
import { A4, startPrinter } from '../../../test/fixtures/pdf/print';

const env = { parseHtml: (html: string) => parseHTML(html).document };
const READ = 60_000;
// Before pdf.js is loaded (this file imports it only through the front door, lazily).
const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

function reportDocument(closing: string): string {
  const page = parseHTML(fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/html/002-clean.html'), 'utf8')).document;
  const article = page.querySelector('.article-content')!.innerHTML;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>szfgs2024</title>
<style>body{font:12pt "Noto Serif CJK SC",serif;line-height:1.6} h1{font-size:20pt;text-align:center;font-weight:normal}
table{border-collapse:collapse} td{border:1px solid #000;padding:2px 4px} .sign{text-align:right}</style></head><body>
<h1>精河县人民政府<br>2024年政府信息公开工作年度报告</h1>
<p style="text-indent:2em">本报告由精河县人民政府办公室根据《中华人民共和国政府信息公开条例》规定编制。</p>
${article}
<p class="sign">精河县人民政府办公室</p>
<p class="sign">${closing}</p>
</body></html>`;
}

const pdfs = new Map<string, Uint8Array>();
beforeAll(async () => {
  const printer = await startPrinter();
  try {
    pdfs.set('late', await printer.html(reportDocument('2025年4月2日'), A4));
    pdfs.set('in time', await printer.html(reportDocument('2025 年 3 月 20 日'), A4));
  } finally {
    await printer.close();
  }
}, 120_000);

const analyse = (name: string): Promise<Analysis> => analyzeFile({ bytes: pdfs.get(name)!, source: `${name}.pdf` }, env);

describe('a report printed as a document', () => {
  it('the title block names the agency (not the office in the preamble); the deadline follows from it', async () => {
    const { report } = await analyse('in time');
    expect({ agency: report.agency, agencyKind: report.agencyKind, year: report.year, deadline: report.deadline }).toEqual({
      agency: '精河县人民政府', agencyKind: 'government', year: 2024, deadline: '2025-03-31',
    });
  }, READ);

  it('the title block is the page title; the file\'s own Title metadata is kept beside it', async () => {
    const page = await readFile({ bytes: pdfs.get('in time')!, source: 'in time.pdf' }, env);
    expect(page.meta.title).toBe('精河县人民政府2024年政府信息公开工作年度报告');
    expect(page.meta.metas.Title).toBe('szfgs2024');
  }, READ);

  it('the date closing the report is its date: in time, no finding', async () => {
    const { report, figures } = await analyse('in time');
    expect(report.publishedAt).toBe('2025-03-20');
    expect(report.findings).toEqual([]);
    expect(Object.fromEntries([...figures].map(([k, f]) => [k, f.value]))).toEqual(seed('002').figures);
  }, READ);

  it('a closing date after the deadline gives DATE-LATE', async () => {
    const { report } = await analyse('late');
    expect(report.publishedAt).toBe('2025-04-02');
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['DATE-LATE', 'info']]);
  }, READ);

  it('readPdfDocument reads a document the caller opened (the viewer): the same page as readPdf', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: pdfs.get('in time')!.slice(), isEvalSupported: false }).promise;
    try {
      const page = await readPdfDocument(doc, 'viewer.pdf');
      const viaFile = await readFile({ bytes: pdfs.get('in time')!, source: 'viewer.pdf' }, env);
      expect(page).toEqual(viaFile);
    } finally {
      await doc.destroy();
    }
  }, READ);

  it('reading a PDF leaves the platform\'s Array.prototype.push, JSON.stringify and JSON.parse in place (the legacy build replaces them)', async () => {
    await readFile({ bytes: pdfs.get('in time')!, source: 'in time.pdf' }, env);
    expect(Array.prototype.push).toBe(native.push);
    expect(JSON.stringify).toBe(native.stringify);
    expect(JSON.parse).toBe(native.parse);
  }, READ);
});
