// A saved-text page → its meta data and its cells. Scrapers save a page's visible text in three
// layouts: one cell per line (blank lines between), each cell ending in " |" where a line of bare
// pipes ("|||") is a run of empty cells (colspans, blank cells), or a table row per line with its
// cells parted by tabs (innerText of a table; "⇥⇥" is an empty cell). Some archives put header
// lines ("标题: …") and a "==== 正文 ====" rule above the body.
import type { Block, Cell, PageMeta } from '../types';
import { foldSpaces, type Normalizer } from '../normalize';
import { rememberingLabels } from './memo';

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
 * One text block per cell: `table` = the line's index in the file, `col` = the cell's place on
 * its line (a line "|||" gives three empty cells), `row` 0. Blank lines, tab-only ones included
 * (innerText's separators between cells that hold paragraphs), are no cells.
 */
export function textBlocks(text: string, pageNormalizer: Normalizer): Block[] {
  const normalizer = rememberingLabels(pageNormalizer);
  const lines = linesOf(text);
  const blocks: Block[] = [];
  const cell = (raw: string, line: number, col: number): Block => {
    const t = foldSpaces(raw);
    const c: Cell = { text: t, norm: t === '' ? '' : normalizer.label(t), table: line, row: 0, col };
    return { kind: 'text', cell: c };
  };
  for (let i = bodyRule(lines) + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (line.endsWith('|')) {
      // "0 |" → one cell; "|||" → three empty cells.
      const cells = line.split('|').slice(0, -1);
      cells.forEach((raw, col) => blocks.push(cell(raw, i, col)));
    } else if (line.includes('\t')) {
      line.split('\t').forEach((raw, col) => blocks.push(cell(raw, i, col)));
    } else blocks.push(cell(line, i, 0));
  }
  return blocks;
}
