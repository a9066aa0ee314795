// The layout on hand-made page geometry (no pdf.js): what a table broken over a page break becomes.
import { describe, expect, it } from 'vitest';
import { createNormalizer } from '../../normalize';
import type { Grid } from '../../types';
import type { PageGeometry, Segment, TextRun } from './geometry';
import { layoutPages } from './layout';

const SIZE = 10;
const run = (page: number, text: string, x: number, y: number): TextRun => ({ page, text, x, y, width: text.length * SIZE, height: SIZE, size: SIZE });

/** A fully ruled table: `rows` of cell texts, columns at `xs`, rows 30 pt tall from `top`. */
function ruledTable(page: number, top: number, xs: number[], rows: string[][]): { segments: Segment[]; runs: TextRun[] } {
  const ys = rows.map((_, r) => top + r * 30).concat(top + rows.length * 30);
  const segments: Segment[] = [
    ...ys.map((y) => ({ horizontal: true, at: y, from: xs[0]!, to: xs[xs.length - 1]! })),
    ...xs.map((x) => ({ horizontal: false, at: x, from: ys[0]!, to: ys[ys.length - 1]! })),
  ];
  const runs = rows.flatMap((cells, r) => cells.flatMap((text, c) => (text ? [run(page, text, xs[c]! + 4, ys[r]! + 10)] : [])));
  return { segments, runs };
}

function page(n: number, parts: { segments: Segment[]; runs: TextRun[] }[], extra: TextRun[] = []): PageGeometry {
  return { page: n, width: 595, height: 842, segments: parts.flatMap((p) => p.segments), runs: [...parts.flatMap((p) => p.runs), ...extra], images: [] };
}

const XS = [60, 260, 360, 460];
const grids = (pages: PageGeometry[]): Grid[] =>
  layoutPages(pages, createNormalizer('simplified')).blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
const texts = (g: Grid) => g.rows.map((r) => r.map((c) => c.text));

describe('a table broken by a page break', () => {
  const header = ['项目', '甲', '乙'];
  const upper = ruledTable(1, 600, XS, [header, ['1.第一行', '1', '2'], ['2.第二行很长的标', '', '']]);
  const lower = ruledTable(2, 60, XS, [header, ['签', '3', '4'], ['3.第三行', '5', '6']]);
  const pageNumbers = [run(1, '-1-', 280, 800), run(2, '-2-', 280, 800)];
  const [grid, ...others] = grids([page(1, [upper], [pageNumbers[0]!]), page(2, [lower], [pageNumbers[1]!])]);

  it('is one grid: the header repeated on the next page read once, the split row joined', () => {
    expect(others).toEqual([]);
    // The joined row spans the two printed halves: its cells are copied into the second (origin: false).
    const joined = ['2.第二行很长的标签', '3', '4'];
    expect(texts(grid!)).toEqual([header, ['1.第一行', '1', '2'], joined, joined, ['3.第三行', '5', '6']]);
    expect(grid!.rows.map((r) => r.map((c) => c.origin))).toEqual([[true, true, true], [true, true, true], [true, true, true], [false, false, false], [true, true, true]]);
  });

  it('the joined row has a box on each page; every other cell one box', () => {
    const joined = grid!.rows[2]![0]!;
    expect(joined.boxes!.map((b) => b.page)).toEqual([1, 2]);
    expect(grid!.rows[4]!.map((c) => c.boxes!.length)).toEqual([1, 1, 1]);
  });

  it('the page numbers under and over the break are in no block', () => {
    const blocks = layoutPages([page(1, [upper], [pageNumbers[0]!]), page(2, [lower], [pageNumbers[1]!])], createNormalizer('simplified')).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
  });

  it('a row whose own label is numbered is never joined to the row above', () => {
    const full = ruledTable(1, 600, XS, [header, ['1.第一行', '1', '']]);
    const next = ruledTable(2, 60, XS, [['2.第二行', '', '4']]);
    expect(texts(grids([page(1, [full]), page(2, [next])])[0]!)).toEqual([header, ['1.第一行', '1', ''], ['2.第二行', '', '4']]);
  });

  it('tables of different widths on consecutive pages stay two tables', () => {
    const narrow = ruledTable(2, 60, [60, 200, 300], [['类别', '数量'], ['其他', '1']]);
    expect(grids([page(1, [upper]), page(2, [narrow])]).length).toBe(2);
  });
});
