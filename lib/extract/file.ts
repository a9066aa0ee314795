// A file of any form → its Page, chosen by content (not by name alone): "%PDF" → PDF, a zip holding
// word/document.xml → DOCX, markup → HTML, anything else → saved text. The CLI, the viewer and a
// dropped file all come in here, so every form goes through the one pipeline (lib/analyze.ts).
import type { Analysis, Page } from '../types';
import { analyzePage, type AnalyzeOptions } from '../analyze';
import { detectScript, createNormalizer } from '../normalize';
import { htmlPage } from './html';
import { textPage } from './text';
import { readPdf } from './pdf';
import { readDocx } from './docx';
import { decodeText } from './decode';
import { UnreadableFile } from './unreadable-file';

export type FileKind = 'pdf' | 'docx' | 'doc' | 'html' | 'text';

export interface FileInput {
  bytes: Uint8Array;
  /** URL or path, copied into report.source. */
  source: string;
  /** The Content-Type the server sent (viewer), when any: a hint only, content decides. */
  contentType?: string;
}

/** What the host provides: an HTML parser (DOMParser in a browser, parseHtmlInNode of node-dom.ts in Node). */
export interface ReadEnvironment {
  parseHtml(html: string): Document;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// OLE compound file: the old binary Word (.doc) and WPS (.wps) formats.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// PDF allows junk before the header (within the first 1024 bytes).
const PDF_HEADER_WINDOW = 1024;

function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, PDF_HEADER_WINDOW);
  for (let i = 0; i <= end; i++) if (bytes[i] === 0x25 && startsWith(bytes, PDF_MAGIC, i)) return true;
  return false;
}

/** The file's form by its content; the name (.txt, .md) or a text/plain Content-Type only tells saved text from markup. */
export function sniff(bytes: Uint8Array, source: string, contentType?: string): FileKind {
  if (isPdf(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) return 'docx';
  if (startsWith(bytes, OLE_MAGIC)) return 'doc';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  if (/\.(txt|md|markdown)$/i.test(source) || /^text\/plain\b/i.test(contentType ?? '')) return 'text';
  return /^\s*(?:\ufeff)?\s*</.test(head.replace(/^\xef\xbb\xbf/, '')) ? 'html' : 'text';
}

/** Reads the file's Page; throws UnreadableFile with a clear message when it yields none. */
export async function readFile(input: FileInput, env: ReadEnvironment): Promise<Page> {
  const { bytes, source } = input;
  if (bytes.length === 0) throw new UnreadableFile('文件为空', 'empty file');
  const kind = sniff(bytes, source, input.contentType);
  if (kind === 'pdf') return readPdf(bytes, source);
  if (kind === 'docx') return readDocx(bytes, source);
  if (kind === 'doc') throw new UnreadableFile('旧版 Word/WPS 文件（.doc/.wps），请另存为 .docx 或 PDF 后再检查', 'old binary Word/WPS file (.doc/.wps): save it as .docx or PDF and check again');
  const text = decodeText(bytes);
  if (!text.trim()) throw new UnreadableFile('文件为空', 'empty file');
  if (kind === 'text') return textPage(text, source);
  return htmlPage(env.parseHtml(text), source, createNormalizer(detectScript(text)));
}

/** Reads and analyses a file; UnreadableFile when it yields no page. */
export async function analyzeFile(input: FileInput, env: ReadEnvironment, opts: Omit<AnalyzeOptions, 'source'> = {}): Promise<Analysis> {
  return analyzePage(await readFile(input, env), { ...opts, source: input.source });
}

export { UnreadableFile };
