// A report file's bytes → the engine's Page (lib/extract/file.ts decides the form by content), with
// the pdf.js document opened for drawing when it is a PDF. Shared by the viewer page and the
// offscreen document, so a file reads the same in both. Messages are in the UI's language.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { i18n } from '#i18n';
import type { Page } from '@/lib/types';
import { readFile, sniff, UnreadableFile, type FileKind } from '@/lib/extract/file';
import { readPdfDocument } from '@/lib/extract/pdf';
import { FileFetchError } from './fetch-file';

/** An OLE2 compound file: a Word 97–2003 .doc (or .xls), which no reader here understands. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isOle = (bytes: Uint8Array) => OLE_MAGIC.every((b, i) => bytes[i] === b);

const uiIsEnglish = () => i18n.t('panel.lang') === 'en';

/** The reader's message for a file that yields no page (the engine gives it in both languages). */
export function messageOf(error: unknown): string {
  if (error instanceof FileFetchError) return error.message;
  if (error instanceof UnreadableFile) return uiIsEnglish() ? error.en : error.zh;
  return i18n.t('viewer.error.unexpected', [error instanceof Error ? error.message : String(error)]);
}

/**
 * The file's form, refused with a clear message when it is not one the viewer reads. `linked`: it
 * came from an address (a link, an attachment) and must be the PDF or DOCX it claims to be — a server
 * answering with a web page (a login wall, an error page) is said so; a file the reader chose may
 * also be a saved web page or text.
 */
export function formOf(bytes: Uint8Array, source: string, { linked }: { linked: boolean }): FileKind {
  if (bytes.length === 0) throw new FileFetchError(i18n.t('viewer.error.empty'));
  if (isOle(bytes)) throw new FileFetchError(i18n.t('viewer.error.legacyDoc'));
  const kind = sniff(bytes, source);
  if (linked && kind !== 'pdf' && kind !== 'docx') {
    throw new FileFetchError(kind === 'html' ? i18n.t('viewer.error.htmlNotFile') : i18n.t('viewer.error.notReportFile'));
  }
  return kind;
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The file's Page; a PDF already opened (for drawing) is read from that document. */
export async function readPage(bytes: Uint8Array, source: string, pdf?: PDFDocumentProxy): Promise<Page> {
  if (pdf) return readPdfDocument(pdf, source);
  return readFile({ bytes, source }, { parseHtml });
}

/** Reads a file in one go (the offscreen document: nothing to draw). */
export async function readReportFile(bytes: Uint8Array, source: string, options: { linked: boolean }): Promise<Page> {
  const kind = formOf(bytes, source, options);
  // pdf.js is loaded only for a PDF.
  const pdf = kind === 'pdf' ? await (await import('./pdf')).openPdf(bytes) : undefined;
  try {
    return await readPage(bytes, source, pdf);
  } finally {
    void pdf?.destroy();
  }
}
