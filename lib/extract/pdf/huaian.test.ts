// The real WPS-made PDF of the corpus (huaian-2024.pdf) as the front door rebuilds it: what real
// PDFs do — a vertical row header, a group label and a table broken by a page break with "-4-"
// between the rows, labels over two lines with their figures on one — read back as the printed table.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openForReading, readPdf } from './index';
import { ordinaryCharacters } from './geometry';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Grid, GridCell, Page } from '../../types';
import { SHARED } from '../../../test/fixtures/seeds';

const bytes = new Uint8Array(fs.readFileSync(path.join(SHARED, 'corpus/huaian-2024.pdf')));
let page: Page;
let requests: Grid;
beforeAll(async () => {
  page = await readPdf(bytes, 'huaian-2024.pdf');
  requests = page.blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : [])).find((g) => g.rows.some((r) => r[0]!.norm === '一、本年新收政府信息公开申请数量'))!;
}, 60_000);

/** The row whose cells include one reading `label`. */
const rowWith = (grid: Grid, label: string): GridCell[] => grid.rows.find((r) => r.some((c) => c.norm === label))!;
const pagesOf = (cell: GridCell) => [...new Set(cell.boxes!.map((b) => b.page))];

describe('huaian-2024.pdf rebuilt', () => {
  it('the title block is the page title; the page is simplified, read as a PDF', () => {
    expect({ form: page.form, script: page.script, title: page.meta.title }).toEqual({
      form: 'pdf', script: 'simplified', title: '淮安市人民政府2024 年政府信息公开工作年度报告',
    });
  });

  it('表三 is one grid over pages 4 and 5, its vertical row header one cell on both pages', () => {
    const header = rowWith(requests, '(一)予以公开')[0]!;
    expect(header.norm).toBe('三、本年度办理结果');
    expect(pagesOf(header)).toEqual([4, 5]);
    // Every slot it spans holds it: from (一)予以公开 down to (七)总计.
    const spanned = requests.rows.filter((r) => r[0]!.boxes === header.boxes);
    expect(spanned.map((r) => r[0]!.origin)).toEqual([true, ...Array(spanned.length - 1).fill(false)]);
    expect(spanned.length).toBe(22); // (一), (二), (三)×8, (四)×3, (五)×5, (六)×3, (七)
  });

  it('（四）无法提供, cut by the page break between 1. and 2., is one group cell again', () => {
    const first = rowWith(requests, '1.本机关不掌握相关政府信息');
    const second = rowWith(requests, '2.没有现成信息需要另行制作');
    expect(first[1]!.norm).toBe('(四)无法提供');
    expect(second[1]!.boxes).toBe(first[1]!.boxes);
    expect(pagesOf(first[1]!)).toEqual([4, 5]);
    expect(second.slice(3).map((c) => c.text)).toEqual(['11', '0', '0', '0', '0', '0', '11']);
  });

  it('a label over two lines with its figures on one line: one row', () => {
    const row = rowWith(requests, '(二)部分公开(区分处理的,只计这一情形,不计其他情形)');
    expect(row.slice(3).map((c) => c.text)).toEqual(['447', '7', '0', '0', '0', '0', '454']);
  });

  it('the page numbers between the rows ("-4-", "-5-") are in no block', () => {
    const texts = page.blocks.flatMap((b) => (b.kind === 'text' ? [b.cell.text] : b.grid.rows.flat().map((c) => c.text)));
    expect(texts.filter((t) => /^-\s*\d+\s*-$/.test(t))).toEqual([]);
  });

  it('every printed cell has its box on its page, in points from the top-left', () => {
    const total = rowWith(requests, '(七)总计').at(-1)!;
    expect(total.text).toBe('3050');
    const [box] = total.boxes!;
    expect(box!.page).toBe(5);
    // The 总计 column is the table's last, its right edge at the page's right margin (A4: 595 pt wide).
    expect(box!.x + box!.width).toBeCloseTo(521.5, 0);
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y + box!.height).toBeLessThan(842);
  });
});

describe('characters as fonts name them', () => {
  it('Kangxi radicals and radical forms become the characters; punctuation stays as printed', () => {
    expect(ordinaryCharacters('⽇期 人⺠政府 ⻓江（一）：')).toBe('日期 人民政府 长江（一）：');
  });
});

describe('pdf.js opened to read, not to draw', () => {
  /** Page 1's drawing instructions, and the glyph outlines pdf.js built for them (its FontPath objects). */
  const outlines = async (doc: PDFDocumentProxy) => {
    try {
      const first = await doc.getPage(1);
      await first.getOperatorList();
      return [...first.commonObjs].filter(([id]) => String(id).includes('_path_')).length;
    } finally {
      await doc.destroy();
    }
  };

  it('no glyph is outlined (pdf.js opened as it opens in Node by default outlines 262 on page 1)', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    expect(await outlines(await openForReading(bytes))).toBe(0);
    expect(await outlines(await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise)).toBe(262);
  }, 60_000);
});
