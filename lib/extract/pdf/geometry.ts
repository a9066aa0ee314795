// One PDF page as plain geometry: the text runs of its text layer, the ruling lines its tables are
// drawn with, and where raster images are painted. Everything in PDF points from the page's
// top-left corner (y downwards), the coordinates `Box` uses. pdf.js is only touched here.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** The smallest and largest of `values`, without spreading them into arguments: a hostile path or
 * line can hold more points than the stack takes. */
export function extent(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** A piece of text as pdf.js gives it: one font, one baseline. */
export interface TextRun {
  page: number;
  text: string;
  /** Left and top edges, width and height of the glyphs' box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Font size in points. */
  size: number;
}

/** A horizontal (y = at) or vertical (x = at) ruling line from `from` to `to`. */
export interface Segment {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageGeometry {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  images: Rect[];
}

/** The subset of pdf.js's OPS this reader follows (numbers from pdfjs-dist 5.6 `OPS`). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

// pdf.js's path commands inside constructPath (DrawOPS in 5.x).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

// A filled rectangle this thin is a ruling line (Chromium and Word draw borders as thin fills).
const MAX_LINE_THICKNESS = 2.5;
// Shorter strokes are glyph parts or dots, not rulings.
const MIN_SEGMENT = 3;
// Fonts share one glyph between a character and its radical form, and a PDF's ToUnicode map may
// name the radical: Kangxi radicals and compatibility ideographs (⽇ for 日, WPS), which NFKC maps,
// and CJK radical supplement forms (⺠ for 民, Chromium with Noto CJK), which it does not: those that
// are whole characters are listed here. Only these: NFKC elsewhere would change printed punctuation.
const COMPATIBILITY = /[\u2e80-\u2fdf\uf900-\ufaff]/g;
const RADICAL_FORMS: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长',
  '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨',
  '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

export const ordinaryCharacters = (text: string) => text.replace(COMPATIBILITY, (ch) => RADICAL_FORMS[ch] ?? ch.normalize('NFKC'));

/** Straight pieces of one path, in page coordinates: only horizontal and vertical ones are kept. */
function pathSegments(data: ArrayLike<number>, ctm: Matrix, filled: boolean, out: Segment[]): void {
  const points: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      if (current.length) points.push(current);
      current = [apply(ctm, data[i++]!, data[i++]!)];
    } else if (op === LINE_TO) current.push(apply(ctm, data[i++]!, data[i++]!));
    else if (op === CURVE_TO) {
      // A curve is no ruling: end the straight run at its end point.
      i += 4;
      if (current.length) points.push(current);
      current = [apply(ctm, data[i++]!, data[i++]!)];
    } else if (op === QUADRATIC_CURVE_TO) {
      i += 2;
      if (current.length) points.push(current);
      current = [apply(ctm, data[i++]!, data[i++]!)];
    } else if (op === CLOSE_PATH) {
      if (current.length > 1) current.push(current[0]!);
    } else break; // unknown command: its arguments cannot be skipped safely
  }
  if (current.length) points.push(current);

  for (const poly of points) {
    if (filled) {
      // A thin filled shape is a line along its long side.
      const [x0, x1] = extent(poly.map((p) => p[0]));
      const [y0, y1] = extent(poly.map((p) => p[1]));
      const w = x1 - x0;
      const h = y1 - y0;
      if (h <= MAX_LINE_THICKNESS && w >= MIN_SEGMENT) out.push({ horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 });
      else if (w <= MAX_LINE_THICKNESS && h >= MIN_SEGMENT) out.push({ horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 });
      continue;
    }
    for (let k = 1; k < poly.length; k++) {
      const [ax, ay] = poly[k - 1]!;
      const [bx, by] = poly[k]!;
      if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_SEGMENT) out.push({ horizontal: true, at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
      else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_SEGMENT) out.push({ horizontal: false, at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
    }
  }
}

/** Ruling lines and image rectangles from the page's operator list, with the transforms applied. */
function drawing(fnArray: ArrayLike<number>, argsArray: unknown[], ops: Ops, viewport: Matrix) {
  const segments: Segment[] = [];
  const images: Rect[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = viewport;
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const paints = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject, ops.paintImageXObjectRepeat]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null;
      if (m) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath) {
      // 5.x: [paint op, [path data (Float32Array of DrawOPS) | null], min/max]
      const [paint, [data]] = args as [number, [ArrayLike<number> | null]];
      if (!data) continue;
      if (strokes.has(paint)) pathSegments(data, ctm, false, segments);
      else if (fills.has(paint)) pathSegments(data, ctm, true, segments);
    } else if (paints.has(fn)) {
      // Images are painted into the unit square of the current transform.
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      const [x, right] = extent(corners.map((p) => p[0]));
      const [y, bottom] = extent(corners.map((p) => p[1]));
      images.push({ x, y, width: right - x, height: bottom - y });
    }
  }
  return { segments, images };
}

/** The page's text runs (whitespace-only runs dropped: pdf.js gives them absurd widths). */
function textRuns(items: readonly TextItem[], page: number, viewport: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    const text = ordinaryCharacters(item.str);
    if (!text.trim()) continue;
    const [a, b, c, d, e, f] = item.transform as Matrix;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    const advance = item.width;
    // Horizontal text: the run goes along the baseline; vertical (ttb) text along y.
    const vertical = item.dir === 'ttb';
    const p0 = apply(viewport, e, f - size * 0.12);
    const p1 = vertical ? apply(viewport, e + size, f - advance) : apply(viewport, e + advance, f + size * 0.88);
    const x = Math.min(p0[0], p1[0]);
    const y = Math.min(p0[1], p1[1]);
    runs.push({ page, text, x, y, width: Math.abs(p1[0] - p0[0]), height: Math.abs(p1[1] - p0[1]), size });
  }
  return runs;
}

/** One page's text runs (getTextContent), with its size. */
export async function pageText(page: PDFPageProxy): Promise<PageGeometry> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = content.items.filter((i): i is TextItem => 'str' in i);
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, runs: textRuns(items, page.pageNumber, viewport.transform as Matrix), segments: [], images: [] };
}

/** Adds the page's ruling lines and images (getOperatorList) to what `pageText` read. */
export async function addDrawing(geometry: PageGeometry, page: PDFPageProxy, ops: Ops): Promise<void> {
  const list = await page.getOperatorList();
  const { segments, images } = drawing(list.fnArray, list.argsArray, ops, page.getViewport({ scale: 1 }).transform as Matrix);
  geometry.segments = segments;
  geometry.images = images;
}
