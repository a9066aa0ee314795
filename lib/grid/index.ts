// A <table> as a span-expanded grid: every slot a rowspan/colspan covers holds a copy of its cell
// (origin: false, same element), so row r, column c reads like the printed table.
import type { Grid, GridCell } from '../types';
import type { Normalizer } from '../normalize';
import { isHidden, visibleText } from './text';

export { BLOCK_ELEMENTS, isHidden, visibleText } from './text';

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

/** The table's own visible rows in document order, not those of tables nested in its cells. */
function ownRows(table: Element): OwnRow[] {
  const rows: OwnRow[] = [];
  let groupStart = 0;
  const closeGroup = () => {
    for (let i = groupStart; i < rows.length; i++) rows[i]!.groupEnd = rows.length;
    groupStart = rows.length;
  };
  for (const child of childrenNamed(table, ROW_GROUPS)) {
    if (child.localName === 'tr') rows.push({ tr: child, groupEnd: 0 });
    else {
      // Rows directly under <table> form a group of their own.
      closeGroup();
      for (const tr of childrenNamed(child, ROW)) rows.push({ tr, groupEnd: 0 });
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

/** Span-expands one data table. Slots no cell covers (ragged rows) are padding: empty, no element. */
export function buildGrid(table: Element, index: number, normalizer: Normalizer): Grid {
  const rows = ownRows(table);
  const slots: GridCell[][] = rows.map(() => []);
  rows.forEach(({ tr, groupEnd }, r) => {
    const row = slots[r]!;
    let c = 0;
    for (const element of childrenNamed(tr, CELLS)) {
      while (row[c]) c++;
      const colspan = colspanOf(element);
      const rowspan = rowspanOf(element, groupEnd - r);
      const text = visibleText(element);
      const norm = normalizer.label(text);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = slots[r + dr]!;
        for (let dc = 0; dc < colspan; dc++) {
          // Overlapping spans (a table model error): the cell placed first keeps the slot.
          if (target[c + dc]) continue;
          target[c + dc] = { text, norm, table: index, row: r + dr, col: c + dc, element, origin: dr === 0 && dc === 0 };
        }
      }
      c += colspan;
    }
  });
  const width = Math.max(0, ...slots.map((row) => row.length));
  for (const [r, row] of slots.entries()) {
    for (let c = 0; c < width; c++) row[c] ??= { text: '', norm: '', table: index, row: r, col: c, origin: false };
  }
  return { index, rows: slots, element: table };
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
