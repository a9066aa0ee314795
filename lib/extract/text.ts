// A saved-text page → its meta data and its cells. Scrapers save a page's visible text in three
// layouts: one cell per line (blank lines between), each cell ending in " |" where a line of bare
// pipes ("|||") is a run of empty cells (colspans, blank cells), or a table row per line with its
// cells parted by tabs (innerText of a table; "⇥⇥" is an empty cell). Some archives put header
// lines ("标题: …") and a "==== 正文 ====" rule above the body. Other tools save a report as
// `pdftotext -layout` columns (text-columns.ts) or as markdown (text-markdown.ts).
import type { Block, Cell, Page, PageMeta, SourceForm } from '../types';
import { createNormalizer, detectScript, type Normalizer } from '../normalize';
import { foldLines } from '../grid/text';
import { REPORT_TITLE } from '../formats';
import { rememberingLabels } from './memo';
import { columnRows, isColumnLayout, type CellRow } from './text-columns';
import { isMarkdown, markdownRows } from './text-markdown';
import { isOneLine, oneLineRows } from './text-line';

const BODY_RULE = /^=+\s*正文\s*=+$/;
const HEADER_FIELD = /^([^:：\s]{1,12})\s*[:：]\s*(.*)$/;
// The archive header is a handful of lines; a rule further down is not one.
const MAX_HEADER_LINES = 40;

const linesOf = (text: string) => text.split(/\r\n?|\n/);

/** Index of the "==== 正文 ====" line, or -1 when the file has no archive header. */
function bodyRule(lines: readonly string[]): number {
  const limit = Math.min(lines.length, MAX_HEADER_LINES);
  for (let i = 0; i < limit; i++) if (BODY_RULE.test(lines[i]!.trim())) return i;
  return -1;
}

/** Header fields keyed by their Chinese names (标题, 发布时间, 原文链接…); title = 标题. */
export function textMeta(text: string, source: string, normalizer: Normalizer): PageMeta {
  const lines = linesOf(text);
  const rule = bodyRule(lines);
  const metas: Record<string, string> = {};
  for (const line of lines.slice(0, Math.max(rule, 0))) {
    const field = HEADER_FIELD.exec(line.trim());
    const value = field ? normalizer.plain(field[2]!) : '';
    if (field && value && !(field[1]! in metas)) metas[field[1]!] = value;
  }
  return { title: metas['标题'] ?? null, metas, source };
}

/**
 * How the text lays a report out: cells per line (scrapers), markdown (converters), the whole page
 * on one line (archives' text extraction), space-aligned columns (pdftotext -layout).
 */
export type TextLayout = 'cells' | 'markdown' | 'line' | 'columns';

function layoutOf(lines: readonly string[]): TextLayout {
  // Markdown first: its tables are often padded into aligned columns too.
  if (isMarkdown(lines)) return 'markdown';
  if (isOneLine(lines)) return 'line';
  return isColumnLayout(lines) ? 'columns' : 'cells';
}

export function textLayout(text: string): TextLayout {
  const lines = linesOf(text);
  return layoutOf(lines.slice(bodyRule(lines) + 1));
}

/** The form a saved text is reported as (report.form). */
export function textForm(text: string): SourceForm {
  return textLayout(text) === 'markdown' ? 'markdown' : 'text';
}

/** A saved text (any layout) as the Page every front door yields. */
export function textPage(text: string, source: string): Page {
  const normalizer = createNormalizer(detectScript(text));
  return { form: textForm(text), script: normalizer.script, meta: textMeta(text, source, normalizer), blocks: textBlocks(text, normalizer), unreadable: [] };
}

/** The rows of cells of the scrapers' layouts: one cell, " |"-ended cells, or tab-parted cells. */
function cellRows(lines: readonly string[], from: number): CellRow[] {
  const rows: CellRow[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    // "0 |" → one cell; "|||" → three empty cells.
    if (line.endsWith('|')) rows.push({ line: i, cells: line.split('|').slice(0, -1) });
    else if (line.includes('\t')) rows.push({ line: i, cells: line.split('\t') });
    else rows.push({ line: i, cells: [line] });
  }
  return rows;
}

/**
 * A title printed over two lines, the agency above the rest ("淮安市人民政府" / "2024 年政府信息
 * 公开工作年度报告"), is one title: the agency is the title's, not the preamble's 办公室.
 */
function joinTitle(rows: CellRow[], normalizer: Normalizer): void {
  const at = rows.findIndex((r) => r.cells.length === 1 && REPORT_TITLE.test(normalizer.label(r.cells[0]!)));
  const above = rows[at - 1];
  if (at < 1 || !/^\d/.test(rows[at]!.cells[0]!) || above!.cells.length !== 1 || above!.line !== rows[at]!.line - 1) return;
  rows[at] = { line: above!.line, cells: [above!.cells[0]! + rows[at]!.cells[0]!] };
  rows.splice(at - 1, 1);
}

/**
 * One text block per cell: `table` = the line's index in the file, `col` = the cell's place on
 * its line (a line "|||" gives three empty cells), `row` 0. Blank lines, tab-only ones included
 * (innerText's separators between cells that hold paragraphs), are no cells.
 */
export function textBlocks(text: string, pageNormalizer: Normalizer): Block[] {
  const normalizer = rememberingLabels(pageNormalizer);
  const lines = linesOf(text);
  const blocks: Block[] = [];
  const cell = (raw: string, line: number, col: number): Block => {
    const t = foldLines(raw);
    const c: Cell = { text: t, norm: t === '' ? '' : normalizer.label(t), table: line, row: 0, col };
    return { kind: 'text', cell: c };
  };
  const from = bodyRule(lines) + 1;
  const layout = layoutOf(lines.slice(from));
  let rows: CellRow[];
  if (layout === 'columns') {
    rows = columnRows(lines.slice(from).join('\n')).map((r) => ({ line: r.line + from, cells: r.cells }));
    joinTitle(rows, normalizer);
  } else if (layout === 'line') rows = oneLineRows(lines, from, normalizer.label);
  else rows = layout === 'markdown' ? markdownRows(lines, from) : cellRows(lines, from);
  for (const row of rows) row.cells.forEach((raw, col) => blocks.push(cell(raw, row.line, col)));
  return blocks;
}
