// A DOCX (or a saved web page or text file the reader dropped) shown as clean HTML built from the
// engine's own Page: paragraphs and tables in reading order, spans put back from the span-expanded
// grids. Each cell of the Page is pointed at the element drawn for it, so the analyzer marks and
// scrolls to it as on a web page.
import type { Block, Grid, GridCell, Page } from '@/lib/types';

/** A slot copied from `origin` by a span: not an origin itself, and the same printed text. */
const copyOf = (slot: GridCell | undefined, origin: GridCell) => !!slot && !slot.origin && slot.text === origin.text;

function tableOf(grid: Grid): HTMLTableElement {
  const table = document.createElement('table');
  const body = table.createTBody();
  const taken = grid.rows.map((row) => row.map(() => false));
  grid.rows.forEach((row, r) => {
    const tr = body.insertRow();
    row.forEach((cell, c) => {
      if (taken[r]![c]) return;
      let cols = 1;
      if (cell.origin) while (copyOf(row[c + cols], cell) && !taken[r]![c + cols]) cols++;
      let rows = 1;
      if (cell.origin) {
        const spans = (rr: number) => Array.from({ length: cols }, (_, k) => k).every((k) => copyOf(grid.rows[rr]?.[c + k], cell) && !taken[rr]![c + k]);
        while (r + rows < grid.rows.length && spans(r + rows)) rows++;
      }
      const td = tr.insertCell();
      td.textContent = cell.text;
      if (cols > 1) td.colSpan = cols;
      if (rows > 1) td.rowSpan = rows;
      for (let dr = 0; dr < rows; dr++) {
        for (let dc = 0; dc < cols; dc++) {
          taken[r + dr]![c + dc] = true;
          grid.rows[r + dr]![c + dc]!.element = td;
        }
      }
    });
  });
  return table;
}

function elementOf(block: Block): HTMLElement {
  if (block.kind === 'table') return tableOf(block.grid);
  const p = document.createElement('p');
  p.textContent = block.cell.text;
  block.cell.element = p;
  return p;
}

/** Draws the page's blocks into `container` and points every cell at its element. */
export function showBlocks(page: Page, container: HTMLElement): void {
  const article = document.createElement('article');
  article.className = 'doc-page';
  article.append(...page.blocks.map(elementOf));
  container.append(article);
}
