// A page (Document) → its meta data and its content in reading order: one text block per visual
// paragraph, one grid per data table. Layout tables (tables of tables, page frames around the
// article) are read through: their text flows as paragraphs, their inner tables become grids.
// Plain traversal (firstChild/nextSibling, getElementsByTagName), no selector engine: linkedom's is slow.
import type { Block, Grid, Page, PageMeta, Unreadable } from '../types';
import { BLOCK_ELEMENTS, buildGridWithin, isHidden, isPageFrame, MAX_TABLE_CELLS, tableCapped, visibleText, walkTree } from '../grid';
import { foldSpaces, type Normalizer } from '../normalize';
import { rememberingLabels } from './memo';

/** <title> and every <meta name content> (first of each name), in plain normalised form. */
export function htmlMeta(doc: Document, source: string, normalizer: Normalizer): PageMeta {
  const title = normalizer.plain(doc.getElementsByTagName('title')[0]?.textContent ?? '');
  const metas: Record<string, string> = {};
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const name = (meta.getAttribute('name') ?? '').trim();
    const content = normalizer.plain(meta.getAttribute('content') ?? '');
    // Saved pages may carry the site's head again inside the body (shuyang): the first of a name wins.
    if (name && content && !(name in metas)) metas[name] = content;
  }
  return { title: title || null, metas, source };
}

/** Every <table> in document order (as `querySelectorAll('table')` lists them), and those holding tables. */
function surveyTables(doc: Document): { index: Map<Element, number>; nesting: Set<Element> } {
  const all = Array.from(doc.getElementsByTagName('table'));
  const nesting = new Set<Element>();
  // Each ancestor is climbed once: a page of 50,000 nested tables is 50,000 steps, not 50,000².
  const climbed = new Set<Element>();
  for (const table of all) {
    for (let up = table.parentElement; up && !climbed.has(up); up = up.parentElement) {
      climbed.add(up);
      if (up.localName === 'table') {
        nesting.add(up);
      }
    }
  }
  return { index: new Map(all.map((t, i) => [t, i])), nesting };
}

/** Most slots all the tables of one page may fill together (MAX_TABLE_CELLS each). */
export const MAX_PAGE_CELLS = 200_000;
/**
 * Most tables one page may have read as grids. A report has a dozen; each table costs its walk
 * and its reading, so 20,000 two-cell tables took 2 s in Chromium.
 */
export const MAX_PAGE_TABLES = 1000;

/** What the HTML front door yields besides the meta data: the blocks, and the tables cut short. */
export interface HtmlContent {
  blocks: Block[];
  unreadable: Unreadable[];
}

/** The page as every front door yields it (lib/types Page), read from a Document. */
export function htmlPage(doc: Document, source: string, normalizer: Normalizer): Page {
  const { blocks, unreadable } = htmlContent(doc, normalizer);
  return { form: 'html', script: normalizer.script, meta: htmlMeta(doc, source, normalizer), blocks, unreadable };
}

/** The blocks of htmlContent alone. */
export const htmlBlocks = (doc: Document, normalizer: Normalizer): Block[] => htmlContent(doc, normalizer).blocks;

/**
 * The visible content in reading order. Text blocks are `Cell`s with `table: -1`, `row` = their
 * position in the returned list and `element` = the block element (p, div, td of a layout table…)
 * they were printed in; table blocks are span-expanded grids indexed like
 * `document.querySelectorAll('table')`. Tables over the size caps are read in part, and listed in
 * `unreadable` (TBL-UNREADABLE).
 */
export function htmlContent(doc: Document, pageNormalizer: Normalizer): HtmlContent {
  const normalizer = rememberingLabels(pageNormalizer);
  const unreadable: Unreadable[] = [];
  // From the root, not doc.body: <head> is skipped as no content anyway, and linkedom builds an
  // empty <body> into a fragment (a saved article without <html>) when asked for one.
  const top = doc.documentElement;
  if (!top) return { blocks: [], unreadable };
  const tables = surveyTables(doc);
  const blocks: Block[] = [];
  let parts: string[] = [];
  let cellsLeft = MAX_PAGE_CELLS;
  let pageCapped = false;

  const flush = (owner: Element) => {
    const text = foldSpaces(parts.join(''));
    parts = [];
    if (text) blocks.push({ kind: 'text', cell: { text, norm: normalizer.label(text), table: -1, row: blocks.length, col: 0, element: owner } });
  };

  /** A data table's grid, within the caps; null when the page's cap leaves it no room. */
  let tablesLeft = MAX_PAGE_TABLES;
  const gridOf = (table: Element): Grid | null => {
    if (tablesLeft-- <= 0) {
      if (tablesLeft === -1) unreadable.push(TOO_MANY_TABLES);
      return null;
    }
    if (cellsLeft <= 0) {
      if (!pageCapped) unreadable.push(PAGE_CAPPED);
      pageCapped = true;
      return null;
    }
    const limit = Math.min(MAX_TABLE_CELLS, cellsLeft);
    const built = buildGridWithin(table, tables.index.get(table) ?? -1, normalizer, limit);
    cellsLeft -= built.cells;
    if (built.truncated) {
      if (limit < MAX_TABLE_CELLS) {
        cellsLeft = 0;
        pageCapped = true;
        unreadable.push(PAGE_CAPPED);
      } else unreadable.push(tableCapped(built.cells));
    }
    return built.grid;
  };

  // Block elements own the text inside them; the innermost open one is last.
  const owners: Element[] = [top];
  const owner = () => owners[owners.length - 1]!;
  const enter = (node: Node): boolean => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return false;
    }
    if (node.nodeType !== 1) return false;
    const e = node as Element;
    if (isHidden(e)) return false;
    const name = e.localName;
    if (name === 'br') {
      flush(owner());
      return false;
    }
    if (name === 'table' && !tables.nesting.has(e)) {
      const grid = gridOf(e);
      // A page frame is read like any other container below.
      if (!grid || !isPageFrame(grid)) {
        flush(owner());
        const caption = captionOf(e);
        if (caption) {
          parts.push(visibleText(caption));
          flush(caption);
        }
        if (grid?.rows.length) blocks.push({ kind: 'table', grid });
        return false;
      }
    }
    if (BLOCK_ELEMENTS.has(name)) {
      flush(owner());
      owners.push(e);
    }
    return true;
  };
  const leave = (node: Node) => {
    if (node.nodeType === 1 && BLOCK_ELEMENTS.has((node as Element).localName)) {
      flush(owners.pop()!);
    }
  };

  // A fragment parsed in Node (linkedom, the CLI's tree) has several top-level nodes: the root and its siblings.
  for (let node: Node | null = top; node; node = node.nextSibling) walkTree(node, enter, leave);
  flush(top);
  return { blocks, unreadable };
}

/**
 * The table's visible <caption>, if any. It stands before the rows: the scan stops at the first
 * <tr> (a table of 110,000 rows directly under <table> is not walked again for it).
 */
function captionOf(table: Element): Element | undefined {
  for (let c = table.firstElementChild; c && c.localName !== 'tr'; c = c.nextElementSibling) {
    if (c.localName === 'caption' && !isHidden(c)) return c;
  }
  return undefined;
}

const TOO_MANY_TABLES: Unreadable = {
  table: null,
  reason: `页面表格过多（超过 ${MAX_PAGE_TABLES} 个），其后的表格未读取`,
  reasonEn: `too many tables on the page (over ${MAX_PAGE_TABLES}): the tables after that were not read`,
};

const PAGE_CAPPED: Unreadable = {
  table: null,
  reason: `页面表格过大（合计超过 ${MAX_PAGE_CELLS} 个单元格），其后的表格未能完整读取`,
  reasonEn: `the page's tables are too large (over ${MAX_PAGE_CELLS} cells together): the tables after that were not fully read`,
};
