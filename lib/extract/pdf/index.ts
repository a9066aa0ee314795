// PDF front door (lane PDF builds it): a PDF's text layer and ruling lines → the same Page (grids and
// text blocks) the HTML path yields. Placeholder until then: every PDF is an UnreadableFile.
import type { Page } from '../../types';
import { UnreadableFile } from '../unreadable-file';

/** A PDF file's bytes → its Page. Loads pdf.js (Node: the legacy build) only when called. */
export async function readPdf(_bytes: Uint8Array, _source: string): Promise<Page> {
  throw new UnreadableFile('尚不能读取 PDF', 'PDF is not read yet');
}
