// A <table> as a span-expanded grid: every slot a rowspan/colspan covers holds a copy of its cell
// (origin: false, same element), so row r, column c reads like the printed table.
import type { Grid, GridCell } from '../types';
import type { Normalizer } from '../normalize';
import { isHidden, visibleText } from './text';

export { BLOCK_ELEMENTS, foldSpaces, isHidden, visibleText } from './text';

// HTML's own limits (the table processing model).
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

interface OwnRow {
  tr: Element;
  /** Index just past the last row of this row's group (thead/tbody/tfoot): rowspans stop there. */
  groupEnd: number;
}

/** The table's own visible rows in document order, not those of tables nested in its cells. */
function ownRows(table: Element): OwnRow[] {
  const rows: OwnRow[] = [];
  let groupStart = 0;
  const closeGroup = () => {
    for (let i = groupStart; i < rows.length; i++) rows[i]!.groupEnd = rows.length;
    groupStart = rows.length;
  };
  for (const child of Array.from(table.children)) {
    const name = child.localName;
    if (name === 'tr') {
      if (!isHidden(child)) rows.push({ tr: child, groupEnd: 0 });
    } else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      // Rows directly under <table> form a group of their own.
      closeGroup();
      for (const tr of Array.from(child.children)) if (tr.localName === 'tr' && !isHidden(tr)) rows.push({ tr, groupEnd: 0 });
      closeGroup();
    }
  }
  closeGroup();
  return rows;
}

function ownCells(tr: Element): Element[] {
  return Array.from(tr.children).filter((c) => (c.localName === 'td' || c.localName === 'th') && !isHidden(c));
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
    for (const element of ownCells(tr)) {
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

/**
 * A table used for layout, not data: it contains tables, or one of its cells holds an article.
 * Its cells' text flows as text; its inner tables are read as grids.
 */
export function isLayoutTable(table: Element): boolean {
  if (table.querySelector('table')) return true;
  for (const { tr } of ownRows(table)) {
    for (const cell of ownCells(tr)) {
      if ((cell.textContent ?? '').length > ARTICLE_CELL_CHARS && cell.querySelectorAll('p, div, li, br').length >= ARTICLE_CELL_PARAGRAPHS) {
        return true;
      }
    }
  }
  return false;
}
