// In-memory types shared by every step of the engine. The JSON report (report/schema.ts) is what
// leaves the engine; these carry what only the page needs: the cells figures came from.
import type { Finding, Report, SectionId } from './report/schema';
import type { TableId, TemplateId } from './report/keys';
import type { SourceForm } from './report/schema';

export type { SourceForm } from './report/schema';

/** One cell of a table (HTML grid) or one cell/line of a saved-text page. */
export interface Cell {
  /**
   * Text as printed (after &nbsp;/whitespace folding, before normalisation). A cell printed on
   * several lines (<br>, <p>s in a <td>) keeps each break as one "\n": "3\n5" is two numbers.
   */
  text: string;
  /** Normalised: simplified, ASCII digits and punctuation, no romanisation, no whitespace. */
  norm: string;
  /** Index of the <table> in the document (HTML) or of the line (text). */
  table: number;
  row: number;
  col: number;
  /** The page element (HTML only; absent in text input and in JSON). */
  element?: Element;
  /** Where the cell was printed (PDF only): one box per line or page part it spans. */
  boxes?: Box[];
}

/**
 * A rectangle on a PDF page, in PDF points from the page's top-left corner (y grows downwards),
 * unscaled: the viewer multiplies by its zoom. `page` is 1-based, as pdf.js numbers pages.
 */
export interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A table that is there but cannot be read, and why (TBL-UNREADABLE): an image-only PDF, figures
 * glued together, a table over the size caps. No figure is invented for it.
 */
export interface Unreadable {
  /** The national table concerned; null when not known (a scanned document, a capped table). */
  table: TableId | null;
  /** Chinese, for the finding's message: "PDF 没有文字层（扫描件）". */
  reason: string;
  reasonEn: string;
}

/**
 * What every front door yields (HTML Document, saved text, markdown, PDF, DOCX): the page's meta
 * data and its content in reading order, the same structures whatever the form.
 */
export interface Page {
  form: SourceForm;
  /** The script the blocks were normalised in (lib/normalize detectScript over the whole text). */
  script: 'simplified' | 'traditional';
  meta: PageMeta;
  blocks: Block[];
  /** Tables found but not readable (lib/checks/tbl-unreadable.ts reports each). */
  unreadable: Unreadable[];
}

/** A figure read from a cell: the spec's canonical key, the value, and where it came from. */
export interface Figure {
  key: string;
  /** null = blank cell (VAL-BLANK), never 0. NaN never appears: unreadable is `bad`. */
  value: number | null;
  raw: string;
  /** Unit printed in the cell ("万元", "元"), when any. */
  unit?: string;
  /** The cell could not be read as a number (VAL-BAD); value is null. */
  bad?: boolean;
  cell: Cell;
}

export type FigureMap = Map<string, Figure>;

/** What recognition finds about a page before its tables are read. */
export interface Recognition {
  isReport: boolean;
  template: TemplateId;
  script: 'simplified' | 'traditional';
  title: string | null;
  agency: string | null;
  agencyKind: 'government' | 'department' | null;
  year: number | null;
  publishedAt: string | null;
}

/** What extraction finds: figures, and the page structure the text checks need. */
export interface Extraction {
  template: TemplateId;
  figures: FigureMap;
  /** Tables whose figures were found (any figure of that table). */
  tablesFound: Set<TableId>;
  sections: Set<SectionId>;
  /** Narrative text outside the tables (simplified, ASCII digits, whitespace folded), for TXT-T3/TXT-T4. */
  narrativeText: string;
  /** Figures stated in the narrative; filled from `narrativeText` by lib/narrative. */
  narrative: Report['narrative'];
  notes: Report['notes'];
  /** Tables that are there but cannot be read: from the front door and from matching. */
  unreadable: Unreadable[];
}

/** What every rule receives. Rules never touch the DOM. */
export interface CheckContext {
  recognition: Recognition;
  extraction: Extraction;
  /** Last year's report of the same agency (a saved snapshot), for YOY-*; with a label naming it. */
  previous?: { report: Report; label: string };
}

export type Check = (ctx: CheckContext) => Finding[];

/** The engine's full result: the JSON report plus the figures with their page cells. */
export interface Analysis {
  report: Report;
  figures: FigureMap;
  recognition: Recognition;
  /** Kept so the checks can run again with last year's report (withPrevious) without re-reading the page. */
  extraction: Extraction;
}

/** A cell of a span-expanded grid. Copies made by rowspan/colspan have `origin: false`. */
export interface GridCell extends Cell {
  origin: boolean;
}

/** A <table> as a span-expanded grid (rows × columns, every slot filled). */
export interface Grid {
  index: number;
  rows: GridCell[][];
  element?: Element;
}

/**
 * The page as a flat sequence in reading order: paragraphs/headings/lines of text, and tables.
 * Saved-text pages have only text blocks (their table cells are lines).
 */
export type Block = { kind: 'text'; cell: Cell } | { kind: 'table'; grid: Grid };

/** What the page says about itself outside the body: <title>, <meta name=…>, saved-text header lines. */
export interface PageMeta {
  title: string | null;
  /** Meta tags by name (ArticleTitle, PubDate, ColumnName, …), and saved-text header fields (标题, 发布时间). */
  metas: Record<string, string>;
  /** URL or file name. */
  source: string;
}
