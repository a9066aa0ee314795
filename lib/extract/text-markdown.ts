// A report saved as markdown (HTML-to-markdown converters, AI tools, note apps): "## 一、…"
// headings, paragraphs, pipe tables ("| a | b |" over "|---|"). A converter makes the pipe table's
// header up (the first row, an empty one, "列1 | 列2") or copies it from elsewhere, so a header row
// without figures is not read: rows are read by their labels, figures in the national order.
import type { CellRow } from './text-columns';

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s+/;

/** Markdown: pipe tables with their separator row, or headings "#"…"######". */
export function isMarkdown(lines: readonly string[]): boolean {
  let headings = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SEPARATOR.test(line) && line.includes('-') && i > 0 && TABLE_ROW.test(lines[i - 1]!)) return true;
    if (HEADING.test(line)) headings++;
  }
  return headings >= MIN_HEADINGS;
}
const MIN_HEADINGS = 2;

/** Inline markup off: emphasis, code, links (their text kept), images, HTML tags, escapes. */
function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // A line break in a cell: "3<br>5" is two numbers, as lib/grid reads it.
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .trim();
}

/** A table row's cells: split at pipes that are not escaped ("\|" is a pipe in a cell). */
function rowCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map(inline);
}

const hasFigure = (cells: readonly string[]) => cells.some((c) => /^[-+]?\d[\d,]*(?:\.\d+)?(?:万元|元)?$/.test(c));

/** The rows of cells: a heading or paragraph line is one cell, a table row its cells. */
export function markdownRows(lines: readonly string[], from: number): CellRow[] {
  const rows: CellRow[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || (SEPARATOR.test(line) && line.includes('-'))) continue;
    if (TABLE_ROW.test(line)) {
      const cells = rowCells(line);
      const isHeader = i + 1 < lines.length && SEPARATOR.test(lines[i + 1]!) && lines[i + 1]!.includes('-');
      if (!isHeader || hasFigure(cells)) rows.push({ line: i, cells });
      continue;
    }
    const text = inline(line.replace(HEADING, '').replace(/^\s*>\s?/, '').replace(/^\s*[-*+]\s+/, ''));
    if (text) rows.push({ line: i, cells: [text] });
  }
  return rows;
}
