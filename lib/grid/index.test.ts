import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildGrid, buildGridWithin, isPageFrame, MAX_TABLE_CELLS } from './index';
import { createNormalizer } from '../normalize';
import type { Grid } from '../types';

const simplified = createNormalizer('simplified');

function tableOf(html: string, selector = 'table'): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.querySelector(selector)!;
}

const grid = (html: string, normalizer = simplified): Grid => buildGrid(tableOf(html), 3, normalizer);
/** The grid as text, one array per row. */
const texts = (g: Grid) => g.rows.map((row) => row.map((c) => c.text));
const origins = (g: Grid) => g.rows.map((row) => row.map((c) => (c.origin ? 'o' : c.element ? '.' : '_')).join(''));

describe('buildGrid', () => {
  it('fills every slot a rowspan or colspan covers with a copy pointing to the same cell', () => {
    const g = grid(`<table>
      <tr><td rowspan="2">A</td><td colspan="2">B</td></tr>
      <tr><td>C</td><td>D</td></tr>
    </table>`);
    expect(texts(g)).toEqual([['A', 'B', 'B'], ['A', 'C', 'D']]);
    expect(origins(g)).toEqual(['oo.', '.oo']);
    expect(g.rows[1]![0]!.element).toBe(g.rows[0]![0]!.element);
    expect(g.rows[0]![2]!.element).toBe(g.rows[0]![1]!.element);
    expect(g.rows[0]![1]!.element!.textContent).toBe('B');
    // Every slot knows its own place in the grid and its table's index.
    expect(g.rows[1]![0]).toMatchObject({ table: 3, row: 1, col: 0 });
    expect(g.index).toBe(3);
  });

  it('places cells after rowspans from above (the 表三 label columns)', () => {
    const g = grid(`<table>
      <tr><td rowspan="3">三、本年度办理结果</td><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td></tr>
      <tr><td>2.其他法律行政法规禁止公开</td><td>2</td></tr>
      <tr><td colspan="2">（七）总计</td><td>3</td></tr>
    </table>`);
    expect(texts(g)).toEqual([
      ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '1'],
      ['三、本年度办理结果', '（三）不予公开', '2.其他法律行政法规禁止公开', '2'],
      ['三、本年度办理结果', '（七）总计', '（七）总计', '3'],
    ]);
    expect(origins(g)).toEqual(['oooo', '..oo', '.o.o']);
  });

  it('keeps the first cell where a rowspan and a later colspan overlap', () => {
    const g = grid(`<table>
      <tr><td>a</td><td rowspan="2">B</td><td>c</td></tr>
      <tr><td colspan="3">X</td></tr>
    </table>`);
    // X starts at column 0 and would cover column 1, which B already holds.
    expect(texts(g)).toEqual([['a', 'B', 'c'], ['X', 'B', 'X']]);
    expect(g.rows[1]![1]!.element).toBe(g.rows[0]![1]!.element);
    expect(origins(g)).toEqual(['ooo', 'o..']);
  });

  it('pads ragged rows with empty slots that have no element', () => {
    const g = grid('<table><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>4</td></tr></table>');
    expect(texts(g)).toEqual([['规章', '0', '0', '0'], ['行政规范性文件', '4', '', '']]);
    expect(g.rows[1]![2]).toEqual({ text: '', norm: '', table: 3, row: 1, col: 2, origin: false });
  });

  it('clamps rowspan="0", oversized and bogus spans as browsers draw them', () => {
    const g = grid(`<table>
      <tbody><tr><td rowspan="0">R</td><td colspan="0">a</td><td rowspan="9">S</td></tr><tr><td colspan="x">b</td></tr></tbody>
      <tbody><tr><td>c</td><td rowspan="-2">d</td><td>e</td></tr></tbody>
    </table>`);
    // rowspan=0 and rowspan=9 stop at the end of their <tbody>; colspan 0 or "x" is 1.
    expect(texts(g)).toEqual([['R', 'a', 'S'], ['R', 'b', 'S'], ['c', 'd', 'e']]);
  });

  it('reads th and td alike, across thead, tbody and tfoot, not the rows of nested tables', () => {
    const g = grid(`<table>
      <thead><tr><th>信息内容</th><th>本年制发件数</th></tr></thead>
      <tbody><tr><td>规章</td><td>0<table><tr><td>inner</td></tr></table></td></tr></tbody>
      <tfoot><tr><td>注</td><td></td></tr></tfoot>
    </table>`);
    expect(g.rows).toHaveLength(3);
    expect(texts(g)[0]).toEqual(['信息内容', '本年制发件数']);
    expect(g.rows[0]![0]!.element!.localName).toBe('th');
    expect(texts(g)[2]).toEqual(['注', '']);
  });

  it('reads Word-pasted cells as printed: nested spans and paragraphs, &nbsp;, <o:p>, line breaks', () => {
    const g = grid(`<table><tr>
      <td><p class=MsoNormal><span style="font-family:宋体">三、</span><span>本年</span></p><p><span lang=EN-US>度办<o:p></o:p></span></p><p>理结&nbsp;果</p></td>
      <td><p><span>商业<br>企业</span></p></td>
      <td><font face="宋体"> 1,184.92 </font><span style="display:none">hidden</span><script>var x = 1;</script></td>
    </tr></table>`);
    // Each <p> and <br> is a line of the printed cell; the source's own line breaks are spaces.
    expect(texts(g)[0]).toEqual(['三、本年\n度办\n理结 果', '商业\n企业', '1,184.92']);
    expect(g.rows[0]!.map((c) => c.norm)).toEqual(['三、本年度办理结果', '商业企业', '1,184.92']);
  });

  it('normalises labels of traditional pages to simplified, without romanisation', () => {
    const g = grid('<table><tr><td>（三） 不予公開(kāi)</td><td>結(jié)轉(zhuǎn)</td></tr></table>', createNormalizer('traditional'));
    expect(g.rows[0]!.map((c) => c.norm)).toEqual(['(三)不予公开', '结转']);
    expect(g.rows[0]![0]!.text).toBe('（三） 不予公開(kāi)');
  });

  it('gives an empty grid for a table without rows', () => {
    expect(grid('<table><caption>表二</caption></table>').rows).toEqual([]);
  });

  it('keeps the line break between two numbers in one cell, and source whitespace as a space', () => {
    const g = grid('<table><tr><td>3<br>5</td><td><p>3</p><p>5</p></td><td>\n  1,184\n</td><td><span>4</span><span>9</span></td></tr></table>');
    expect(texts(g)[0]).toEqual(['3\n5', '3\n5', '1,184', '49']);
  });

  it('clamps spans as browsers do: colspan to 1000, rowspan to the rows the table has', () => {
    const g = grid('<table><tr><td colspan="5000">A</td><td rowspan="99999">B</td></tr><tr><td>C</td></tr></table>');
    expect(g.rows[0]).toHaveLength(1001);
    expect(g.rows).toHaveLength(2);
    expect(g.rows[1]![1000]!.text).toBe('B');
    expect(g.rows[1]![0]!.text).toBe('C');
  });

  it('cuts a table at the cell limit after the last whole row that fits, and says so', () => {
    const table = tableOf(`<table>${'<tr><td>1</td><td>2</td><td>3</td></tr>'.repeat(10)}</table>`);
    const built = buildGridWithin(table, 0, simplified, 20);
    expect(built).toMatchObject({ truncated: true, cells: 18 });
    expect(built.grid.rows).toHaveLength(6);
    expect(buildGridWithin(table, 0, simplified, 30)).toMatchObject({ truncated: false, cells: 30 });
    // Huge spans are refused before a slot is written: the table keeps the rows above them.
    const spans = tableOf(`<table><tr><td>a</td></tr>${'<tr><td rowspan="65534" colspan="1000">1</td></tr>'.repeat(50)}</table>`);
    const cut = buildGridWithin(spans, 0, simplified, MAX_TABLE_CELLS);
    expect(cut.truncated).toBe(true);
    expect(cut.grid.rows.map((r) => r.map((c) => c.text))).toEqual([['a']]);
  });

  it('counts padding against the limit: a wide first row makes every row as wide', () => {
    const table = tableOf(`<table><tr><td colspan="1000">wide</td></tr>${'<tr><td>1</td></tr>'.repeat(30)}</table>`);
    const built = buildGridWithin(table, 0, simplified, 20_000);
    expect(built).toMatchObject({ truncated: true, cells: 20_000 });
    expect(built.grid.rows).toHaveLength(20);
  });

  it('expands a table of 130,000 rows without overflowing the stack (Math.max(...rows) did)', () => {
    const table = tableOf(`<table>${'<tr>'.repeat(130_000)}<tr><td>1</td></tr></table>`);
    const built = buildGridWithin(table, 0, simplified, 200_000);
    expect(built).toMatchObject({ truncated: false, cells: 130_001 });
    expect(built.grid.rows[130_000]![0]!.text).toBe('1');
    expect(built.grid.rows[0]![0]).toMatchObject({ text: '', origin: false });
  }, 60_000);
});

describe('isPageFrame', () => {
  it('takes a table whose cell holds the article for a page frame', () => {
    const paragraphs = Array.from({ length: 4 }, (_, i) => `<p>${'政府信息公开工作'.repeat(12)}第${i}段。</p>`).join('');
    expect(isPageFrame(grid(`<table><tr><td>导航</td></tr><tr><td>${paragraphs}</td></tr></table>`))).toBe(true);
  });

  it('takes a data table, even with a long note row, for data', () => {
    const note = `<p>注：${'因多数依申请公开件并非一事一申请'.repeat(20)}</p>`;
    expect(isPageFrame(grid(`<table><tr><td>规章</td><td>0</td></tr><tr><td colspan="2">${note}</td></tr></table>`))).toBe(false);
  });
});
