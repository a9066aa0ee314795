// The seed pages printed to PDF by Chromium (as a user's "Save as PDF" does) and read back through
// the PDF front door: every figure, the agency, year and findings exactly as the seed expectations
// say — on A4 (tables broken over pages, 表三 split in three), on a narrow page (cells wrapped over
// lines), and with one figure changed before printing (the exact new finding).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyzeFile, readFile } from '../file';
import { analyzeDocument } from '../../analyze';
import type { Analysis, Cell, Page } from '../../types';
import type { Finding } from '../../report/schema';
import { REPO_ROOT, SEEDS, seed, type SeedExpectation } from '../../../test/fixtures/seeds';
import { A4, FLOWING_CSS, NARROW, startPrinter } from '../../../test/fixtures/pdf/print';

const HTML_DIR = path.join(REPO_ROOT, 'test/fixtures/html');
const env = { parseHtml: (html: string) => parseHTML(html).document };

const VARIANTS = ['word', 'clean', 'split'] as const;
const prints = SEEDS.flatMap((s) => VARIANTS.map((v) => ({ name: `${s.id}-${v}`, seed: s })));
const NARROW_PRINTS = ['001-word', '003-split'];
// Printed with the tables' borders removed: no ruling line to rebuild them from.
const BORDERLESS_PRINTS = ['001-clean', '000-word'];
const NO_BORDERS = 'td,th,table{border:none!important}';
// Printed with the browser's header and footer on every page: date, title, address, "1/5".
const HEADED_PRINTS = ['000-word', '003-split'];

// 002 (no error) with 表四's 行政复议 总计 changed from 5 to 6 before printing.
const INJECTED_FROM = '<tr><td>1</td><td>4</td><td>0</td><td>0</td><td>5</td>';
const INJECTED_TO = '<tr><td>1</td><td>4</td><td>0</td><td>0</td><td>6</td>';

// Reading a PDF loads pdf.js on first use and runs it over every page: more than vitest's 5 s default on a loaded machine.
const READ = { timeout: 60_000 };

// …and with 表四's 未经复议直接起诉 结果维持 left blank.
const BLANKED_FROM = '<td>5</td><td>0</td>';
const BLANKED_TO = '<td>5</td><td></td>';

const pdfs = new Map<string, Uint8Array>();
const analyses = new Map<string, Promise<Analysis>>();
let injectedHtml = '';
let blankedHtml = '';

beforeAll(async () => {
  const printer = await startPrinter();
  try {
    for (const { name } of prints) pdfs.set(name, await printer.file(path.join(HTML_DIR, `${name}.html`), A4));
    for (const name of NARROW_PRINTS) pdfs.set(`${name} narrow`, await printer.file(path.join(HTML_DIR, `${name}.html`), NARROW, FLOWING_CSS));
    for (const name of BORDERLESS_PRINTS) pdfs.set(`${name} borderless`, await printer.file(path.join(HTML_DIR, `${name}.html`), A4, NO_BORDERS));
    for (const name of HEADED_PRINTS) pdfs.set(`${name} headed`, await printer.file(path.join(HTML_DIR, `${name}.html`), { ...A4, displayHeaderFooter: true }));
    injectedHtml = fs.readFileSync(path.join(HTML_DIR, '002-clean.html'), 'utf8').replace(INJECTED_FROM, INJECTED_TO);
    pdfs.set('002-clean injected', await printer.html(injectedHtml, A4));
    blankedHtml = fs.readFileSync(path.join(HTML_DIR, '002-clean.html'), 'utf8').replace(BLANKED_FROM, BLANKED_TO);
    pdfs.set('002-clean blanked', await printer.html(blankedHtml, A4));
  } finally {
    await printer.close();
  }
}, 240_000);

function analysed(name: string): Promise<Analysis> {
  let a = analyses.get(name);
  if (!a) {
    a = analyzeFile({ bytes: pdfs.get(name)!, source: `${name}.pdf` }, env);
    analyses.set(name, a);
  }
  return a;
}

const figuresOf = (a: Analysis) => Object.fromEntries([...a.figures].map(([k, f]) => [k, f.value]));
const byRuleAndCell = (a: { rule: string; cell?: string }, b: { rule: string; cell?: string }) => `${a.rule} ${a.cell}`.localeCompare(`${b.rule} ${b.cell}`);
const significant = (findings: Finding[]) =>
  findings.filter((f) => f.severity !== 'info').map((f) => ({ rule: f.rule, cell: f.cells[0] })).sort(byRuleAndCell);

function expectSeed(a: Analysis, s: SeedExpectation) {
  expect(a.recognition.isReport).toBe(true);
  expect(a.report.form).toBe('pdf');
  expect({ agency: a.report.agency, year: a.report.year, template: a.report.template, script: a.report.script, publishedAt: a.report.publishedAt }).toEqual({
    agency: s.agency, year: s.year, template: s.template, script: s.script, publishedAt: s.publishedAt,
  });
  if (s.figures === null) expect(figuresOf(a)).toEqual({});
  else expect(figuresOf(a)).toEqual(s.figures);
  expect(significant(a.report.findings)).toEqual([...s.findings].sort(byRuleAndCell));
}

describe.each(prints)('seed $name printed to PDF (A4)', ({ name, seed: s }) => {
  it('reads as the seed: agency, year, template, script, date, every figure, exactly the expected findings', async () => {
    expectSeed(await analysed(name), s);
  }, READ.timeout);
});

describe.each(NARROW_PRINTS)('seed %s printed on a narrow page (cells wrapped over lines)', (name) => {
  it('reads as the seed', async () => {
    expectSeed(await analysed(`${name} narrow`), seed(name.slice(0, 3) as SeedExpectation['id']));
  }, READ.timeout);

  it('a label wrapped over lines is one cell with the whole label, taller than a one-line row', async () => {
    const page = await readFile({ bytes: pdfs.get(`${name} narrow`)!, source: `${name} narrow.pdf` }, env);
    const cells = page.blocks.flatMap((b) => (b.kind === 'table' ? b.grid.rows.flat() : [])).filter((c) => c.origin);
    const oneLine = cells.find((c) => c.norm === '(一)予以公开')!;
    const wrapped = cells.find((c) => c.norm.startsWith('(二)部分公开'))!;
    expect(wrapped.norm).toBe('(二)部分公开(区分处理的,只计这一情形,不计其他情形)');
    expect(wrapped.boxes![0]!.height).toBeGreaterThan(oneLine.boxes![0]!.height * 1.5);
  }, READ.timeout);
});

describe.each(HEADED_PRINTS)('seed %s printed with running headers and footers', (name) => {
  it('reads as the seed', async () => {
    expectSeed(await analysed(`${name} headed`), seed(name.slice(0, 3) as SeedExpectation['id']));
  }, READ.timeout);

  it('drops the headers and footers: no page number, no repeated title or address among the blocks', async () => {
    const page = await readFile({ bytes: pdfs.get(`${name} headed`)!, source: `${name} headed.pdf` }, env);
    const texts = page.blocks.flatMap((b) => (b.kind === 'text' ? [b.cell.text] : []));
    expect(texts.filter((t) => /^\d+\/\d+$/.test(t) || t.startsWith('file://') || t.includes('_政府信息公'))).toEqual([]);
  }, READ.timeout);
});

describe('tables printed without borders (read from the text\'s columns)', () => {
  it('001-clean: every figure and finding as the seed', async () => {
    expectSeed(await analysed('001-clean borderless'), seed('001'));
  }, READ.timeout);

  it('000-word: what is read is right — no figure differs from the seed, none is invented', async () => {
    const read = figuresOf(await analysed('000-word borderless'));
    const expected = seed('000').figures!;
    expect(Object.keys(read).length).toBeGreaterThan(100);
    for (const [key, value] of Object.entries(read)) expect([key, value]).toEqual([key, expected[key]]);
  }, READ.timeout);
});

describe('a figure changed before printing', () => {
  it('gives exactly the new finding, with the numbers, as the HTML it was printed from does', async () => {
    const a = await analysed('002-clean injected');
    const review = a.report.findings.filter((f) => f.severity !== 'info');
    expect(review.map((f) => ({ rule: f.rule, cell: f.cells[0], expected: f.expected, actual: f.actual }))).toEqual([
      { rule: 'T4-SUM', cell: 'appeals.review.total', expected: 5, actual: 6 },
    ]);
    const html = analyzeDocument(parseHTML(injectedHtml).document, { source: '002-clean injected.html' });
    expect(significant(a.report.findings)).toEqual(significant(html.report.findings));
    expect(figuresOf(a)).toEqual(figuresOf(html));
  }, READ.timeout);
});

describe('a cell left blank before printing', () => {
  it('reads as blank (null, never 0) and gives exactly VAL-BLANK for it, as the HTML does', async () => {
    const a = await analysed('002-clean blanked');
    expect(a.figures.get('appeals.suitDirect.upheld')!.value).toBeNull();
    expect(significant(a.report.findings)).toEqual([{ rule: 'VAL-BLANK', cell: 'appeals.suitDirect.upheld' }]);
    const html = analyzeDocument(parseHTML(blankedHtml).document, { source: '002-clean blanked.html' });
    expect(figuresOf(a)).toEqual(figuresOf(html));
    expect(significant(a.report.findings)).toEqual(significant(html.report.findings));
  }, READ.timeout);
});

describe('where each cell was printed', () => {
  let page: Page;
  beforeAll(async () => {
    page = await readFile({ bytes: pdfs.get('001-split')!, source: '001-split.pdf' }, env);
  }, READ.timeout);

  it('every table cell and every text block has boxes on a real page, inside the page', async () => {
    const cells: Cell[] = page.blocks.flatMap((b) => (b.kind === 'text' ? [b.cell] : b.grid.rows.flat().filter((c) => c.text !== '' || c.origin)));
    expect(cells.length).toBeGreaterThan(100);
    for (const c of cells) {
      expect(c.boxes?.length, c.text).toBeGreaterThan(0);
      for (const b of c.boxes!) {
        expect(b.page).toBeGreaterThanOrEqual(1);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(596);
        expect(b.y + b.height).toBeLessThanOrEqual(843);
      }
    }
  });

  it('a figure\'s box encloses the figure as pdf.js places it (the cell, not the row)', async () => {
    const a = await analysed('001-split');
    const total = a.figures.get('requests.totalProcessed.total')!;
    expect(total.raw).toBe('0');
    const natural = a.figures.get('requests.totalProcessed.natural')!;
    const [t, n] = [total.cell.boxes![0]!, natural.cell.boxes![0]!];
    // Same row, different columns: same top, 总计 to the right.
    expect(Math.abs(t.y - n.y)).toBeLessThan(1);
    expect(t.x).toBeGreaterThan(n.x + n.width - 1);
  }, READ.timeout);

  it('the page is read in the seed\'s own script, with the title block as the page title', () => {
    expect(page.form).toBe('pdf');
    expect(page.script).toBe('traditional');
    expect(page.meta.metas.Title).toBe('盘锦市双台子区人民政府办公室2023年政府信息公开工作年度报告_政府信息公开年报_盘锦市双台子区人民政府');
  });
});
