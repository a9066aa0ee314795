// pdf.js in the extension's own pages (viewer, offscreen document) — never in a content script. The
// same module specifier the engine's PDF reader imports, so the viewer's document and the engine's
// reading share one pdf.js instance; its worker is the bundled file, and eval is off for MV3's CSP.
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { EXTENSION_PDFJS_DIR, pdfResourcesUnder } from '@/lib/extract/pdf/resources';
import { FileFetchError } from './fetch-file';

GlobalWorkerOptions.workerSrc = workerUrl;

let worker: PDFWorker | null = null;
/**
 * pdf.js's worker, started once per page: it takes a while to load (1.3 MB), so the viewer starts it
 * while the file downloads. Documents share it; destroying one leaves it running for the next.
 */
export const startPdfWorker = (): PDFWorker => (worker ??= new PDFWorker());

/** Opens a PDF for rendering and reading; an encrypted or broken file is a FileFetchError with its message. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy, the download keeps the original.
  // The CMaps shipped in the extension: Chinese fonts that are not embedded need them for any text.
  const resources = pdfResourcesUnder(`${browser.runtime.getURL('/')}${EXTENSION_PDFJS_DIR}`);
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, worker: startPdfWorker(), ...resources });
  // Without an onPassword callback a file that needs a password rejects (PasswordException) at once;
  // one with an owner password only (printing/copying restricted) opens and reads.
  try {
    return await task.promise;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new FileFetchError(i18n.t('viewer.error.encrypted'));
    throw new FileFetchError(i18n.t('viewer.error.brokenPdf'));
  }
}
