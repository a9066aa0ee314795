// PDF front door: a PDF's text layer and ruling lines → the same Page (grids and text blocks) the
// HTML path yields, so recognition, matching and every rule read it unchanged. pdf.js (the legacy
// build, which runs in Node 20 and in the extension's pages) is loaded only when a PDF is read, so
// the always-on detector and the HTML analyzer do not carry it. No OCR: a page without a text layer
// is said to be unreadable, never read by guessing (docs/lanes/pdf.md).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '../../types';
import { createNormalizer, detectScript } from '../../normalize';
import { UnreadableFile } from '../unreadable-file';
import { addDrawing, pageText, type Ops, type PageGeometry } from './geometry';
import { layoutPages } from './layout';
import { nodePdfResources } from './resources';

/** Pages read at most: an annual report has a dozen; the rest of a longer file is left unread (and said so). */
export const MAX_PDF_PAGES = 100;
/** Larger files are not opened: no report is this big, and pdf.js keeps the whole file in memory. */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

// The legacy build's core-js replaces built-ins for the whole process where Node 20 lacks a newer
// feature: Array.prototype.push (over the error a frozen-length array throws), JSON.stringify and
// JSON.parse (over JSON.rawJSON). Its copies are JavaScript: once a PDF had been read every push in
// the engine ran ~4× slower, JSON.stringify 5–25× (the CLI's JSON output). The platform's own are
// put back after pdf.js and its worker code load; they run on them as on any modern engine.
const NATIVE_BUILTINS: [object, string, unknown][] = [
  [Array.prototype, 'push', Array.prototype.push],
  [JSON, 'stringify', JSON.stringify],
  [JSON, 'parse', JSON.parse],
];
function keepNativeBuiltins(): void {
  for (const [owner, name, native] of NATIVE_BUILTINS) {
    if ((owner as Record<string, unknown>)[name] !== native) Object.defineProperty(owner, name, { value: native, writable: true, configurable: true, enumerable: false });
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () =>
  (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((module) => {
    keepNativeBuiltins();
    return module;
  }));

/** Where one read's time went, in ms (the bench's split; wall time on the thread that reads). */
export interface PdfReadTimes {
  /** Opening the document (the first in a process also loads pdf.js and its worker code). */
  open: number;
  /** pdf.js's text layer (getTextContent): the fonts are parsed here. */
  text: number;
  /** pdf.js's drawing instructions (getOperatorList) → ruling lines and images. */
  drawing: number;
  /** Lines, tables and paragraphs built from them (layout.ts, with the page's normalizer). */
  layout: number;
}

/** A PDF file's bytes → its Page; UnreadableFile for an encrypted, damaged, oversized or scanned file. */
export async function readPdf(bytes: Uint8Array, source: string, times?: Partial<PdfReadTimes>): Promise<Page> {
  if (bytes.length > MAX_PDF_BYTES) {
    const mb = Math.round(bytes.length / 1024 / 1024);
    throw new UnreadableFile(`PDF 文件过大（${mb} MB，上限 ${MAX_PDF_BYTES / 1024 / 1024} MB），未读取`, `the PDF is too large (${mb} MB, limit ${MAX_PDF_BYTES / 1024 / 1024} MB): not read`);
  }
  const lap = stopwatch(times);
  const doc = await openForReading(bytes);
  lap('open');
  try {
    return await readPdfDocument(doc, source, times);
  } finally {
    await doc.destroy();
  }
}

/** Opens a PDF to read it, not to draw it; UnreadableFile for an encrypted or damaged file. */
export async function openForReading(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes the buffer over (transfers it): give it a copy, the caller keeps its bytes.
  // System fonts stay off, as they were with font faces off: a substitute font could measure differently.
  // The CMaps from pdfjs-dist's folder: Chinese fonts that are not embedded need them for any text.
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, disableFontFace: false, useSystemFonts: false, stopAtErrors: false, ...nodePdfResources() });
  try {
    const doc = await task.promise;
    drawNoFonts(doc);
    return doc;
  } catch (error) {
    await task.destroy();
    throw unreadable(error);
  } finally {
    // In Node the worker's code loads with the first document.
    keepNativeBuiltins();
  }
}

/**
 * pdf.js hands each font a page uses to the main thread for drawing: as a font face, or where font
 * faces are off (Node has no document to load them into) as an outline built for every glyph, a
 * third of a read. Nothing is drawn here: the document takes each font as loaded, and neither is
 * made. (pdf.js 5.6's font loader; under another name fonts would load as before: slower, read the same.)
 */
function drawNoFonts(doc: PDFDocumentProxy): void {
  const loader = (doc as unknown as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (typeof loader?.bind === 'function') loader.bind = async () => {};
}

/** Records each phase's time into `times` (when given) as it ends. */
function stopwatch(times: Partial<PdfReadTimes> | undefined): (phase: keyof PdfReadTimes) => void {
  let start = performance.now();
  return (phase) => {
    const now = performance.now();
    if (times) times[phase] = now - start;
    start = now;
  };
}

/** pdf.js's failures as one clear message each. */
function unreadable(error: unknown): UnreadableFile {
  if (error instanceof UnreadableFile) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new UnreadableFile('PDF 已加密（需要密码），无法读取', 'the PDF is encrypted (a password is needed): it cannot be read');
  if (name === 'InvalidPDFException') return new UnreadableFile('PDF 文件已损坏或不完整，无法读取', 'the PDF is damaged or incomplete: it cannot be read');
  return new UnreadableFile('PDF 无法读取（文件格式有误）', `the PDF cannot be read (${(error as Error)?.message ?? 'malformed file'})`);
}

/**
 * A document pdf.js has already opened (the viewer loads it once, for rendering and for this) →
 * its Page. The caller owns the document (and destroys it).
 */
export async function readPdfDocument(doc: PDFDocumentProxy, source: string, times?: Partial<PdfReadTimes>): Promise<Page> {
  const lap = stopwatch(times);
  const { OPS } = await loadPdfJs();
  const ops: Ops = OPS;
  const count = Math.min(doc.numPages, MAX_PDF_PAGES);
  const pages: PageGeometry[] = [];
  try {
    for (let n = 1; n <= count; n++) pages.push(await pageText(await doc.getPage(n)));
  } catch (error) {
    // A file damaged past its first pages: what was read stands only if it holds text.
    if (!pages.some((p) => p.runs.length)) throw unreadable(error);
  }
  lap('text');
  const text = pages.flatMap((p) => p.runs.map((r) => r.text)).join('');
  if (!text.trim()) {
    throw new UnreadableFile('PDF 没有文字层（扫描件），无法读取数字', 'the PDF has no text layer (scanned pages): no figure can be read');
  }
  // Only now the drawings (they decode every image): a scanned file is turned away before.
  try {
    for (const geometry of pages) {
      const page = await doc.getPage(geometry.page);
      await addDrawing(geometry, page, ops);
      page.cleanup();
    }
  } catch {
    // A page whose drawing cannot be read keeps its text: its tables, if any, read as text columns.
  }
  lap('drawing');
  const normalizer = createNormalizer(detectScript(text));
  const layout = layoutPages(pages, normalizer);
  lap('layout');
  const info = await doc.getMetadata().then((m) => m.info as Record<string, unknown>, () => ({}) as Record<string, unknown>);
  const metas: Record<string, string> = {};
  const infoTitle = typeof info.Title === 'string' ? normalizer.plain(info.Title) : '';
  if (infoTitle) metas.Title = infoTitle;
  // The date under the signature closing the report: the report's own date (recognize/dates.ts).
  if (layout.closingDate) metas['成文日期'] = layout.closingDate;
  const unreadableParts = [...layout.unreadable];
  if (doc.numPages > MAX_PDF_PAGES || pages.length < count) {
    const read = pages.length;
    unreadableParts.push({
      table: null,
      reason: `PDF 共 ${doc.numPages} 页，只读取了前 ${read} 页`,
      reasonEn: `the PDF has ${doc.numPages} pages; only the first ${read} were read`,
    });
  }
  return {
    form: 'pdf',
    script: normalizer.script,
    meta: { title: layout.title ? normalizer.plain(layout.title) : infoTitle || null, metas, source },
    blocks: layout.blocks,
    unreadable: unreadableParts,
  };
}
