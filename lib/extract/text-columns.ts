// Text laid out in space-aligned columns, as `pdftotext -layout` prints a PDF (and as users paste
// it): form feeds between pages, cells parted by runs of spaces, page numbers ("-3-") and running
// headers on every page, row headers printed vertically (one character per line: 三、/本/年/度…),
// and labels wrapped over two or three lines with the row's figures on the middle one. The lines
// become rows of cells, the way the tab layout gives them, with each wrapped label's parts put
// before its figures so the text reader joins them.
import { isFigureText } from '../normalize';

export interface CellRow {
  /** The line's index in the text (after the form feeds are taken as line breaks). */
  line: number;
  cells: string[];
}

interface Piece {
  /** Column where the piece starts on its line. */
  x: number;
  text: string;
}

interface Line {
  index: number;
  pieces: Piece[];
}

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
// A vertical row header's pieces: one character ("本"), or a bare heading number ("三、").
const VERTICAL_PART = /^(?:[\u3400-\u9fff]|[一二三四五六七八九十]+、)$/;
// A wrapped label's continuation never starts a new numbered row: "（三）…", "3.…", "1、…", "三、…".
const NUMBERED = /^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.、．](?!\d)|[一二三四五六七八九十]+、)/;
const MAX_WRAP_LINES = 2;
// A label wraps because it is long: a short one ("行政强制") is whole, the line below it is not its.
const MIN_WRAPPED_LENGTH = 8;

/** Text in this layout: form feeds between pages, or many lines with cells parted by spaces. */
export function isColumnLayout(lines: readonly string[]): boolean {
  if (lines.some((l) => l.includes('\f'))) return true;
  let aligned = 0;
  let piped = 0;
  for (const l of lines) {
    if (/\S {2,}\S/.test(l.trim()) && !l.includes('\t')) aligned++;
    if (l.trimEnd().endsWith('|')) piped++;
  }
  // A scrapers' pipe-layout page whose paragraphs hold double spaces stays a pipe layout.
  return aligned >= MIN_ALIGNED_LINES && aligned > piped;
}
const MIN_ALIGNED_LINES = 8;

/**
 * The line's cells: text parted by two spaces or more. Within one, figures parted by one space
 * ("3 3   0": Chromium prints narrow columns one space apart), figures after a label on a table row
 * ("(二)部分公开(…) 0 0 0") and a numbered label after a group label ("(六)其他 2.申请人…") are
 * cells of their own.
 */
function piecesOf(line: string): Piece[] {
  const runs = [...line.matchAll(/\S+(?: \S+)*/g)].map((m) =>
    [...m[0].matchAll(/\S+/g)].map((t) => ({ x: m.index! + t.index!, text: t[0], figure: isFigureText(t[0]) })),
  );
  const tableRow = runs.filter((r) => r.some((t) => t.figure)).length >= 2 || runs.some((r) => r.filter((t) => t.figure).length >= 2);
  const pieces: Piece[] = [];
  for (const tokens of runs) {
    let current: Piece | null = null;
    // Where the run's trailing figures begin.
    let tail = tokens.length;
    while (tail > 0 && tokens[tail - 1]!.figure) tail--;
    tokens.forEach((t, i) => {
      const trailingFigures = tableRow && i >= tail;
      const own = i > 0 && (NUMBERED.test(t.text) || (t.figure && tokens[i - 1]!.figure) || trailingFigures);
      if (current && !own) current.text += ` ${t.text}`;
      else pieces.push((current = { x: t.x, text: t.text }));
    });
  }
  return pieces;
}

const key = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Lines printed at the top or bottom of every page (a running header, "第 N 页"): the text with
 * digits masked, first or last on two pages or more.
 */
function runningLines(pages: readonly string[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const page of pages) {
    const filled = page.filter((l) => l.trim() !== '');
    // A table row at the top of two pages is no header: lines holding figures never count.
    const ends = new Set(
      [filled[0], filled[filled.length - 1]].filter((l): l is string => l !== undefined && !l.trim().split(/\s+/).some(isFigureText)).map(key),
    );
    for (const k of ends) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 2 && pages.length >= 2).map(([k]) => k));
}

const isFigureLine = (line: Line) => line.pieces.some((p) => isFigureText(p.text));
const labelsOf = (line: Line) => line.pieces.filter((p) => !isFigureText(p.text));

/** Columns a piece covers: pdftotext gives one position a character (or a run of spaces). */
const spanOf = (p: Piece): [number, number] => [p.x, p.x + p.text.length];

/**
 * The piece of a label-only line in the label's column (overlapping it: labels are printed flush
 * left or centred), when the line prints nothing in the figures' columns (no header row).
 */
function pieceAt(line: Line | null | undefined, label: [number, number], figuresAt: number): Piece | null {
  if (!line || isFigureLine(line) || line.pieces.some((p) => p.x >= figuresAt)) return null;
  return line.pieces.find((p) => {
    const [a, b] = spanOf(p);
    return a < label[1] && label[0] < b;
  }) ?? null;
}

const take = (line: Line, piece: Piece) => line.pieces.splice(line.pieces.indexOf(piece), 1);

/**
 * A row whose label wraps: the parts printed at its label's column on the lines right above the
 * figures (back to the part that carries the row's number: "（二）…", "5.…") and right below them
 * (no blank line between, each no longer than the first part, as wrapped text is) are joined into
 * one label before the figures. Pieces at other columns (a group label wrapping beside it, "（六）其"
 * / "他处理") stay where they are. Unnumbered text above is never taken: it is a paragraph or a row.
 */
function joinWrappedLabel(lines: (Line | null)[], i: number): void {
  const line = lines[i]!;
  const firstFigure = line.pieces.find((p) => isFigureText(p.text))!;
  const labels = labelsOf(line).filter((p) => p.x < firstFigure.x);
  const own = labels[labels.length - 1];
  const above = lines[i - 1];
  const reference = own ?? (above && !isFigureLine(above) ? above.pieces[above.pieces.length - 1] : undefined);
  if (!reference || reference.x >= firstFigure.x) return;
  const column = spanOf(reference);
  const parts: string[] = own ? [own.text] : [];
  if (!own || !NUMBERED.test(own.text)) {
    const middle: [Line, Piece][] = [];
    for (let j = i - 1; j >= Math.max(0, i - MAX_WRAP_LINES); j--) {
      const piece = pieceAt(lines[j], column, firstFigure.x);
      if (!lines[j] || isFigureLine(lines[j]!)) break;
      if (!piece) continue;
      if (!NUMBERED.test(piece.text)) {
        middle.unshift([lines[j]!, piece]);
        continue;
      }
      for (const [l, p] of [[lines[j]!, piece] as [Line, Piece], ...middle]) take(l, p);
      parts.unshift(piece.text, ...middle.map(([, p]) => p.text));
      break;
    }
  }
  const first = parts[0]?.length ?? 0;
  for (let j = i + 1; first >= MIN_WRAPPED_LENGTH && j <= i + MAX_WRAP_LINES; j++) {
    const below = pieceAt(lines[j], column, firstFigure.x);
    if (!below || NUMBERED.test(below.text) || below.text.length > first) break;
    take(lines[j]!, below);
    parts.push(below.text);
  }
  const label = { x: reference.x, text: parts.join('') };
  if (own) line.pieces[line.pieces.indexOf(own)] = label;
  else if (label.text) line.pieces.splice(line.pieces.indexOf(firstFigure), 0, label);
}

/** The rows of cells in reading order. */
export function columnRows(text: string): CellRow[] {
  const pages = text.split('\f').map((p) => p.split(/\r\n?|\n/));
  const running = runningLines(pages);
  const lines: (Line | null)[] = [];
  for (const page of pages) {
    for (const raw of page) {
      const trimmed = raw.trim();
      const index = lines.length;
      if (trimmed === '' || PAGE_NUMBER.test(trimmed) || running.has(key(trimmed))) {
        lines.push(trimmed === '' ? null : { index, pieces: [] });
        continue;
      }
      const pieces = piecesOf(raw);
      // The vertical header's characters stand first on their line (alone, or before a row label).
      if (pieces.length && VERTICAL_PART.test(pieces[0]!.text) && !isFigureText(pieces[0]!.text)) pieces.shift();
      lines.push({ index, pieces });
    }
  }
  lines.forEach((line, i) => {
    if (line && isFigureLine(line)) joinWrappedLabel(lines, i);
  });
  return lines.flatMap((line) => (line && line.pieces.length ? [{ line: line.index, cells: line.pieces.map((p) => p.text) }] : []));
}
