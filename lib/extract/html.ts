// A page (Document) → its meta data and its content in reading order: one text block per visual
// paragraph, one grid per data table. Layout tables (tables of tables, page frames around the
// article) are read through: their text flows as paragraphs, their inner tables become grids.
// Plain traversal (firstChild/nextSibling, getElementsByTagName), no selector engine: linkedom's is slow.
import type { Block, PageMeta } from '../types';
import type { Normalizer } from '../normalize';
import { BLOCK_ELEMENTS, buildGrid, foldSpaces, isHidden, isPageFrame, visibleText } from '../grid';
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
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const tables = surveyTables(doc);
  const blocks: Block[] = [];
  let parts: string[] = [];

  const flush = (owner: Element) => {
    const text = foldSpaces(parts.join(''));
    parts = [];
    if (text) blocks.push({ kind: 'text', cell: { text, norm: normalizer.label(text), table: -1, row: blocks.length, col: 0, element: owner } });
  };

  const walk = (el: Element, owner: Element) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const e = child as Element;
      if (isHidden(e)) continue;
      const name = e.localName;
      if (name === 'br') {
        flush(owner);
        continue;
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
          continue;
        }
      }
      if (BLOCK_ELEMENTS.has(name)) {
        flush(owner);
        walk(e, e);
        flush(e);
      } else walk(e, owner);
    }
  };

  walk(root, root);
  flush(root);
  return blocks;
}
