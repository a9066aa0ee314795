// A page (Document) → its meta data and its content in reading order: one text block per visual
// paragraph, one grid per data table. Layout tables (tables of tables, page frames around the
// article) are read through: their text flows as paragraphs, their inner tables become grids.
// Plain traversal (firstChild/nextSibling, getElementsByTagName), no selector engine: linkedom's is slow.
import type { Block, PageMeta } from '../types';
import { BLOCK_ELEMENTS, buildGrid, isHidden, isPageFrame, visibleText } from '../grid';
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
  for (const table of all) {
    for (let up = table.parentElement; up; up = up.parentElement) if (up.localName === 'table') nesting.add(up);
  }
  return { index: new Map(all.map((t, i) => [t, i])), nesting };
}

/**
 * The visible content in reading order. Text blocks are `Cell`s with `table: -1`, `row` = their
 * position in the returned list and `element` = the block element (p, div, td of a layout table…)
 * they were printed in; table blocks are span-expanded grids indexed like
 * `document.querySelectorAll('table')`.
 */
export function htmlBlocks(doc: Document, pageNormalizer: Normalizer): Block[] {
  const normalizer = rememberingLabels(pageNormalizer);
  // From the root, not doc.body: <head> is skipped as no content anyway, and linkedom builds an
  // empty <body> into a fragment (a saved article without <html>) when asked for one.
  const top = doc.documentElement;
  if (!top) return [];
  const tables = surveyTables(doc);
  const blocks: Block[] = [];
  let parts: string[] = [];

  const flush = (owner: Element) => {
    const text = foldSpaces(parts.join(''));
    parts = [];
    if (text) blocks.push({ kind: 'text', cell: { text, norm: normalizer.label(text), table: -1, row: blocks.length, col: 0, element: owner } });
  };

  const visit = (node: Node, owner: Element) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (isHidden(e)) return;
    const name = e.localName;
    if (name === 'br') {
      flush(owner);
      return;
    }
    if (name === 'table' && !tables.nesting.has(e)) {
      const grid = buildGrid(e, tables.index.get(e) ?? -1, normalizer);
      // A page frame is read like any other container below.
      if (!isPageFrame(grid)) {
        flush(owner);
        const caption = Array.from(e.children).find((c) => c.localName === 'caption' && !isHidden(c));
        if (caption) {
          parts.push(visibleText(caption));
          flush(caption);
        }
        if (grid.rows.length) blocks.push({ kind: 'table', grid });
        return;
      }
    }
    if (BLOCK_ELEMENTS.has(name)) {
      flush(owner);
      walk(e, e);
      flush(e);
    } else walk(e, owner);
  };
  const walk = (el: Element, owner: Element) => {
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child, owner);
  };

  // A fragment parsed by linkedom has several top-level nodes: the root and its siblings.
  for (let node: Node | null = top; node; node = node.nextSibling) visit(node, top);
  flush(top);
  return blocks;
}
