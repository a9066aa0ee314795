// A <table> as a span-expanded grid: every slot a rowspan/colspan covers holds a copy of its cell
// (origin: false, same element), so row r, column c reads like the printed table.
import type { Grid, GridCell, Unreadable } from '../types';
import type { Normalizer } from '../normalize';
import { isHidden, visibleText } from './text';

export { BLOCK_ELEMENTS, isHidden, visibleText, walkTree } from './text';

// HTML's own limits (the table processing model).
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

interface OwnRow {
  tr: Element;
  /** Index just past the last row of this row's group (thead/tbody/tfoot): rowspans stop there. */
  groupEnd: number;
}

/** The element children of `el` with one of the given names, skipping hidden ones. */
function childrenNamed(el: Element, names: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (names.has(child.localName) && !isHidden(child)) found.push(child);
  }
  return found;
}

const ROW = new Set(['tr']);
const ROW_GROUPS = new Set(['tr', 'thead', 'tbody', 'tfoot']);
const CELLS = new Set(['td', 'th']);

/**
 * The table's own visible rows in document order, not those of tables nested in its cells; at
 * most `limit` of them (a row costs a slot array even when it has no cell).
 */
function ownRows(table: Element, limit: number): OwnRow[] {
  const rows: OwnRow[] = [];
  let groupStart = 0;
  const closeGroup = () => {
    for (let i = groupStart; i < rows.length; i++) rows[i]!.groupEnd = rows.length;
    groupStart = rows.length;
  };
  for (const child of childrenNamed(table, ROW_GROUPS)) {
    if (rows.length >= limit) break;
    if (child.localName === 'tr') rows.push({ tr: child, groupEnd: 0 });
    else {
      // Rows directly under <table> form a group of their own.
      closeGroup();
      for (const tr of childrenNamed(child, ROW)) if (rows.length < limit) rows.push({ tr, groupEnd: 0 });
      closeGroup();
    }
  }
  closeGroup();
  return rows;
}

function colspanOf(cell: Element): number {
  const n = parseInt(cell.getAttribute('colspan') ?? '', 10);
  return n >= 1 ? Math.min(n, MAX_COLSPAN) : 1;
}

/** rowspan="0" reaches the end of the row group; any span stops there (as browsers draw it). */
function rowspanOf(cell: Element, rowsLeft: number): number {
  const n = parseInt(cell.getAttribute('rowspan') ?? '', 10);
  if (n === 0) return rowsLeft;
  return n >= 1 ? Math.min(n, MAX_ROWSPAN, rowsLeft) : 1;
}

/**
 * Most slots one table may fill, padding included. The national tables have a few hundred; a
 * table beyond this is read up to the last whole row that fits, and says so (TBL-UNREADABLE):
 * without a cap, spans of 1000 × 65534 make a page of 18 KB take a gigabyte.
 */
export const MAX_TABLE_CELLS = 20_000;

/** What a table cut at MAX_TABLE_CELLS says (HTML and DOCX alike): `read` slots were read. */
export const tableCapped = (read: number): Unreadable => ({
  table: null,
  reason: `表格过大（超过 ${MAX_TABLE_CELLS} 个单元格），只读取了前 ${read} 个`,
  reasonEn: `a table too large (over ${MAX_TABLE_CELLS} cells): only its first ${read} were read`,
});

/** A span-expanded table, and whether it was cut at `cellLimit` slots. */
export interface BuiltGrid {
  grid: Grid;
  /** Rows past the limit were left out; `grid` holds the rows before them. */
  truncated: boolean;
  /** Slots in the grid (rows × width). */
  cells: number;
}

/**
 * Span-expands one data table. Slots no cell covers (ragged rows) are padding: empty, no element.
 * At most `cellLimit` slots are filled: the rows that fit, whole.
 */
export function buildGridWithin(table: Element, index: number, normalizer: Normalizer, cellLimit: number): BuiltGrid {
  // One row more than the limit allows tells that the table goes on past it.
  const rows = ownRows(table, cellLimit + 1);
  const slots: GridCell[][] = [];
  let written = 0;
  let width = 0;
  let kept = rows.length;
  rowLoop: for (let r = 0; r < rows.length; r++) {
    const { tr, groupEnd } = rows[r]!;
    const row = (slots[r] ??= []);
    let c = 0;
    for (const element of childrenNamed(tr, CELLS)) {
      while (row[c]) c++;
      const colspan = colspanOf(element);
      const rowspan = rowspanOf(element, groupEnd - r);
      // Checked before any slot is written: spans alone could ask for 65 million.
      if (written + colspan * rowspan > cellLimit) {
        kept = r;
        break rowLoop;
      }
      written += colspan * rowspan;
      const text = visibleText(element);
      const norm = normalizer.label(text);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (slots[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) {
          // Overlapping spans (a table model error): the cell placed first keeps the slot.
          if (target[c + dc]) continue;
          target[c + dc] = { text, norm, table: index, row: r + dr, col: c + dc, element, origin: dr === 0 && dc === 0 };
        }
      }
      c += colspan;
    }
    // Rows above are final now (spans only reach down): the padded grid so far is (r + 1) × width.
    width = Math.max(width, row.length);
    if ((r + 1) * width > cellLimit) {
      kept = r;
      break;
    }
  }
  // Rows without cells fill no slot: the row limit stops them.
  kept = Math.min(kept, cellLimit);
  slots.length = kept;
  width = 0;
  for (const row of slots) width = Math.max(width, row.length);
  for (const [r, row] of slots.entries()) {
    for (let c = 0; c < width; c++) row[c] ??= { text: '', norm: '', table: index, row: r, col: c, origin: false };
  }
  return { grid: { index, rows: slots, element: table }, truncated: kept < rows.length, cells: kept * width };
}

/** Span-expands one data table (up to MAX_TABLE_CELLS slots). */
export function buildGrid(table: Element, index: number, normalizer: Normalizer): Grid {
  return buildGridWithin(table, index, normalizer, MAX_TABLE_CELLS).grid;
}

// A cell holding an article (several paragraphs, hundreds of characters) frames a page, not data.
const ARTICLE_CELL_CHARS = 300;
const ARTICLE_CELL_PARAGRAPHS = 3;
const PARAGRAPHS = new Set(['p', 'div', 'li', 'br']);

function hasParagraphs(el: Element, wanted: number): boolean {
  let found = 0;
  const stack: Element[] = [el];
  while (stack.length) {
    for (let child = stack.pop()!.firstElementChild; child; child = child.nextElementSibling) {
      if (PARAGRAPHS.has(child.localName) && ++found >= wanted) return true;
      stack.push(child);
    }
  }
  return false;
}

/**
 * A table used to lay out a page around its article (a CMS frame), not data: one of its cells
 * holds an article. Its text flows as paragraphs; tables inside it are read as grids.
 */
export function isPageFrame(grid: Grid): boolean {
  return grid.rows.some((row) =>
    row.some((c) => c.origin && c.text.length > ARTICLE_CELL_CHARS && hasParagraphs(c.element!, ARTICLE_CELL_PARAGRAPHS)),
  );
}
