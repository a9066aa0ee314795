// DOCX front door: a zip holding word/document.xml. Its tables (w:tbl: w:gridSpan, w:vMerge,
// w:gridBefore/After) become span-expanded grids like HTML tables, its paragraphs (w:p: w:t, w:tab,
// w:br) text blocks, in reading order: the same Page the HTML path yields. A table holding tables is
// a layout table, read through like a page frame: its text flows, its inner tables become grids.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { Block, Grid, GridCell, Page, PageMeta, Unreadable } from '../types';
import { MAX_TABLE_CELLS, tableCapped } from '../grid';
import { createNormalizer, detectScript, foldSpaces, type Normalizer } from '../normalize';
import { MAX_LABEL_LENGTH, REPORT_TITLE } from '../formats';
import { foldLines } from '../grid/text';
import { rememberingLabels } from './memo';
import { findElement, isElement, parseXml, textOf, type XmlElement } from './xml';
import { UnreadableFile } from './unreadable-file';

const DOCUMENT = 'word/document.xml';
const CORE_PROPERTIES = 'docProps/core.xml';
// A report's document.xml is well under 2 MB; the caps refuse zip bombs before inflating anything
// (fflate inflates into a buffer of the declared size, so a lying size cannot grow past it).
export const MAX_PART_BYTES = 32 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 48 * 1024 * 1024;
// Grid columns a row may declare (w:gridSpan, w:gridBefore): Word's own limit is 63.
const MAX_COLUMNS = 64;
const MAX_WIDTH = 4 * MAX_COLUMNS;

const TOO_BIG = new UnreadableFile('DOCX 解压后过大（可能是压缩炸弹），未读取', 'DOCX too large once decompressed (possibly a zip bomb); not read');
const BROKEN = new UnreadableFile('DOCX 文件不完整或已损坏（压缩包无法打开）', 'DOCX file truncated or damaged (the zip cannot be opened)');
const NOT_WORD = new UnreadableFile('压缩包中没有 Word 正文（word/document.xml），不是 DOCX 文件', 'zip without word/document.xml: not a DOCX file');

/** The parts the reader needs, inflated under the caps. */
function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  let bomb = false;
  const wanted = (file: UnzipFileInfo) => {
    if (file.name !== DOCUMENT && file.name !== CORE_PROPERTIES) return false;
    total += file.originalSize;
    if (file.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) bomb = true;
    return !bomb;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: wanted });
  } catch {
    throw bomb ? TOO_BIG : BROKEN;
  }
  if (bomb) throw TOO_BIG;
  return files;
}

const attr = (el: XmlElement | undefined, name: string) => el?.attrs[name];
const childrenOf = (el: XmlElement) => el.children.filter(isElement);
const propertyOf = (el: XmlElement, props: string, name: string) => {
  const p = childrenOf(el).find((c) => c.name === props);
  return p ? childrenOf(p).find((c) => c.name === name) : undefined;
};
const intOf = (value: string | undefined, fallback: number) => {
  const n = parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, MAX_COLUMNS) : fallback;
};

// Elements whose content is not read: deleted text, field codes, the fallback copy of a drawing
// (its mc:Choice holds the same text box), properties.
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:sectPr', 'w:tblGrid']);

/** Walks the body in reading order into blocks. */
class BodyReader {
  readonly blocks: Block[] = [];
  /** Tables cut at the size cap (TBL-UNREADABLE). */
  readonly unreadable: Unreadable[] = [];
  private tables = 0;
  private line: string[] = [];

  constructor(private readonly normalizer: Normalizer) {}

  private flush(): void {
    const text = foldSpaces(this.line.join(''));
    this.line = [];
    if (text) this.blocks.push({ kind: 'text', cell: { text, norm: this.normalizer.label(text), table: -1, row: this.blocks.length, col: 0 } });
  }

  /** Block-level content: paragraphs, tables, and the wrappers around them (w:sdt, w:ins…). */
  read(el: XmlElement): void {
    for (const child of el.children) {
      if (typeof child === 'string') continue; // whitespace between elements
      this.visit(child);
    }
  }

  private visit(el: XmlElement): void {
    if (SKIPPED.has(el.name)) return;
    switch (el.name) {
      case 'w:p':
        this.flush();
        this.inline(el);
        this.flush();
        return;
      case 'w:tbl':
        this.flush();
        if (findElement(el, 'w:tbl')) this.read(el); // a layout table: read through
        else {
          const grid = this.grid(el);
          if (grid.rows.length) this.blocks.push({ kind: 'table', grid });
        }
        return;
      default:
        this.read(el);
    }
  }

  /** A paragraph's runs: text, tabs, breaks; text boxes inside it are paragraphs of their own. */
  private inline(el: XmlElement): void {
    for (const child of el.children) {
      if (typeof child === 'string' || SKIPPED.has(child.name)) continue;
      switch (child.name) {
        case 'w:t':
          this.line.push(textOf(child));
          break;
        case 'w:tab':
        case 'w:ptab':
          this.line.push(' ');
          break;
        case 'w:br':
        case 'w:cr':
          this.flush();
          break;
        case 'w:noBreakHyphen':
          this.line.push('-');
          break;
        case 'w:txbxContent':
          this.flush();
          this.read(child);
          break;
        default:
          this.inline(child);
      }
    }
  }

  /** The text of a table cell: its paragraphs (and lines broken by w:br) one per line, as lib/grid keeps a <td>'s. */
  private cellText(tc: XmlElement): string {
    const saved = this.line;
    const before = this.blocks.length;
    this.line = [];
    this.read(tc);
    this.flush();
    const parts = this.blocks.splice(before).map((b) => (b.kind === 'text' ? b.cell.text : ''));
    this.line = saved;
    return foldLines(parts.join('\n'));
  }

  /** The rows of a table, through wrappers (w:sdt, w:customXml) around them. */
  private rowsOf(el: XmlElement, rows: XmlElement[] = []): XmlElement[] {
    for (const child of childrenOf(el)) {
      if (child.name === 'w:tr') rows.push(child);
      else if (!SKIPPED.has(child.name) && child.name !== 'w:tc') this.rowsOf(child, rows);
    }
    return rows;
  }

  private cellsOf(el: XmlElement, cells: XmlElement[] = []): XmlElement[] {
    for (const child of childrenOf(el)) {
      if (child.name === 'w:tc') cells.push(child);
      else if (!SKIPPED.has(child.name)) this.cellsOf(child, cells);
    }
    return cells;
  }

  /**
   * The span-expanded grid: a cell fills w:gridSpan columns; a w:vMerge continuation cell is a
   * copy (origin:false) of the cell above it in the same columns. Slots no cell covers (gridBefore,
   * short rows) are padding: empty, origin:false.
   */
  private grid(tbl: XmlElement): Grid {
    const index = this.tables++;
    const slots: GridCell[][] = [];
    let filled = 0;
    for (const [r, tr] of this.rowsOf(tbl).entries()) {
      // As lib/grid caps an HTML table: read up to the last whole row that fits, and say so.
      if (filled >= MAX_TABLE_CELLS) {
        this.unreadable.push(tableCapped(filled));
        break;
      }
      const row: GridCell[] = [];
      slots.push(row);
      const before = intOf(attr(propertyOf(tr, 'w:trPr', 'w:gridBefore'), 'w:val'), 0);
      let c = before;
      for (const tc of this.cellsOf(tr)) {
        const span = Math.max(1, intOf(attr(propertyOf(tc, 'w:tcPr', 'w:gridSpan'), 'w:val'), 1));
        const merge = propertyOf(tc, 'w:tcPr', 'w:vMerge');
        const above = r > 0 ? slots[r - 1]![c] : undefined;
        const continues = merge !== undefined && attr(merge, 'w:val') !== 'restart' && above !== undefined;
        const text = continues ? above!.text : this.cellText(tc);
        const norm = continues ? above!.norm : text === '' ? '' : this.normalizer.label(text);
        for (let dc = 0; dc < span && c + dc < MAX_WIDTH; dc++) {
          row[c + dc] = { text, norm, table: index, row: r, col: c + dc, origin: !continues && dc === 0 };
        }
        c += span;
      }
      filled += Math.max(1, row.length);
    }
    const width = slots.reduce((w, row) => Math.max(w, row.length), 0);
    for (const [r, row] of slots.entries()) {
      for (let c = 0; c < width; c++) row[c] ??= { text: '', norm: '', table: index, row: r, col: c, origin: false };
    }
    return { index, rows: slots };
  }
}

/** docProps/core.xml's dc:title, when the author set one. */
function coreTitle(core: Uint8Array | undefined): string | null {
  if (!core) return null;
  const title = findElement(parseXml(new TextDecoder().decode(core)), 'dc:title');
  return title ? foldSpaces(textOf(title)) || null : null;
}

/** The report's title: its first title-like paragraph, else the file's title property. */
function titleOf(blocks: readonly Block[], core: string | null, normalizer: Normalizer): string | null {
  for (const b of blocks) {
    if (b.kind === 'text' && b.cell.norm.length <= MAX_LABEL_LENGTH && REPORT_TITLE.test(b.cell.norm)) return normalizer.plain(b.cell.text);
  }
  return core ? normalizer.plain(core) : null;
}

export function readDocx(bytes: Uint8Array, source: string): Page {
  const parts = unzipParts(bytes);
  const document = parts[DOCUMENT];
  if (!document) throw NOT_WORD;
  const root = parseXml(new TextDecoder().decode(document));
  const body = findElement(root, 'w:body');
  if (!body) throw new UnreadableFile('DOCX 正文为空或已损坏', 'DOCX body empty or damaged');
  const text = textOf(body);
  const pageNormalizer = createNormalizer(detectScript(text));
  const reader = new BodyReader(rememberingLabels(pageNormalizer));
  reader.read(body);
  if (reader.blocks.length === 0) throw new UnreadableFile('DOCX 中没有文字', 'DOCX holds no text');
  const meta: PageMeta = { title: titleOf(reader.blocks, coreTitle(parts[CORE_PROPERTIES]), pageNormalizer), metas: {}, source };
  return { form: 'docx', script: pageNormalizer.script, meta, blocks: reader.blocks, unreadable: reader.unreadable };
}
