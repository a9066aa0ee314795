// DOCX front door (lane DOCX builds it): word/document.xml's tables (w:gridSpan, w:vMerge) and
// paragraphs → the same Page the HTML path yields. Placeholder until then.
import type { Page } from '../types';
import { UnreadableFile } from './unreadable-file';

export function readDocx(_bytes: Uint8Array, _source: string): Page {
  throw new UnreadableFile('尚不能读取 DOCX', 'DOCX is not read yet');
}
