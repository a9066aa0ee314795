// Reading tables from a flat sequence of cells (saved text, or a page whose tables are not <table>s).
// A row label is followed by its figures: exactly as many cells as the table has columns, in the
// national order (the header is flattened, so it only tells 表二's columns and whether 表三 has a
// subtotal column). Labels broken over lines ("商业" / "企业") are joined.
// Where a page shows its empty cells ("|" in the pipe layout) a row cut short is read as far as it
// goes. Where an empty cell leaves no trace (one cell per line: the scraper drops it), a short row's
// figures could stand in any columns, so none of them is kept: no number is shown in a wrong column.
import type { Block, Cell } from '../types';
import { APPLICANT_COLUMNS, type TableId } from '../report/keys';
import { MAX_LABEL_LENGTH, type LabelEntry } from '../formats';
import { APPEAL_ORDER, classify, parseCell, type Reading } from './reading';

interface Run {
  /** `requests.granted`: the figures' keys are prefix + column. */
  prefix: string;
  /** null: a column read and ignored (subtotal). */
  columns: readonly (string | null)[];
  next: number;
  /** The row's figures, kept once the row is complete (or where empty cells show). */
  read: { key: string; cell: Cell }[];
  /**
   * The run begins only with a printed cell, not an empty one: after a group label that may or
   * may not carry figures (T2019's one-row （六）), and for 表四's label-less row.
   */
  awaitsFigure: boolean;
}

interface Header {
  table: TableId;
  columns: (string | null)[];
  /** Rows have been read under it: the next column label starts a new header. */
  closed: boolean;
}

// A label broken over lines has short parts; paragraphs are never joined.
const MAX_JOINED_PARTS = 3;
const MAX_PART_LENGTH = 40;
const MAX_FIGURE_LENGTH = 24;
// "12件以上", "3 5": a figure printed wrong (VAL-BAD) rather than a label; "1.属于…" is a label.
const MISPRINTED_FIGURE = /^[-+]?\d(?!\d*[.、)][^\d])/;
const MAX_MISPRINTED_LENGTH = 12;

// A label, then digits: "规章000", "1.属于国家秘密000000" (the label's own number kept with it),
// "政府集中采购11297.17万元" (a unit after the row's last figure).
const GLUED_SEGMENT = /((?:\d+[.、](?!\d))?[^\d]+)(\d+(?:\.\d+)?)(?:万元|元)?/g;
const ROW_NUMBER = /^(?:\(?[一二三四五六七八九十]+[)、]|\d+[.、](?!\d))/;
const MAX_GLUED_LENGTH = 4000;
const NUMBER_PART = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;
// Longer than any count or amount a report prints (and than a JSON number holds exactly).
const MAX_FIGURE_DIGITS = 18;

/**
 * The one way of parting `digits` into `n` cells, each a number or blank (a blank cell leaves no
 * trace in glued text); null when there are none or several.
 */
export function uniqueParting(digits: string, n: number): string[] | null {
  // ways[k][i]: partings of digits[i..] into k cells, counted up to 2.
  const L = digits.length;
  if (L > n * MAX_FIGURE_DIGITS) return null;
  const ways: number[][] = Array.from({ length: n + 1 }, () => Array<number>(L + 1).fill(0));
  ways[0]![L] = 1;
  for (let k = 1; k <= n; k++) {
    for (let i = L; i >= 0; i--) {
      let w = ways[k - 1]![i]!; // this cell blank
      for (let j = i + 1; j <= Math.min(L, i + MAX_FIGURE_DIGITS) && w < 2; j++) if (NUMBER_PART.test(digits.slice(i, j))) w += ways[k - 1]![j]!;
      ways[k]![i] = Math.min(w, 2);
    }
  }
  if (ways[n]![0] !== 1) return null;
  const parts: string[] = [];
  let i = 0;
  for (let k = n; k >= 1; k--) {
    if (ways[k - 1]![i] === 1) {
      parts.push('');
      continue;
    }
    let j = i + 1;
    while (!(NUMBER_PART.test(digits.slice(i, j)) && ways[k - 1]![j] === 1)) j++;
    parts.push(digits.slice(i, j));
    i = j;
  }
  return parts;
}

const sameMeaning = (a: LabelEntry | null, b: LabelEntry) => a !== null && a.kind === b.kind && a.table === b.table && (a.kind !== 'row' || b.kind !== 'row' || a.row === b.row);

export class TextReader {
  private run: Run | null = null;
  private header: Header | null = null;

  constructor(
    private readonly reading: Reading,
    /** The page prints its empty cells (pipe layout), so a short row's cells are where they stand. */
    private readonly showsEmptyCells: boolean,
  ) {}

  /** A heading, table, note or the end of the page ends the row being read. */
  interrupt(): void {
    const run = this.run;
    this.run = null;
    if (!run || (run.next < run.columns.length && !this.showsEmptyCells)) return;
    for (const { key, cell } of run.read) this.reading.addFigure(key, cell);
  }

  /**
   * Reads the cell at `i` (and the next ones, for a label broken over lines). Returns how many
   * blocks were table content; 0 when the cell is none (narrative, chrome).
   */
  read(blocks: readonly Block[], i: number, end: number): number {
    const cell = (blocks[i] as Extract<Block, { kind: 'text' }>).cell;
    if (this.run) {
      if (this.isFigure(cell, this.run.awaitsFigure)) {
        this.take(this.run, cell);
        return 1;
      }
      this.interrupt();
    }
    if (this.readGlued(cell)) return 1;
    const match = this.matchLabel(blocks, i, end);
    if (match) {
      this.reading.enter(match.entry);
      this.apply(match.entry);
      const label = (blocks[i + match.span - 1] as Extract<Block, { kind: 'text' }>).cell;
      return match.span + this.readRowOnLine(blocks, i + match.span, end, label);
    }
    const table = this.reading.table;
    if (!table || !this.isFigure(cell, false)) return 0;
    // 表四's fifteen figures follow its header with no row label of their own.
    if (table === 'appeals' && this.isFigure(cell, true)) {
      this.run = { prefix: 'appeals', columns: APPEAL_ORDER, next: 0, read: [], awaitsFigure: false };
      this.take(this.run, cell);
    }
    // Otherwise a stray cell of the table (colspan remainders "||"): table content, no figure.
    return 1;
  }

  /**
   * A row printed on one line (a markdown or tab-parted table row): its figures are the cells after
   * the label on the label's line. More cells than columns are padding of a merged cell (a
   * converter writes a colspan as its text and empty cells): the printed ones, when there are as
   * many as columns; else the row's last or first cells, where the others are all empty. When both
   * fit and differ, a blank cell cannot be told from padding: the row is not read (TBL-UNREADABLE).
   * Returns how many blocks the row's figures took; 0 when the line holds none (one cell per line).
   */
  private readRowOnLine(blocks: readonly Block[], from: number, end: number, label: Cell): number {
    const run = this.run;
    if (!run) return 0;
    const after: Cell[] = [];
    for (let j = from; j < end; j++) {
      const block = blocks[j]!;
      if (block.kind !== 'text' || block.cell.table !== label.table || !this.isFigure(block.cell, false)) break;
      after.push(block.cell);
    }
    const n = run.columns.length;
    if (after.length <= n) {
      after.forEach((cell) => this.run === run && this.take(run, cell));
      return after.length;
    }
    const printed = after.filter((c) => c.text !== '');
    const empty = (cells: Cell[]) => cells.every((c) => c.text === '');
    const last = empty(after.slice(0, after.length - n)) ? after.slice(after.length - n) : null;
    const first = empty(after.slice(n)) ? after.slice(0, n) : null;
    const same = last && first && last.every((c, k) => c.text === first[k]!.text);
    const chosen = printed.length === n ? printed : last && first && !same ? null : last ?? first;
    if (chosen) chosen.forEach((cell) => this.take(run, cell));
    else {
      this.run = null;
      this.unreadable(run.prefix.split('.')[0] as TableId, '空白格与合并格无法区分，无法确定各栏数字', 'blank cells cannot be told from merged ones; the figures\' columns cannot be told');
    }
    return after.length;
  }

  /**
   * A cell of row labels each followed by its figures with nothing between them
   * ("规章000行政规范性文件8855698", as a page's text extraction glues a table's cells, header
   * words before the first label, 表四's figures after its last header word). A row's digits are
   * read only where one way of parting them into its columns exists (no number starts with 0; a
   * blank cell leaves no trace): "000" for three columns, any digits for one. Otherwise the table
   * is unreadable (TBL-UNREADABLE): no figure is guessed. False when the cell is no such run.
   */
  private readGlued(cell: Cell): boolean {
    // Digits parted by spaces are cells (or two numbers in one), never glued ones.
    if (cell.norm.length > MAX_GLUED_LENGTH || !/[^\d.,]\d/.test(cell.norm) || /\d\s|\s\d/.test(cell.text)) return false;
    const segments = [...cell.norm.matchAll(GLUED_SEGMENT)];
    // The segments run back to back from the start; words after the last figures (a note) are left.
    const covered = segments.reduce((n, m) => (m.index === n ? n + m[0].length : n), 0);
    if (covered === 0 || /\d/.test(cell.norm.slice(covered))) return false;
    const rows = segments.filter((m) => m.index! < covered).map((m, k, run) => {
      const entry = this.rowNamedAtEnd(m[1]!);
      if (entry) return { table: entry.table, prefix: `${entry.table}.${entry.row}`, columns: this.columnsOf(entry.table, entry.row, this.header?.table === entry.table ? this.header.columns : []), digits: m[2]! };
      // 表四's figures: after its header, with no row label.
      if (this.reading.table === 'appeals' && k === run.length - 1) return { table: 'appeals' as const, prefix: 'appeals', columns: APPEAL_ORDER, digits: m[2]! };
      return null;
    });
    if (rows.every((r) => r === null)) return false;
    this.interrupt();
    for (const row of rows) {
      const table = row?.table ?? this.reading.table;
      const parts = row && uniqueParting(row.digits, row.columns.length);
      if (table) this.reading.enter({ kind: 'marker', table });
      if (!row || !parts) {
        if (table) this.unreadable(table, '数字粘连在一起，无法确定各栏数字', 'figures run together; their columns cannot be told');
        continue;
      }
      parts.forEach((part, c) => {
        const column = row.columns[c];
        if (column) this.reading.addFigure(`${row.prefix}.${column}`, { ...cell, text: part, norm: part });
      });
    }
    return true;
  }

  /**
   * The row a glued label names at its end, after header words or the previous row's item number:
   * the longest tail starting at a number ("1.属于国家秘密", "（七）总计", "一、本年新收…"), else an
   * unnumbered 表二 row ("规章", "行政许可"). Other unnumbered tails are not trusted ("其他…").
   */
  private rowNamedAtEnd(label: string): { table: TableId; row: string } | null {
    const rowOf = (text: string) => {
      const entry = classify(text, this.reading.table, true);
      return entry?.kind === 'row' ? entry : entry?.kind === 'group' && entry.row ? { table: entry.table, row: entry.row } : null;
    };
    // Only a tail as short as a label can name a row.
    const first = Math.max(0, label.length - MAX_LABEL_LENGTH);
    for (let s = first; s < label.length; s++) {
      if (s > 0 && !ROW_NUMBER.test(label.slice(s))) continue;
      const row = rowOf(label.slice(s));
      if (row) return row;
    }
    for (let s = Math.max(1, first); s < label.length; s++) {
      const row = rowOf(label.slice(s));
      if (row?.table === 'active') return row;
    }
    return null;
  }

  /** A table seen but not readable (once per table): TBL-UNREADABLE, and no TBL-MISSING for it. */
  private unreadable(table: TableId, reason: string, reasonEn: string): void {
    this.reading.tableSeen = true;
    if (!this.reading.unreadable.some((u) => u.table === table)) this.reading.unreadable.push({ table, reason, reasonEn });
  }

  private isFigure(cell: Cell, printedOnly: boolean): boolean {
    if (cell.text === '') return !printedOnly;
    if (cell.norm.length > MAX_FIGURE_LENGTH) return false;
    if (!parseCell(cell).bad) return true;
    return cell.norm.length <= MAX_MISPRINTED_LENGTH && MISPRINTED_FIGURE.test(cell.norm) && !classify(cell.norm, this.reading.table, false);
  }

  private take(run: Run, cell: Cell): void {
    const column = run.columns[run.next++];
    if (column) run.read.push({ key: `${run.prefix}.${column}`, cell });
    run.awaitsFigure = false;
    if (run.next >= run.columns.length) this.interrupt();
  }

  /** The label at `i`, alone or joined with the one or two cells after it. */
  private matchLabel(blocks: readonly Block[], i: number, end: number): { entry: LabelEntry; span: number } | null {
    let norm = '';
    let found: { entry: LabelEntry; span: number } | null = null;
    for (let span = 1; span <= MAX_JOINED_PARTS && i + span <= end; span++) {
      const block = blocks[i + span - 1]!;
      if (block.kind !== 'text') break;
      const part = block.cell.norm;
      if (part === '' || (span > 1 && (part.length > MAX_PART_LENGTH || this.isFigure(block.cell, true)))) break;
      norm += part;
      const entry = classify(norm, this.reading.table, false);
      // A row label read by its start ("1.申请人无正当理由逾期") takes the rest of it along, when
      // the longer text still names the same row.
      if (found) {
        if (!sameMeaning(entry, found.entry)) break;
        found = { entry: found.entry, span };
        continue;
      }
      if (entry) {
        if (entry.kind !== 'row') return { entry, span };
        found = { entry, span };
        continue;
      }
      if (part.length > MAX_PART_LENGTH) break;
    }
    return found;
  }


  private apply(entry: LabelEntry): void {
    switch (entry.kind) {
      case 'caption':
        this.header = { table: entry.table, columns: [], closed: false };
        break;
      case 'column':
        if (!this.header || this.header.table !== entry.table || this.header.closed) {
          this.header = { table: entry.table, columns: [], closed: false };
        }
        this.header.columns.push(entry.column);
        break;
      case 'group':
        if (entry.row) this.openRow(entry.table, entry.row, true);
        break;
      case 'row':
        this.openRow(entry.table, entry.row, false);
        break;
      case 'marker':
        break;
    }
  }

  private openRow(table: TableId, row: string, awaitsFigure: boolean): void {
    const header = this.header?.table === table ? this.header : null;
    if (header) header.closed = true;
    const columns = this.columnsOf(table, row, header?.columns ?? []);
    this.run = { prefix: `${table}.${row}`, columns, next: 0, read: [], awaitsFigure };
  }

  private columnsOf(table: TableId, row: string, header: readonly (string | null)[]): readonly (string | null)[] {
    if (table === 'active') {
      const named = header.filter((c): c is string => c !== null);
      return named.length ? named : this.reading.defaultColumns('active', row);
    }
    // 表三's header is flattened (自然人, 法人或其他组织, 总计, then the five): its order only says
    // where a subtotal column stands among the organisation columns.
    const parts = header.filter((c) => c !== 'natural' && c !== 'total');
    if (header.includes(null) && parts.length === APPLICANT_COLUMNS.length - 1) return ['natural', ...parts, 'total'];
    return this.reading.defaultColumns(table, row);
  }
}
