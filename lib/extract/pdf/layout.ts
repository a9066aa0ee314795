// A PDF's pages as geometry → the blocks every front door yields: tables rebuilt from their ruling
// lines into span-expanded grids (a table continued over a page break is one grid again), and the
// other text as paragraphs in reading order. Page numbers and running headers/footers are dropped.
import type { Block, Box, Cell, Grid, GridCell, Unreadable } from '../../types';
import type { TableId } from '../../report/keys';
import { isFigureText, type Normalizer } from '../../normalize';
import { labelEntries, labelKey, sectionOf } from '../../formats';
import { extent, type PageGeometry, type Rect, type Segment, type TextRun } from './geometry';

// Ruling lines this close are one line (double borders, rounding).
const SNAP = 2.5;
// Tables and their pieces that move by less than this between pages are the same table.
const SAME_EDGE = 4;
// Top and bottom margins where page numbers and running headers stand.
const MARGIN_SHARE = 0.12;
// A page drawing more lines than this is a drawing, not a table (bounds the H×V pairing).
const MAX_SEGMENTS = 4000;
// A grid of more slots than this is a drawing (graph paper), not a report table: reading its lines
// as a table would cost time to no purpose (表三 has ~30 × 10).
const MAX_SLOTS = 20_000;
// An image smaller than this (points²) is a logo or a stamp, not a table.
const MIN_TABLE_IMAGE_AREA = 100 * 60;

/** Runs on one baseline, left to right. */
interface Line {
  page: number;
  runs: TextRun[];
  text: string;
  x: number;
  y: number;
  right: number;
  bottom: number;
  size: number;
}

/** A cell as one page prints it: the slots of its table part it covers. */
interface PartCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  rect: Rect;
  runs: TextRun[];
}

/** A table as one page prints it. */
interface Part {
  page: number;
  xs: number[];
  ys: number[];
  cells: PartCell[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

type Item = { kind: 'line'; line: Line } | { kind: 'part'; part: Part };

const centerX = (r: TextRun) => r.x + r.width / 2;
const centerY = (r: TextRun) => r.y + r.height / 2;
const box = (page: number, r: Rect): Box => ({ page, x: r.x, y: r.y, width: r.width, height: r.height });
const ASCII_END = /[\x21-\x7e]$/;
const ASCII_START = /^[\x21-\x7e]/;

/** Two pieces of one text: CJK runs on directly, Latin words and numbers keep a space. */
export const joinText = (a: string, b: string) => (!a ? b : !b ? a : ASCII_END.test(a) && ASCII_START.test(b) ? `${a} ${b}` : a + b);

function lineOf(runs: TextRun[]): Line {
  runs.sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const r of runs) {
    // A visible gap between runs is a space (pdf.js leaves some out).
    if (text && r.x - end > r.size * 0.25) text += ' ';
    text += r.text;
    end = r.x + r.width;
  }
  return {
    page: runs[0]!.page, runs, text: text.trim(), x: runs[0]!.x, y: extent(runs.map((r) => r.y))[0],
    right: extent(runs.map((r) => r.x + r.width))[1], bottom: extent(runs.map((r) => r.y + r.height))[1],
    size: extent(runs.map((r) => r.size))[1],
  };
}

/** Runs grouped into lines (one page's runs), top to bottom. */
export function linesOf(runs: readonly TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => centerY(a) - centerY(b) || a.x - b.x);
  const lines: TextRun[][] = [];
  let current: TextRun[] = [];
  let mid = -Infinity;
  for (const r of sorted) {
    if (current.length && Math.abs(centerY(r) - mid) <= Math.min(r.size, current[0]!.size) * 0.5) current.push(r);
    else {
      if (current.length) lines.push(current);
      current = [r];
      mid = centerY(r);
    }
  }
  if (current.length) lines.push(current);
  return lines.map(lineOf);
}

// Text this far apart on one line stands in different columns.
const COLUMN_GAP_EMS = 1.5;

/** A line's pieces parted by wide gaps (the columns of a table drawn without lines), as lines. */
function columnsOf(line: Line): Line[] {
  const words = line.runs.flatMap((r) => (/\s/.test(r.text.trim()) ? wordsOf(r) : [r]));
  const groups: TextRun[][] = [];
  for (const w of words) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (last && w.x - (last.x + last.width) < w.size * COLUMN_GAP_EMS) group!.push(w);
    else groups.push([w]);
  }
  return groups.map(lineOf);
}

/** A cell's or paragraph's lines as one text. */
const textOfLines = (lines: readonly Line[]) => lines.reduce((t, l) => joinText(t, l.text), '');

/** Positions closer than SNAP merged into their mean, ascending. */
function snap(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups[groups.length - 1];
    if (g && v - g[g.length - 1]! <= SNAP) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

const nearest = (xs: readonly number[], v: number) => {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - v) < Math.abs(xs[best]! - v)) best = i;
  return best;
};

/** Slot index of v between the sorted edges, or -1 outside. */
function slotOf(edges: readonly number[], v: number): number {
  if (v < edges[0]! - 1 || v > edges[edges.length - 1]! + 1) return -1;
  for (let i = 1; i < edges.length; i++) if (v <= edges[i]!) return i - 1;
  return edges.length - 2;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number) {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** Pieces of one ruling line (Chromium draws each cell's border on its own) joined into one segment. */
function joinCollinear(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => Number(a.horizontal) - Number(b.horizontal) || a.at - b.at);
  // Lines at (nearly) the same position, then the pieces of each that touch.
  const lines: Segment[][] = [];
  for (const s of sorted) {
    const line = lines[lines.length - 1];
    if (line && line[0]!.horizontal === s.horizontal && s.at - line[line.length - 1]!.at <= SNAP / 2) line.push(s);
    else lines.push([s]);
  }
  const joined: Segment[] = [];
  for (const line of lines) {
    const at = line.reduce((sum, s) => sum + s.at, 0) / line.length;
    let current: Segment | null = null;
    for (const s of [...line].sort((a, b) => a.from - b.from)) {
      if (current && s.from <= current.to + SNAP) current.to = Math.max(current.to, s.to);
      else joined.push((current = { horizontal: s.horizontal, at, from: s.from, to: s.to }));
    }
  }
  return joined;
}

/** Ruling lines that touch each other, as groups: each group with ≥2 lines each way frames a table. */
function frames(pieces: readonly Segment[]): Segment[][] {
  const segments = joinCollinear(pieces);
  const h = segments.filter((s) => s.horizontal);
  const v = segments.filter((s) => !s.horizontal);
  const uf = new UnionFind(segments.length);
  const index = new Map(segments.map((s, i) => [s, i]));
  for (const a of h) {
    for (const b of v) {
      if (b.at >= a.from - SNAP && b.at <= a.to + SNAP && a.at >= b.from - SNAP && a.at <= b.to + SNAP) uf.union(index.get(a)!, index.get(b)!);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = uf.find(i);
    const group = groups.get(root);
    if (group) group.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()].filter((g) => g.filter((s) => s.horizontal).length >= 2 && g.filter((s) => !s.horizontal).length >= 2);
}

/** Full-width characters take one em; the rest (digits, Latin) about half of one. */
const ems = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 1 : 0.5), 0);

/**
 * A run's words with their places estimated from the characters' widths: pdf.js gives one width for
 * the run, and the space between words is what is left.
 */
function wordsOf(run: TextRun): TextRun[] {
  const words = run.text.split(/\s+/).filter(Boolean);
  const widths = words.map((w) => ems(w) * run.size);
  const inked = widths.reduce((a, b) => a + b, 0);
  const scale = inked > run.width ? run.width / inked : 1;
  const gap = words.length > 1 ? Math.max(0, run.width - inked * scale) / (words.length - 1) : 0;
  let x = run.x;
  return words.map((text, i) => {
    const word = { ...run, text, x, width: widths[i]! * scale };
    x += word.width + gap;
    return word;
  });
}

/** A framed table's slots merged where no line parts them: its cells, with the runs inside each. */
function tablePart(page: number, frame: readonly Segment[], runs: TextRun[], taken: Set<TextRun>): Part | null {
  const hs = frame.filter((s) => s.horizontal);
  const vs = frame.filter((s) => !s.horizontal);
  const left = extent(hs.map((s) => s.from))[0];
  const right = extent(hs.map((s) => s.to))[1];
  const top = extent(vs.map((s) => s.from))[0];
  const bottom = extent(vs.map((s) => s.to))[1];
  const xs = snap([left, right, ...vs.map((s) => s.at)]);
  const ys = snap([top, bottom, ...hs.map((s) => s.at)]);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1 || rows * cols > MAX_SLOTS) return null;
  const ruled = (lines: readonly Segment[], at: number, along: number) =>
    lines.some((s) => Math.abs(s.at - at) <= SNAP && along >= s.from - SNAP && along <= s.to + SNAP);
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cx = (xs[c]! + xs[c + 1]!) / 2;
      const cy = (ys[r]! + ys[r + 1]!) / 2;
      if (c + 1 < cols && !ruled(vs, xs[c + 1]!, cy)) uf.union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !ruled(hs, ys[r + 1]!, cx)) uf.union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const byRoot = new Map<number, PartCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      const cell = byRoot.get(root);
      if (!cell) byRoot.set(root, { r0: r, r1: r, c0: c, c1: c, rect: { x: 0, y: 0, width: 0, height: 0 }, runs: [] });
      else {
        cell.r0 = Math.min(cell.r0, r);
        cell.r1 = Math.max(cell.r1, r);
        cell.c0 = Math.min(cell.c0, c);
        cell.c1 = Math.max(cell.c1, c);
      }
    }
  }
  const cells = [...byRoot.values()];
  const within = (run: TextRun) => slotOf(xs, centerX(run)) >= 0 && slotOf(ys, centerY(run)) >= 0;
  // One cell is a box around text (a framed note), not a table; an empty frame is a drawing.
  if (cells.length < 2 || !runs.some((run) => !taken.has(run) && within(run))) return null;
  const inside = runs.filter((run) => !taken.has(run) && within(run)).flatMap((run) => {
    taken.add(run);
    // pdf.js joins the words of one baseline into one run, across cell borders: "社会公益组织 法律服务机构 其他".
    const crosses = xs.some((x) => x > run.x + SNAP && x < run.x + run.width - SNAP);
    return crosses && /\s/.test(run.text) ? wordsOf(run).filter(within) : [run];
  });
  for (const run of inside) {
    const root = uf.find(slotOf(ys, centerY(run)) * cols + slotOf(xs, centerX(run)));
    byRoot.get(root)!.runs.push(run);
  }
  for (const c of cells) c.rect = { x: xs[c.c0]!, y: ys[c.r0]!, width: xs[c.c1 + 1]! - xs[c.c0]!, height: ys[c.r1 + 1]! - ys[c.r0]! };
  cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return { page, xs, ys, cells, left, right, top, bottom };
}

const PAGE_NUMBER = /^(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*\/\s*\d{1,4})?|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/;

/** Lines in the top or bottom margin that are page numbers, or repeat on several pages (running headers/footers). */
function furniture(pages: readonly PageGeometry[], lines: readonly Line[]): Set<Line> {
  const height = new Map(pages.map((p) => [p.page, p.height]));
  const inMargin = (l: Line) => {
    const h = height.get(l.page)!;
    return l.bottom < h * MARGIN_SHARE || l.y > h * (1 - MARGIN_SHARE);
  };
  const marginal = lines.filter(inMargin);
  // The same words at the same height on several pages; numbers may differ ("…/report.html 2/4").
  const keyOf = (l: Line) => `${l.text.replace(/\d+/g, '#')}@${Math.round(l.y / 4)}`;
  const seen = new Map<string, Set<number>>();
  for (const l of marginal) seen.set(keyOf(l), (seen.get(keyOf(l)) ?? new Set()).add(l.page));
  const repeatsOn = Math.min(3, pages.length);
  return new Set(marginal.filter((l) => PAGE_NUMBER.test(l.text) || (pages.length > 1 && seen.get(keyOf(l))!.size >= repeatsOn)));
}

/** The most common value (weighted), for the body's font size and left margin. */
function mode(values: readonly [number, number][]): number {
  const weights = new Map<number, number>();
  for (const [v, w] of values) weights.set(v, (weights.get(v) ?? 0) + w);
  let best = 0;
  let most = -1;
  for (const [v, w] of weights) if (w > most) [best, most] = [v, w];
  return best;
}

/** A cell of the whole table (over all its page parts), in the joined table's rows and columns. */
interface TableCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
  boxes: Box[];
}

const hasFigure = (c: TableCell | undefined) => !!c && c.text !== '' && isFigureText(c.text);
const isLabel = (c: TableCell | undefined) => !!c && c.text !== '' && !isFigureText(c.text);
/** A label that begins a row of its own: numbered ("2.", "（五）") or a label the formats know. */
function startsOwnRow(c: TableCell, normalizer: Normalizer): boolean {
  const norm = normalizer.label(c.text);
  return labelKey(norm).numbering !== '' || labelEntries(norm).entries.length > 0;
}

/** The cell covering row r, column c. */
const at = (cells: readonly TableCell[], r: number, c: number) => cells.find((x) => x.r0 <= r && r <= x.r1 && x.c0 <= c && c <= x.c1);

/** Joins `lower` (first row `row`) to the cells above: a row the page break split, or a spanning cell continued. */
function stitch(cells: TableCell[], lower: TableCell[], row: number, cols: number, normalizer: Normalizer): TableCell[] {
  const pairs = Array.from({ length: cols }, (_, c) => ({ u: at(cells, row - 1, c), l: at(lower, row, c) }));
  const merge = (u: TableCell, l: TableCell) => {
    u.r1 = l.r1;
    u.text = joinText(u.text, l.text);
    u.boxes.push(...l.boxes);
    lower.splice(lower.indexOf(l), 1);
  };
  const upperFigures = pairs.some((p) => hasFigure(p.u));
  const lowerFigures = pairs.some((p) => hasFigure(p.l));
  const lowerLabels = pairs.filter((p) => isLabel(p.l) && p.l!.r0 === row);
  // A row split by the break: its figures on one side only, its label continued without a number.
  const splitRow =
    upperFigures !== lowerFigures &&
    lowerLabels.every((p) => !startsOwnRow(p.l!, normalizer)) &&
    pairs.every((p) => !(p.u?.text && p.l?.text) || (isLabel(p.u) && isLabel(p.l)));
  const done = new Set<TableCell>();
  for (const { u, l } of pairs) {
    if (!u || !l || done.has(l) || u.c0 !== l.c0 || u.c1 !== l.c1) continue;
    // A spanning cell (a group's label, a vertical row header) continued on the next page.
    const continued = !hasFigure(u) && !hasFigure(l) && (u.r1 > u.r0 || l.r1 > l.r0) && (l.text === '' || !startsOwnRow(l, normalizer));
    if (splitRow || continued) {
      done.add(l);
      merge(u, l);
    }
  }
  return lower;
}

/** The parts of one table (one per page) → one grid. */
function buildGrid(parts: readonly Part[], index: number, normalizer: Normalizer): Grid {
  const xs = snap(parts.flatMap((p) => p.xs));
  const cols = xs.length - 1;
  const cells: TableCell[] = [];
  const rowTexts: string[][] = [];
  let offset = 0;
  for (const [k, part] of parts.entries()) {
    let lower: TableCell[] = part.cells.map((c) => ({
      r0: c.r0 + offset,
      r1: c.r1 + offset,
      c0: nearest(xs, part.xs[c.c0]!),
      c1: Math.max(nearest(xs, part.xs[c.c0]!), nearest(xs, part.xs[c.c1 + 1]!) - 1),
      text: textOfLines(linesOf(c.runs)),
      boxes: [box(part.page, c.rect)],
    }));
    let rows = part.ys.length - 1;
    if (k > 0) {
      // A header repeated at the top of the page (Chromium repeats <thead>) is read once.
      let repeated = 0;
      while (repeated < rows && repeated < rowTexts.length) {
        const texts = Array.from({ length: cols }, (_, c) => at(lower, offset + repeated, c)?.text ?? '');
        if (texts.every((t) => t === '') || texts.join('\u0000') !== rowTexts[repeated]!.join('\u0000') || texts.some((t) => t !== '' && isFigureText(t))) break;
        repeated++;
      }
      if (repeated) {
        lower = lower.filter((c) => c.r1 >= offset + repeated);
        for (const c of lower) {
          c.r0 = Math.max(c.r0 - repeated, offset);
          c.r1 -= repeated;
        }
        rows -= repeated;
      }
      if (rows > 0) {
        lower = stitch(cells, lower, offset, cols, normalizer);
        // Columns this page does not draw (a spanning first column, continued): the cell above goes on.
        for (let c = 0; c < cols; c++) {
          if (lower.some((x) => x.c0 <= c && c <= x.c1)) continue;
          const above = at(cells, offset - 1, c);
          if (above && !hasFigure(above)) above.r1 = Math.max(above.r1, offset + rows - 1);
        }
      }
    }
    for (const cell of lower) cells.push(cell);
    offset += rows;
    if (k === 0) for (let r = 0; r < rows; r++) rowTexts.push(Array.from({ length: cols }, (_, c) => at(cells, r, c)?.text ?? ''));
  }
  const slots: GridCell[][] = Array.from({ length: offset }, () => []);
  for (const cell of cells) {
    const norm = cell.text === '' ? '' : normalizer.label(cell.text);
    for (let r = cell.r0; r <= cell.r1; r++) {
      for (let c = cell.c0; c <= cell.c1; c++) {
        // Overlaps (a part whose columns do not fit the others): the cell placed first keeps the slot.
        slots[r]![c] ??= { text: cell.text, norm, table: index, row: r, col: c, boxes: cell.boxes, origin: r === cell.r0 && c === cell.c0 };
      }
    }
  }
  for (const [r, row] of slots.entries()) for (let c = 0; c < cols; c++) row[c] ??= { text: '', norm: '', table: index, row: r, col: c, origin: false };
  return { index, rows: slots };
}

export interface PdfLayout {
  blocks: Block[];
  /** The title block at the top of the first page, as printed (lines joined). */
  title: string | null;
  /** A date line closing the report (the signature's date), as printed. */
  closingDate: string | null;
  unreadable: Unreadable[];
}

const TABLE_SECTIONS = new Set<string>(['active', 'requests', 'appeals']);
// "2025年2月25日", "2025-02-25": a line that is only a date.
const DATE_LINE = /^(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2})$/;

// The date line under the signature is among the report's last lines (a printed web page has its
// footer after it).
const CLOSING_LINES = 6;

/** The date line closing the report, as printed, or null. */
function closingDate(blocks: readonly Block[]): string | null {
  const lines = blocks.filter((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text').slice(-CLOSING_LINES);
  const date = lines.reverse().find((b) => DATE_LINE.test(b.cell.text.replace(/\s+/g, '')));
  return date ? date.cell.text.replace(/\s+/g, '') : null;
}

/** Where a block was printed, for ordering and for the images between headings. */
interface Placed {
  block: Block;
  page: number;
  y: number;
}

export function layoutPages(pages: readonly PageGeometry[], normalizer: Normalizer): PdfLayout {
  // Tables first: their runs are theirs; the rest is the page's flowing text.
  const items: Item[] = [];
  const allLines: Line[] = [];
  for (const page of pages) {
    const taken = new Set<TextRun>();
    const segments = page.segments.length > MAX_SEGMENTS ? [] : page.segments;
    const parts = frames(segments)
      .map((f) => tablePart(page.page, f, page.runs, taken))
      .filter((p): p is Part => p !== null);
    const lines = linesOf(page.runs.filter((r) => !taken.has(r)));
    for (const line of lines) allLines.push(line);
    const pageItems: Item[] = [...parts.map((part): Item => ({ kind: 'part', part })), ...lines.map((line): Item => ({ kind: 'line', line }))];
    pageItems.sort((a, b) => (a.kind === 'part' ? a.part.top : a.line.y) - (b.kind === 'part' ? b.part.top : b.line.y));
    for (const item of pageItems) items.push(item);
  }
  const dropped = furniture(pages, allLines);
  const flow = items.filter((i) => i.kind === 'part' || !dropped.has(i.line));

  const body = allLines.filter((l) => !dropped.has(l));
  const bodySize = mode(body.map((l) => [Math.round(l.size * 2) / 2, l.text.length]));
  const bodyLines = body.filter((l) => Math.abs(l.size - bodySize) < 0.6);
  const leftMargin = mode(bodyLines.map((l) => [Math.round(l.x), l.text.length]));
  const rights = bodyLines.map((l) => l.right).sort((a, b) => a - b);
  const rightMargin = rights[Math.floor(rights.length * 0.95)] ?? Infinity;

  const placed: Placed[] = [];
  let grids = 0;
  let title: string | null = null;
  let paragraph: Line[] = [];
  const flush = () => {
    if (!paragraph.length) return;
    const text = textOfLines(paragraph);
    const boxes = paragraph.map((l) => box(l.page, { x: l.x, y: l.y, width: l.right - l.x, height: l.bottom - l.y }));
    const cell: Cell = { text, norm: normalizer.label(text), table: -1, row: placed.length, col: 0, boxes };
    placed.push({ block: { kind: 'text', cell }, page: paragraph[0]!.page, y: paragraph[0]!.y });
    paragraph = [];
  };
  const startsParagraph = (prev: Line, line: Line) => {
    const size = line.size;
    if (Math.abs(prev.size - size) > 0.6) return true;
    if (line.x > leftMargin + size * 0.8) return true; // indented first line
    if (prev.right < rightMargin - size * 1.5) return true; // the line before ended short
    if (prev.page === line.page && line.y - prev.bottom > size * 1.2) return true; // a gap
    return false;
  };
  let atTop = true;
  for (let i = 0; i < flow.length; i++) {
    const item = flow[i]!;
    if (item.kind === 'part') {
      flush();
      atTop = false;
      // The same table continued on the next page: its parts side by side, nothing between them.
      const parts = [item.part];
      for (let next = flow[i + 1]; next?.kind === 'part'; next = flow[i + 1]) {
        const last = parts[parts.length - 1]!;
        const p = next.part;
        // Its left edge may be a column line further in: a spanning first column continued without borders.
        const leftAtColumn = parts.some((q) => q.xs.some((x) => Math.abs(p.left - x) <= SAME_EDGE));
        if (p.page !== last.page + 1 || !leftAtColumn || Math.abs(p.right - last.right) > SAME_EDGE) break;
        parts.push(p);
        i++;
      }
      placed.push({ block: { kind: 'table', grid: buildGrid(parts, grids++, normalizer) }, page: parts[0]!.page, y: parts[0]!.top });
      continue;
    }
    const line = item.line;
    // The title: the lines in a larger type at the top of the first page, one block.
    if (atTop && line.page === pages[0]?.page && line.size >= bodySize * 1.2) {
      const prev = paragraph[paragraph.length - 1];
      if (prev && Math.abs(prev.size - line.size) > 0.6) flush();
      paragraph.push(line);
      continue;
    }
    if (atTop && paragraph.length) {
      title = textOfLines(paragraph);
      flush();
    }
    atTop = false;
    // A row of a table drawn without lines: its cells one block each, as saved text has them.
    const cells = columnsOf(line);
    if (cells.length > 1 && cells.some((c) => isFigureText(c.text))) {
      flush();
      for (const c of cells) paragraph.push(c), flush();
      continue;
    }
    const prev = paragraph[paragraph.length - 1];
    if (prev && startsParagraph(prev, line)) flush();
    paragraph.push(line);
  }
  if (atTop && paragraph.length) title = textOfLines(paragraph);
  flush();

  const blocks = placed.map((p) => p.block);
  blocks.forEach((b, i) => {
    if (b.kind === 'text') b.cell.row = i;
  });
  return { blocks, title, closingDate: closingDate(blocks), unreadable: imageTables(placed, pages) };
}

/** Sections 二–四 whose table is not there as text but an image is painted where it should be. */
function imageTables(placed: readonly Placed[], pages: readonly PageGeometry[]): Unreadable[] {
  const images = pages.flatMap((p) => p.images.filter((r) => r.width * r.height >= MIN_TABLE_IMAGE_AREA).map((r) => ({ page: p.page, y: r.y + r.height / 2 })));
  if (!images.length) return [];
  const headings = placed
    .map((p, i) => ({ ...p, i, section: p.block.kind === 'text' ? sectionOf(p.block.cell.norm) : null }))
    .filter((h) => h.section !== null);
  const unreadable: Unreadable[] = [];
  headings.forEach((h, k) => {
    if (!TABLE_SECTIONS.has(h.section!)) return;
    const next = headings[k + 1];
    const end = next?.i ?? placed.length;
    if (placed.slice(h.i + 1, end).some((p) => p.block.kind === 'table')) return;
    const after = (page: number, y: number, p: { page: number; y: number }) => page > p.page || (page === p.page && y > p.y);
    const within = images.some((img) => after(img.page, img.y, h) && (!next || after(next.page, next.y, img)));
    if (within) unreadable.push({ table: h.section as TableId, reason: '表格为图片', reasonEn: 'the table is an image' });
  });
  return unreadable;
}
